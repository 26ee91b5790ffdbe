import { configure, type ConfigureOptions } from './core/config.js';
import { BuyTweetError } from './core/errors.js';
import { registerPartner, type Partner, type PartnerInit } from './core/partners.js';
import type { Resolved, ResolveOptions } from './resolve.js';
import { version } from './version.js';

export type { Resolved, ResolveOptions };

/**
 * `BuyTweet.resolve`: a tweet or a product link to its partner and product, with no UI (see
 * resolve.ts). Its code loads on first use, so pages that never call it do not pay for it.
 */
export const resolve = (input: unknown, options?: ResolveOptions): Promise<Resolved> =>
  import('./resolve.js').then(
    (module) => module.resolve(input, options),
    () => {
      throw new BuyTweetError({
        code: 'network',
        message: 'buy-tweet could not load resolve.',
        step: 'lookup',
        retryable: true,
      });
    },
  );

/** `window.BuyTweet`: the global API (docs/publishers/api.md). */
export const BuyTweet = {
  version,
  configure: (options?: ConfigureOptions): void => configure(options),
  registerPartner: (init: PartnerInit): Partner => registerPartner(init),
  resolve,
};

export type BuyTweetApi = typeof BuyTweet;
