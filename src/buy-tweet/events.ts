import type { ErrorDetail } from '../core/errors.js';
import type { Order, Product } from '../core/types.js';

/**
 * The element's public events (docs/publishers/events.md), one class each (the Web Awesome way): all bubble and
 * are composed, so a page can listen on `document`, and `<buy-tweet>` alone fires them. An order
 * in an event never carries its `payment`: the client secret is for Stripe's fields, not for
 * every script on the page.
 */

/** An order as events show it: without `payment`. */
export type PublicOrder = Omit<Order, 'payment'>;

abstract class BuyTweetEvent<Detail> extends CustomEvent<Detail> {
  constructor(name: string, detail: Detail, cancelable = false) {
    super(name, { detail, bubbles: true, composed: true, cancelable });
  }
}

/** The product card is shown. */
export class BuyTweetLoadEvent extends BuyTweetEvent<{ product: Product }> {
  constructor(detail: { product: Product }) {
    super('buy-tweet-load', detail);
  }
}

/** A step failed and the element shows it. */
export class BuyTweetErrorEvent extends BuyTweetEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super('buy-tweet-error', detail);
  }
}

/** Buy was pressed; `preventDefault()` keeps the checkout closed. */
export class BuyTweetOpenEvent extends BuyTweetEvent<{ product: Product }> {
  constructor(detail: { product: Product }) {
    super('buy-tweet-open', detail, true);
  }
}

/** The payment succeeded (or is processing). */
export class BuyTweetPurchaseEvent extends BuyTweetEvent<{ order: PublicOrder; product: Product }> {
  constructor({ order, product }: { order: Order; product: Product }) {
    const { payment: _secret, ...shown } = order;
    super('buy-tweet-purchase', { order: shown, product });
  }
}

/** The checkout closed. */
export class BuyTweetCloseEvent extends BuyTweetEvent<{ reason: 'completed' | 'dismissed' }> {
  constructor(detail: { reason: 'completed' | 'dismissed' }) {
    super('buy-tweet-close', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'buy-tweet-load': BuyTweetLoadEvent;
    'buy-tweet-error': BuyTweetErrorEvent;
    'buy-tweet-open': BuyTweetOpenEvent;
    'buy-tweet-purchase': BuyTweetPurchaseEvent;
    'buy-tweet-close': BuyTweetCloseEvent;
  }
}
