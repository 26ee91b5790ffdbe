/**
 * `import 'buy-tweet/react'`: `<buy-tweet>` in React 19's JSX. React 19 passes `on` + the event's
 * own (lower-case) name to a custom element as a listener: `onbuy-tweet-load`, not `onBuyTweetLoad`.
 * It sets `tweet` as a property only on an element already defined (README, Frameworks).
 */
import type { DetailedHTMLProps as ReactDetailedHTMLProps, HTMLAttributes as ReactHTMLAttributes } from 'react';
import type { BuyTweetElement } from '../buy-tweet/buy-tweet.js';
import type { BuyTweetProps } from './element.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'buy-tweet': ReactDetailedHTMLProps<ReactHTMLAttributes<BuyTweetElement>, BuyTweetElement> & BuyTweetProps;
    }
  }
}
