import type { ErrorDetail } from '../core/errors.js';
import type { Order, Product } from '../core/types.js';

/** The `detail` of each event the element fires (CONTRACT 2). */
export interface BuyTweetEventDetails {
  'buy-tweet-load': { product: Product };
  'buy-tweet-error': ErrorDetail;
  'buy-tweet-open': { product: Product };
  'buy-tweet-purchase': { order: Order; product: Product };
  'buy-tweet-close': { reason: 'completed' | 'dismissed' };
}

export type BuyTweetEventName = keyof BuyTweetEventDetails;

/** Fires one of the element's events: always `bubbles` and `composed`; returns `!defaultPrevented`. */
export const emit = <K extends BuyTweetEventName>(
  target: EventTarget,
  name: K,
  detail: BuyTweetEventDetails[K],
  cancelable = false,
): boolean =>
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));

declare global {
  interface GlobalEventHandlersEventMap {
    'buy-tweet-load': CustomEvent<BuyTweetEventDetails['buy-tweet-load']>;
    'buy-tweet-error': CustomEvent<BuyTweetEventDetails['buy-tweet-error']>;
    'buy-tweet-open': CustomEvent<BuyTweetEventDetails['buy-tweet-open']>;
    'buy-tweet-purchase': CustomEvent<BuyTweetEventDetails['buy-tweet-purchase']>;
    'buy-tweet-close': CustomEvent<BuyTweetEventDetails['buy-tweet-close']>;
  }
}
