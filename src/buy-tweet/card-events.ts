import type { ErrorDetail } from '../core/errors.js';
import type { Product } from '../core/types.js';

/**
 * The element's public events (docs/publishers/events.md), one class each (the Web Awesome way):
 * all bubble and are composed, so a page can listen on `document`, and `<buy-tweet>` alone fires
 * them. These are the card's, in the first card's script; a purchase's come with the checkout
 * (purchase-events.ts).
 */

export abstract class BuyTweetEvent<Detail> extends CustomEvent<Detail> {
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
