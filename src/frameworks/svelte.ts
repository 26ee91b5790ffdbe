/**
 * `import 'buy-tweet/svelte'`: `<buy-tweet>` in Svelte 5's templates, whose event attributes are
 * `on` + the event's name (`onbuy-tweet-load`); Svelte sets a property whenever the element has one.
 */
import type { HTMLAttributes as SvelteHTMLAttributes } from 'svelte/elements';
import type { BuyTweetElement } from '../buy-tweet/buy-tweet.js';
import type { BuyTweetProps } from './element.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'buy-tweet': SvelteHTMLAttributes<BuyTweetElement> & BuyTweetProps;
  }
}
