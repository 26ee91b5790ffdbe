import { html, nothing } from 'lit';
import { errorText, errorWords } from '../core/error-words.js';
import type { BuyTweetError } from '../core/errors.js';
import type { PartnerMatch } from '../core/partners.js';
import { safeUrl } from '../core/url.js';
import { words } from '../core/words.js';

/**
 * What `<buy-tweet>` needs only when it has no product card to show: the error card, a Payment
 * Link's card and the advice about t.co. A chunk of its own, loaded on the first need, so that
 * pages whose cards all work never load it.
 */

/**
 * The error card: what failed, Retry when it can be retried, and the product link (or the tweet)
 * to fall back on. `retry` runs with the element as `this`, as the element's own handlers do.
 */
export const renderError = (
  error: BuyTweetError,
  match: PartnerMatch | null,
  tweetUrl: string | undefined,
  retry: () => void,
) => {
  const partner = match?.partner.name ?? '';
  return html`<div part="card" class="card error">
    <p part="error" role="status">${errorText(error.code, partner)}</p>
    <div class="actions">
      ${error.retryable
        ? html`<button part="retry-button" class="secondary" @click=${retry}>${errorWords.retry}</button>`
        : nothing}
      ${match
        ? html`<a part="fallback-link" href=${match.productUrl} target="_blank" rel="noopener noreferrer"
            >${errorWords.view(partner)}</a>`
        : error.step === 'tweet' && tweetUrl
          ? html`<a part="fallback-link" href=${safeUrl(tweetUrl) ?? nothing} target="_blank"
              rel="noopener noreferrer">${errorWords.viewTweet}</a>`
          : nothing}
    </div>
  </div>`;
};

/** A Stripe Payment Link whose endpoint cannot be reached: Buy opens the hosted checkout itself. */
export const renderPaymentLink = (url: string) => {
  const { host, pathname } = new URL(url);
  return html`<div part="card" class="card">
    <div class="media"></div>
    <div class="info">
      <p part="title" id="title">Checkout by Stripe</p>
      <p part="merchant" class="small">${host}${pathname}</p>
      <div class="actions">
        <p part="availability" id="availability" class="small">Opens on Stripe</p>
        <a part="buy-button" class="button" href=${url} target="_blank" rel="noopener noreferrer"
          aria-describedby="title availability">${words.buy}</a>
      </div>
    </div>
  </div>`;
};

/** Says once per page why tweets whose links hide behind t.co get no card, and what to do. */
let advised = false;
export const adviseLinkEndpoint = (): void => {
  if (!advised) {
    advised = true;
    console.info(
      'buy-tweet: to sell from tweets whose links hide behind t.co, set a link endpoint: ' +
        'BuyTweet.configure({linkEndpoint}) (README: "Real tweets").',
    );
  }
};
