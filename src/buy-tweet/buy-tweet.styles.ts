import { css } from 'lit';

/**
 * The card has one fixed height, skeleton and product alike, so nothing below it moves when the
 * product arrives. Colours come from `theme`. Logical properties only (and flex, which follows
 * the direction), so a right-to-left card needs no stylesheet of its own. The error card's and the
 * tweet view's own styles come with their chunks (fallbacks.ts, tweet-url.ts).
 */
export const styles = css`
  :host {
    display: block;
    max-width: 550px;
  }
  /* Not on the host: the publisher's tweet keeps the page's font, as before the script ran. */
  :host > div {
    font: 15px/1.3 var(--_font);
    color: var(--_fg);
  }
  /* Off screen, a card's insides are neither laid out nor painted (its size is fixed; a page that
     changes it keeps the size last seen): a page of 500 cards lays out the few in view
     (docs/contributors/performance.md). */
  .card {
    content-visibility: auto;
    contain-intrinsic-size: auto 124px;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_bg);
    display: flex;
    gap: 12px;
    box-sizing: border-box;
    height: 124px;
    margin-block-start: 8px;
    padding: 12px;
  }
  /* The picture, and the skeleton's in its place. Narrower on a phone, so that a longer word on
     Buy still leaves the price its line. */
  .media,
  .skeleton::before {
    flex: none;
    width: min(96px, 25%);
    height: 96px;
    border-radius: 8px;
    background: var(--_line);
    overflow: hidden;
  }
  .skeleton::before {
    content: '';
  }
  img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .info {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  p {
    flex: none;
    margin: 0;
    overflow-wrap: anywhere;
  }
  #title {
    font-weight: 700;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .small {
    color: var(--_muted);
    font-size: 13px;
  }
  [part='merchant'] {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  a {
    color: inherit;
  }
  .actions {
    margin-block-start: auto;
    display: flex;
    gap: 8px;
    align-items: end;
    justify-content: space-between;
  }
  [part='price'] {
    font-weight: 700;
  }
  button {
    flex: none;
    min-height: 36px;
    padding: 0 18px;
    border: 1px solid var(--_accent);
    border-radius: 99px;
    font: inherit;
    font-weight: 700;
    cursor: pointer;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    cursor: default;
    background: none;
    border-color: var(--_line);
    color: var(--_muted);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* The skeleton's picture and two lines, in the places of the product's: still, for a pulse on
     each skeleton cost a page of 500 cards 300 ms of style and layout
     (docs/contributors/performance.md); aria-busy and the hidden "Loading" tell a screen reader. */
  .skeleton::after {
    content: '';
    flex: 1;
    height: 40px;
    background:
      linear-gradient(var(--_line) 0 0) 0 3px / 100% 14px no-repeat,
      linear-gradient(var(--_line) 0 0) 0 23px / 40% 14px no-repeat;
  }
  .skeleton:dir(rtl)::after {
    background-position-x: right;
  }
  .sr {
    position: absolute;
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
