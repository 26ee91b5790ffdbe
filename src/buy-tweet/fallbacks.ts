import { css, html, nothing, render } from 'lit';
import type { BuyTweetError, ErrorCode } from '../core/errors.js';
import type { PartnerMatch } from '../core/partners.js';
import { config } from '../core/config.js';
import { safeUrl } from '../core/url.js';
import en from '../words/en.js';
import english from '../words/en-fallbacks.js';
import type { FallbackWords } from '../words/language.js';
import type { Place } from './card-view.js';
import type { Language } from './language.js';
import type { Card } from './product-controller.js';

/**
 * What `<buy-tweet>` needs only when it has no product card to show: the error card, a Payment
 * Link's card and the advice about t.co. A chunk of its own, loaded on the first need, so that
 * pages whose cards all work never load it.
 */

/** The error card's and the Payment Link card's own styles, added to the element's with this chunk. */
export const styles = css`
  /* Its height is its text's: laid out on screen and off. */
  .error {
    content-visibility: visible;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
    height: auto;
  }
  .secondary {
    background: none;
    color: inherit;
    border-color: var(--_muted);
  }
  /* A link that looks like the Buy button (a Payment Link's Buy). */
  .button {
    flex: none;
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
    min-height: 36px;
    padding: 0 18px;
    border: 1px solid var(--_accent);
    border-radius: 99px;
    font-weight: 700;
    text-decoration: none;
    background: var(--_accent);
    color: var(--_on-accent);
  }
`;

/** What the buyer is told when a step fails: short, and about what they can do. */
const errorText = (words: FallbackWords, code: ErrorCode, partner: string): string => {
  const values = { partner };
  switch (code) {
    case 'network':
      return words.unreachable(values);
    case 'partner_error':
      return words.partnerTrouble(values);
    case 'invalid_response':
      return words.unreadable(values);
    case 'product_not_found':
      return words.productNotFound(values);
    case 'not_for_sale':
      return words.notForSale;
    case 'unsupported_link':
      return words.unsupportedLink;
    case 'tweet_unavailable':
      return words.tweetUnavailable;
    default:
      return words.cannotSell(values);
  }
};

/**
 * The error card: what failed, Retry when it can be retried, and the product link (or the tweet)
 * to fall back on.
 */
const renderError = (
  error: BuyTweetError,
  match: PartnerMatch | null,
  tweetUrl: string | undefined,
  retry: () => void,
  language: Language,
) => {
  const partner = match?.partner.name ?? '';
  const words = language.words(english);
  return html`<div part="card" class="card error">
    <p part="error" role="status">${errorText(words, error.code, partner)}</p>
    <div class="actions">
      ${
        error.retryable
          ? html`<button part="retry-button" class="secondary" @click=${retry}>${words.retry}</button>`
          : nothing
      }
      ${
        match
          ? html`<a part="fallback-link" href=${match.productUrl} target="_blank" rel="noopener noreferrer"
              >${words.view({ partner })}</a
            >`
          : error.step === 'tweet' && tweetUrl
            ? html`<a
                part="fallback-link"
                href=${safeUrl(tweetUrl) ?? nothing}
                target="_blank"
                rel="noopener noreferrer"
                >${words.viewTweet}</a
              >`
            : nothing
      }
    </div>
  </div>`;
};

/** A Stripe Payment Link whose endpoint cannot be reached: Buy opens the hosted checkout itself. */
const renderPaymentLink = (url: string, language: Language) => {
  const { host, pathname } = new URL(url);
  const words = language.words(english);
  return html`<div part="card" class="card">
    <div class="media"></div>
    <div class="info">
      <p part="title" id="title">${words.stripeCheckout}</p>
      <p part="merchant" class="small">${host}${pathname}</p>
      <div class="actions">
        <p part="availability" id="availability" class="small">${words.opensOnStripe}</p>
        <a
          part="buy-button"
          class="button"
          href=${url}
          target="_blank"
          rel="noopener noreferrer"
          aria-describedby="title availability"
          >${language.words(en).buy}</a
        >
      </div>
    </div>
  </div>`;
};

/** The places a failure's card was drawn in: the others have nothing to clear. */
const drawn = new WeakSet<HTMLElement>();

/** Draws the card of the failure the card's view is, if it is one, in `place`. */
export const drawFailure = (
  { container, before }: Place,
  { view, match, retry }: Card,
  tweetUrl: string | undefined,
  language: Language,
): void => {
  const failure =
    view.state === 'error'
      ? renderError(view.error, match, tweetUrl, retry, language)
      : view.state === 'payment-link'
        ? renderPaymentLink(view.url, language)
        : undefined;
  if (!failure && !drawn.has(container)) return;
  drawn.add(container);
  render(failure ?? nothing, container, { renderBefore: before });
};

/**
 * Says once per page why tweets whose links hide behind t.co get no card, and what to do: once the
 * page has loaded, and only if it still has no link endpoint (the script usually runs before the
 * publisher's own `BuyTweet.configure`).
 */
let advised = false;
export const adviseLinkEndpoint = (): void => {
  const advise = () =>
    setTimeout(() => {
      if (advised || config.linkEndpoint) return;
      advised = true;
      console.info(
        'buy-tweet: to sell from tweets whose links hide behind t.co, set a link endpoint: ' +
          'BuyTweet.configure({linkEndpoint}) (docs/publishers/real-tweets.md).',
      );
    });
  if (document.readyState === 'complete') advise();
  else addEventListener('load', advise, { once: true });
};
