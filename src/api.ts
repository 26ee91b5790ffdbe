import { configure, type ConfigureOptions } from './core/config.js';
import { BuyTweetError } from './core/errors.js';
import { loadProduct } from './core/lookup.js';
import { findPartner, findProductLink, registerPartner, type Partner, type PartnerInit, type PartnerMatch } from './core/partners.js';
import { tweetFromObject } from './core/tweet.js';
import type { Product } from './core/types.js';
import { version } from './version.js';

/** What `BuyTweet.resolve` gives: which partner sells the product behind a tweet, and what it is. */
export interface Resolved {
  partner: Partner;
  productUrl: string;
  product: Product;
}

const noProduct = () =>
  new BuyTweetError({
    code: 'unsupported_link',
    message: 'No buy-tweet partner sells through any link of this input.',
    step: 'tweet',
  });

/**
 * With no UI at all: a product link, or a tweet (v2 or v1.1 object), resolved to its partner and
 * product. Rejects with a `BuyTweetError` carrying the same `code` and `step` as `buy-tweet-error`.
 */
export const resolve = async (input: unknown): Promise<Resolved> => {
  let match: PartnerMatch | null = null;
  if (typeof input === 'string' || input instanceof URL) {
    match = findPartner(String(input));
  } else {
    const tweet = tweetFromObject(input);
    if (tweet) match = findProductLink(tweet.links);
  }
  if (!match) throw noProduct();
  const entry = await loadProduct(match.partner.endpoint, match.productUrl);
  if (entry instanceof BuyTweetError) throw entry;
  return { partner: match.partner, productUrl: match.productUrl, product: entry };
};

/** `window.BuyTweet`: the global API (CONTRACT 3). */
export const BuyTweet = {
  version,
  configure: (options?: ConfigureOptions): void => configure(options),
  registerPartner: (init: PartnerInit): Partner => registerPartner(init),
  resolve,
};

export type BuyTweetApi = typeof BuyTweet;
