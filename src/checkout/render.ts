import { html } from 'lit';
import type { PartnerMatch } from '../core/partners.js';
import { ORDER_TEXT_CAPS } from '../core/rules.js';
import type { OrderSource, Product, TweetInfo } from '../core/types.js';
import type { CheckoutCloseEvent, CheckoutErrorEvent, CheckoutPurchaseEvent, SoldOutEvent } from './events.js';

/** What `<buy-tweet>` hands its checkout, and how it hears back (handlers run with it as `this`). */
export interface CheckoutOf {
  product: Product;
  match: PartnerMatch;
  /** The tweet the product came from, if any: the order's source. */
  tweet: TweetInfo | null;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  soldOut: (event: SoldOutEvent) => void;
  purchased: (event: CheckoutPurchaseEvent) => void;
  failed: (event: CheckoutErrorEvent) => void;
  closed: (event: CheckoutCloseEvent) => void;
}

/**
 * The checkout dialog as `<buy-tweet>` draws it in its shadow root. It comes with this chunk, so
 * the card's script does not carry it. The order's source names the page by origin and path
 * only: its query and fragment may hold what is nobody else's business (`?session=…#email=…`).
 */
export const renderCheckout = ({
  product,
  match,
  tweet,
  locale,
  theme,
  soldOut,
  purchased,
  failed,
  closed,
}: CheckoutOf) => {
  // What a partner would refuse as too long is left out: a buyer could not fix it.
  const source: OrderSource = {};
  const pageUrl = location.origin + location.pathname;
  if (pageUrl.length <= ORDER_TEXT_CAPS.pageUrl) source.pageUrl = pageUrl;
  if (tweet?.id) source.tweetId = tweet.id;
  if (tweet?.url) source.tweetUrl = tweet.url;
  return html`<buy-tweet-checkout
    exportparts="dialog, pay-button, receipt"
    theme=${theme ?? 'auto'}
    .product=${product}
    .locale=${locale}
    .partner=${match.partner.name}
    .endpoint=${match.partner.endpoint}
    .productUrl=${match.productUrl}
    .source=${source}
    @sold-out=${soldOut}
    @checkout-purchase=${purchased}
    @checkout-error=${failed}
    @checkout-close=${closed}
  >
    <slot name="express" slot="express"></slot>
    <slot name="payment" slot="payment"></slot>
  </buy-tweet-checkout>`;
};
