import type { BuyTweetError } from '../core/errors.js';
import type { Order } from '../core/types.js';

/**
 * What the checkout tells `<buy-tweet>`, which alone fires the public events (docs/publishers/events.md). They
 * neither bubble nor cross a shadow root: only the element that drew the checkout hears them.
 */
export class CheckoutPurchaseEvent extends Event {
  constructor(readonly order: Order) {
    super('checkout-purchase');
  }
}
export class CheckoutErrorEvent extends Event {
  constructor(readonly error: BuyTweetError) {
    super('checkout-error');
  }
}
export class CheckoutCloseEvent extends Event {
  constructor(readonly reason: 'completed' | 'dismissed') {
    super('checkout-close');
  }
}
/** The partner answered sold out: the card says so too. */
export class SoldOutEvent extends Event {
  constructor() {
    super('sold-out');
  }
}
