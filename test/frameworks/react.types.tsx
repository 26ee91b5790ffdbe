/** `buy-tweet/react` as a React 19 user meets it: what compiles, and what must not (`npm run typecheck`). */
import { useRef } from 'react';
import type { BuyTweetElement, BuyTweetLoadEvent } from 'buy-tweet/api';
import 'buy-tweet/react';

export const Compiles = () => {
  const ref = useRef<BuyTweetElement>(null);
  return (
    <buy-tweet
      ref={ref}
      product-url="https://gumroad.com/l/new-album"
      tweet-url="https://x.com/theband/status/509074208133345280"
      endpoint="https://partner.example/.well-known/buy-tweet/v1"
      oembed-endpoint="https://oembed.example/"
      link-endpoint="https://links.example/"
      lang="de"
      theme="auto"
      loading="eager"
      tweet={{ id: '1', text: 'Lamp' }}
      className="card"
      onbuy-tweet-load={(event: BuyTweetLoadEvent) => event.detail.product.title}
      onbuy-tweet-error={(event) => event.detail.code === 'network' && event.detail.retryable}
      onbuy-tweet-open={(event) => event.preventDefault()}
      onbuy-tweet-purchase={(event) => event.detail.order.id}
      onbuy-tweet-close={(event) => event.detail.reason === 'dismissed'}
    />
  );
};

export const Refused = () => (
  <>
    <buy-tweet
      // @ts-expect-error: the element has no such theme
      theme="blue"
    />
    <buy-tweet
      // @ts-expect-error: `loading` is lazy or eager
      loading="soon"
    />
    <buy-tweet
      // @ts-expect-error: `tweet` is an object, never an attribute's text
      tweet="https://x.com/theband/status/509074208133345280"
    />
    <buy-tweet
      // @ts-expect-error: a purchase's detail has no receipt
      onbuy-tweet-purchase={(event) => event.detail.receipt}
    />
    <buy-tweet
      // @ts-expect-error: React 19 listens for the event's own name, in lower case
      onBuyTweetLoad={() => {}}
    />
  </>
);
