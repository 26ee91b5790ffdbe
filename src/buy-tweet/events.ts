/** The element's public events (docs/publishers/events.md): the card's and a purchase's. */
import type { BuyTweetErrorEvent, BuyTweetLoadEvent, BuyTweetOpenEvent } from './card-events.js';
import type { BuyTweetCloseEvent, BuyTweetPurchaseEvent } from './purchase-events.js';

export { BuyTweetErrorEvent, BuyTweetLoadEvent, BuyTweetOpenEvent } from './card-events.js';
export { BuyTweetCloseEvent, BuyTweetPurchaseEvent, type PublicOrder } from './purchase-events.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'buy-tweet-load': BuyTweetLoadEvent;
    'buy-tweet-error': BuyTweetErrorEvent;
    'buy-tweet-open': BuyTweetOpenEvent;
    'buy-tweet-purchase': BuyTweetPurchaseEvent;
    'buy-tweet-close': BuyTweetCloseEvent;
  }
}
