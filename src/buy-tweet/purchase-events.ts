import type { Order, Product } from '../core/types.js';
import { BuyTweetEvent } from './card-events.js';

/** The public events of a purchase (docs/publishers/events.md), fired by the checkout's chunk. */

/** An order as events show it: without `payment`: the client secret is for Stripe's fields. */
export type PublicOrder = Omit<Order, 'payment'>;

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
