/** @jsxImportSource solid-js */
/** `buy-tweet/solid`: what compiles, and what must not (`npm run typecheck`). */
import type { BuyTweetLoadEvent } from 'buy-tweet/api';
import 'buy-tweet/solid';

export const Compiles = () => (
  <buy-tweet
    product-url="https://gumroad.com/l/new-album"
    theme="light"
    loading="eager"
    prop:tweet={{ id: '1', text: 'Lamp' }}
    on:buy-tweet-load={(event: BuyTweetLoadEvent) => event.detail.product.title}
    on:buy-tweet-purchase={(event) => event.detail.order.id}
  />
);

export const Refused = () => (
  <>
    <buy-tweet
      // @ts-expect-error: the element has no such theme
      theme="blue"
    />
    <buy-tweet
      // @ts-expect-error: a close's detail is only its reason
      on:buy-tweet-close={(event) => event.detail.order}
    />
  </>
);
