import { css } from 'lit';

/** Logical properties only (with flex and grid, which follow the direction): right to left needs no stylesheet of its own. */
export const styles = css`
  :host {
    /* No box of its own: the dialog opens in the top layer, wherever its host is. */
    display: contents;
    --_line: color-mix(in srgb, var(--_fg) 25%, var(--_bg));
    --_danger: #b3261e;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_danger: #ffb4ab;
    }
  }
  :host([theme='dark']) {
    --_danger: #ffb4ab;
  }
  dialog {
    box-sizing: border-box;
    width: min(440px, 100vw - 16px);
    max-height: calc(100dvh - 16px);
    padding: 20px;
    border: 0;
    border-radius: var(--buy-tweet-radius, 12px);
    background: var(--_bg);
    color: var(--_fg);
    font: 15px/1.4 var(--_font);
    box-shadow: 0 12px 48px rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  h2,
  h3 {
    margin: 0;
    font-size: 18px;
  }
  h3 {
    margin-block: 16px 8px;
    font-size: 16px;
  }
  p {
    margin: 0;
  }
  .summary {
    display: flex;
    gap: 12px;
    align-items: center;
    margin-block: 12px 16px;
  }
  .summary img {
    border-radius: 8px;
    object-fit: cover;
  }
  .title {
    font-weight: 700;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: 13px;
  }
  form,
  fieldset {
    display: grid;
    gap: 12px;
  }
  fieldset {
    margin: 0;
    padding: 12px;
    border: 1px solid var(--_line);
    border-radius: 8px;
  }
  legend {
    padding: 0 4px;
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  label {
    font-weight: 600;
    font-size: 14px;
  }
  input:not([type='checkbox']),
  select {
    box-sizing: border-box;
    width: 100%;
    min-height: 40px;
    padding: 8px 10px;
    border: 1px solid var(--_line);
    border-radius: 8px;
    background: var(--_bg);
    color: inherit;
    font: inherit;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error,
  .error {
    color: var(--_danger);
    font-size: 14px;
  }
  .notice {
    padding: 8px 10px;
    border-radius: 8px;
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
  }
  /* The box in a column of its own, on the first line of its label however many lines that takes;
     Forget goes under the label. */
  .remember {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 8px;
    align-items: baseline;
  }
  .remember input {
    margin: 0;
  }
  .remember label {
    font-weight: 400;
  }
  .remember .link {
    grid-column: 2;
    justify-self: start;
  }
  .total {
    display: flex;
    justify-content: space-between;
    font-size: 17px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .primary,
  .secondary {
    width: 100%;
    min-height: 44px;
    margin-block-start: 8px;
    border: 1px solid var(--_accent);
    border-radius: 99px;
    font-weight: 700;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .secondary {
    background: none;
    color: inherit;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .link {
    min-height: 32px;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-decoration: underline;
  }
  .close {
    width: 40px;
    height: 40px;
    border: 0;
    border-radius: 50%;
    background: none;
    color: inherit;
    font-size: 24px;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .payment-element {
    min-height: 120px;
  }
  /* The wallets take no room until Stripe says the device has some (docs/publishers/checkout.md). */
  .express:not([data-wallets]) {
    height: 0;
    overflow: hidden;
    visibility: hidden;
  }
  .or {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-block: 12px 0;
  }
  .or::before,
  .or::after {
    content: '';
    flex: 1;
    border-block-start: 1px solid var(--_line);
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 0;
    margin-block-end: 12px;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  a {
    color: inherit;
  }
  [hidden] {
    display: none;
  }
`;
