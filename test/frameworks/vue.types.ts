/** `buy-tweet/vue`: the props Vue's template checking (vue-tsc) sees on `<buy-tweet>`. */
import type { GlobalComponents } from 'vue';
import type { BuyTweetLoadEvent } from 'buy-tweet/api';
import 'buy-tweet/vue';

type Props = InstanceType<GlobalComponents['buy-tweet']>['$props'];

export const compiles: Props = {
  productUrl: 'https://gumroad.com/l/new-album',
  oembedEndpoint: 'https://oembed.example/',
  theme: 'dark',
  loading: 'eager',
  tweet: { id: '1', text: 'Lamp' },
  onBuyTweetLoad: (event: BuyTweetLoadEvent) => event.detail.product.title,
  onBuyTweetClose: (event) => event.detail.reason === 'dismissed',
};

// @ts-expect-error: the element has no such theme
export const wrongTheme: Props = { theme: 'blue' };

export const wrongDetail: Props = {
  // @ts-expect-error: a load's detail has no order
  onBuyTweetLoad: (event) => event.detail.order,
};
