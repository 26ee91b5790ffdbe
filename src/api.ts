import { configure, type ConfigureOptions } from './core/config.js';
import { BuyTweetError } from './core/errors.js';
import { loadProduct } from './core/lookup.js';
import { findPartner, findProductLink, registerPartner, type Partner, type PartnerInit } from './core/partners.js';
import { tweetFromObject } from './core/tweet.js';
import type { Product } from './core/types.js';
import { version } from './version.js';

/** What `BuyTweet.resolve` gives: which partner sells the product behind a tweet, and what it is. */
export interface Resolved {
  partner: Partner;
  productUrl: string;
  product: Product;
}

/**
 * With no UI at all: a product link, or a tweet (v2 or v1.1 object), resolved to its partner and
 * product. Rejects with a `BuyTweetError` carrying the same `code` and `step` as `buy-tweet-error`.
 */
export const resolve = async (input: unknown): Promise<Resolved> => {
  const match =
    typeof input === 'string' || input instanceof URL
      ? findPartner(String(input))
      : findProductLink(tweetFromObject(input)?.links ?? []);
  if (!match) {
    throw new BuyTweetError({ code: 'unsupported_link', message: 'No partner sells through this input.', step: 'tweet' });
  }
  const { partner, productUrl } = match;
  const product = await loadProduct(partner.endpoint, productUrl);
  if (product instanceof BuyTweetError) throw product;
  return { partner, productUrl, product };
};

/** `window.BuyTweet`: the global API (CONTRACT 3). */
export const BuyTweet = {
  version,
  configure: (options?: ConfigureOptions): void => configure(options),
  registerPartner: (init: PartnerInit): Partner => registerPartner(init),
  resolve,
};

export type BuyTweetApi = typeof BuyTweet;
