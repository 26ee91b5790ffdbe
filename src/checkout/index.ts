/**
 * The checkout chunk's entry: what `<buy-tweet>` imports on the buyer's first sign of intent (its
 * path is marked in buy-tweet/chunks.ts, so that a failed import can be asked for again).
 */
import { BuyTweetCheckout } from './checkout.js';

export { checkoutOf, type CheckoutOf } from './render.js';

/** Defines the checkout element once per page, whichever copy of buy-tweet gets here first. */
export const defineCheckout = (): void => {
  if (!customElements.get('buy-tweet-checkout')) customElements.define('buy-tweet-checkout', BuyTweetCheckout);
  // Defined, so that a page's `:not(:defined) { display: none }` leaves the dialog alone.
  if (!customElements.get('buy-tweet-checkout-layer')) {
    customElements.define('buy-tweet-checkout-layer', class extends HTMLElement {});
  }
};

declare global {
  interface HTMLElementTagNameMap {
    'buy-tweet-checkout': BuyTweetCheckout;
    'buy-tweet-checkout-layer': HTMLElement;
  }
}
