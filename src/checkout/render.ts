import { html, nothing, render } from 'lit';
import type { BuyTweetElement } from '../buy-tweet/buy-tweet.js';
import { BuyTweetErrorEvent } from '../buy-tweet/card-events.js';
import { emit } from '../buy-tweet/emit.js';
import type { Place } from '../buy-tweet/card-view.js';
import type { Language } from '../buy-tweet/language.js';
import type { Card } from '../buy-tweet/product-controller.js';
import { BuyTweetCloseEvent, BuyTweetPurchaseEvent } from '../buy-tweet/purchase-events.js';
import { ORDER_TEXT_CAPS } from '../core/rules.js';
import type { OrderSource } from '../core/types.js';
import type { CheckoutCloseEvent, CheckoutErrorEvent, CheckoutPurchaseEvent } from './events.js';

/** What `<buy-tweet>` asks of its checkout once the chunk is here. */
export interface CheckoutOf {
  /** Draws the dialog in the element's shadow root; nothing until a product is shown. */
  draw: (place: Place) => void;
  /** Fetches Stripe.js before it is needed (hover, focus, press of Buy). */
  preload: () => void;
  /** Opens the dialog for the card's product. */
  show: () => Promise<void>;
  /** Reads the payment Stripe came back to the page with, if it is this card's. */
  returnFromStripe: () => Promise<void>;
}

/**
 * The checkout of one `<buy-tweet>`: draws the dialog in its shadow root and fires the public
 * events of a purchase on it (docs/publishers/events.md). It comes with this chunk, so the card's
 * script carries none of it. The order's source names the page by origin and path only: its
 * query and fragment may hold what is nobody else's business (`?session=…#email=…`).
 */
export const checkoutOf = (host: BuyTweetElement, card: Card, language: Language): CheckoutOf => {
  const dialog = () => host.renderRoot.querySelector('buy-tweet-checkout');
  const purchased = ({ order }: CheckoutPurchaseEvent) => {
    if (card.product) void emit(host, new BuyTweetPurchaseEvent({ order, product: card.product }));
  };
  const failed = ({ error }: CheckoutErrorEvent) => void emit(host, new BuyTweetErrorEvent(error.toDetail()));
  /** Focus goes back to Buy when the checkout closes. */
  const closed = ({ reason }: CheckoutCloseEvent) => {
    host.renderRoot.querySelector<HTMLElement>('[part="buy-button"]')?.focus();
    void emit(host, new BuyTweetCloseEvent({ reason }));
  };
  const template = () => {
    const { product, match, tweet } = card;
    if (!product || !match) return nothing;
    // What a partner would refuse as too long is left out: a buyer could not fix it.
    const source: OrderSource = {};
    const pageUrl = location.origin + location.pathname;
    if (pageUrl.length <= ORDER_TEXT_CAPS.pageUrl) source.pageUrl = pageUrl;
    if (tweet?.id) source.tweetId = tweet.id;
    if (tweet?.url) source.tweetUrl = tweet.url;
    return html`<buy-tweet-checkout
      exportparts="dialog, pay-button, receipt"
      theme=${host.theme ?? 'auto'}
      .product=${product}
      .locale=${language.tag}
      .partner=${match.partner.name}
      .endpoint=${match.partner.endpoint}
      .productUrl=${match.productUrl}
      .source=${source}
      @sold-out=${card.soldOut}
      @checkout-purchase=${purchased}
      @checkout-error=${failed}
      @checkout-close=${closed}
    >
      <slot name="express" slot="express"></slot>
      <slot name="payment" slot="payment"></slot>
    </buy-tweet-checkout>`;
  };
  return {
    draw: ({ container, before }) => render(template(), container, { renderBefore: before }),
    preload: () => dialog()?.preload(),
    show: async () => dialog()?.show(),
    returnFromStripe: async () => dialog()?.returnFromStripe(),
  };
};
