/** @jsxImportSource preact */
/** `buy-tweet/preact`: what compiles, and what must not (`npm run typecheck`). */
import type { BuyTweetLoadEvent } from 'buy-tweet/api';
import 'buy-tweet/preact';

export const Compiles = () => (
  <buy-tweet
    product-url="https://gumroad.com/l/new-album"
    theme="dark"
    loading="lazy"
    tweet={{ id: '1', text: 'Lamp' }}
    onbuy-tweet-load={(event: BuyTweetLoadEvent) => event.detail.product.title}
    onbuy-tweet-close={(event) => event.detail.reason === 'completed'}
  />
);

export const Refused = () => (
  <>
    <buy-tweet
      // @ts-expect-error: the element has no such theme
      theme="blue"
    />
    <buy-tweet
      // @ts-expect-error: an error's detail has no product
      onbuy-tweet-error={(event) => event.detail.product}
    />
  </>
);
