/** `buy-tweet/svelte`: the attributes Svelte 5's checking (svelte-check) sees on `<buy-tweet>`. */
import type { SvelteHTMLElements } from 'svelte/elements';
import type { BuyTweetLoadEvent } from 'buy-tweet/api';
import 'buy-tweet/svelte';

type Attributes = SvelteHTMLElements['buy-tweet'];

export const compiles: Attributes = {
  'product-url': 'https://gumroad.com/l/new-album',
  theme: 'light',
  loading: 'lazy',
  tweet: { id: '1', text: 'Lamp' },
  'onbuy-tweet-load': (event: BuyTweetLoadEvent) => event.detail.product.title,
  'onbuy-tweet-open': (event) => event.preventDefault(),
};

// @ts-expect-error: the element has no such theme
export const wrongTheme: Attributes = { theme: 'blue' };

export const wrongDetail: Attributes = {
  // @ts-expect-error: an open's detail has no order
  'onbuy-tweet-open': (event) => event.detail.order,
};
