/**
 * `import 'buy-tweet/solid'`: `<buy-tweet>` in Solid's JSX. Solid listens with `on:buy-tweet-load`
 * and sets `prop:tweet` (or `tweet`: Solid sets a custom element's props as properties).
 */
import type { JSX as SolidJSX } from 'solid-js';
import type { BuyTweetElement } from '../buy-tweet/buy-tweet.js';
import type { BuyTweetAttributes, BuyTweetEventProps, BuyTweetProperties } from './element.js';

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'buy-tweet': SolidJSX.HTMLAttributes<BuyTweetElement> &
        BuyTweetAttributes &
        BuyTweetProperties & { 'prop:tweet'?: BuyTweetProperties['tweet'] } & BuyTweetEventProps<'on:'>;
    }
  }
}
