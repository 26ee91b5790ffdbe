import { createBatcher } from './batch.js';
import type { BuyTweetError } from './errors.js';
import { MAX_URLS_PER_LOOKUP, lookupProducts } from './protocol.js';
import type { Product } from './types.js';

/**
 * Product lookups for a whole page: lookups of one endpoint started within a few milliseconds of
 * each other share one `GET /products` (up to 20 links each), the same link is asked once, and
 * answers are kept for as long as their `Cache-Control` allows.
 */
const lookups = createBatcher<Product | BuyTweetError>({
  max: MAX_URLS_PER_LOOKUP,
  // 10 ms, or until the next frame begins if that comes first: on a page of many cards the timer
  // would wait for the style and layout of every skeleton drawn meanwhile, and a frame's callbacks
  // come before those (docs/contributors/performance.md). Either way after the task that asked and
  // its microtasks: a publisher's configure right after `whenDefined` still counts.
  schedule: (go) => {
    setTimeout(go, 10);
    globalThis.requestAnimationFrame?.(go);
  },
  send: lookupProducts,
});

/**
 * The product behind `url` at `endpoint`: resolves to the `Product` or to the `BuyTweetError`
 * entry the partner answered for it; rejects when the lookup itself failed, or with the signal's
 * reason as soon as `signal` aborts.
 */
export const loadProduct = lookups.load;

/** Forgets every kept answer (tests, and pages that know their partner's catalogue changed). */
export const clearLookupCache = (): void => lookups.clear();
