/**
 * The one module with side effects: defines `<buy-tweet>` and `window.BuyTweet`, unless a copy of
 * buy-tweet (this version or another) already did. Without a DOM it does nothing and does not throw.
 */
import { BuyTweet } from './api.js';
import { BuyTweetElement } from './buy-tweet/buy-tweet.js';

export * from './index.js';

if (typeof customElements !== 'undefined' && !customElements.get('buy-tweet')) {
  customElements.define('buy-tweet', BuyTweetElement);
}
if (typeof window !== 'undefined') {
  (window as { BuyTweet?: unknown }).BuyTweet ??= BuyTweet;
}

declare global {
  interface Window {
    BuyTweet: typeof BuyTweet;
  }
}
