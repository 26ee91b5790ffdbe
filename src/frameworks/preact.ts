/**
 * `import 'buy-tweet/preact'`: `<buy-tweet>` in Preact's JSX. Preact, too, listens for `on` + the
 * event's name as written (`onbuy-tweet-load`) and sets a property whenever the element has one.
 */
import type { HTMLAttributes as PreactHTMLAttributes } from 'preact';
import type { BuyTweetElement } from '../buy-tweet/buy-tweet.js';
import type { BuyTweetProps } from './element.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'buy-tweet': PreactHTMLAttributes<BuyTweetElement> & BuyTweetProps;
    }
  }
}
