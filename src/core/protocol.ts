import { BuyTweetError } from './errors.js';
import { ACCEPT_JSON, MAX_LOOKUP_BYTES, exchange, failures, withRetries, type RequestOptions } from './http.js';
import type { Product } from './types.js';
import { parseProduct } from './validate.js';

/**
 * The client of partner protocol v1 (docs/partners/protocol.md). Works wherever `fetch` does: browsers and Node.
 * Orders live in their own module, so that the script a page loads first carries lookups only.
 */
export { isAbortError, withRetries, type RequestOptions } from './http.js';
export { retryAfter, retryDelay, sleep } from './retry.js';
export { createOrder, getOrder, parseOrder } from './orders.js';

export const MAX_URLS_PER_LOOKUP = 20;

/**
 * `GET {endpoint}/products?url=...`: one entry per link, in order: a `Product`, or the
 * `BuyTweetError` that says why there is none.
 */
export const lookupProducts = async (
  endpoint: string,
  urls: readonly string[],
  options: RequestOptions = {},
): Promise<{ entries: Array<Product | BuyTweetError>; maxAge: number }> => {
  if (!urls.length || urls.length > MAX_URLS_PER_LOOKUP) {
    throw new RangeError(`buy-tweet: a lookup takes 1 to ${MAX_URLS_PER_LOOKUP} links`);
  }
  const query = new URLSearchParams(urls.map((url) => ['url', url]));
  const { body, headers } = await withRetries(
    () => exchange(`${endpoint}/products?${query}`, { headers: ACCEPT_JSON }, 'lookup', MAX_LOOKUP_BYTES, options),
    options,
  );
  const invalid = (message: string) => new BuyTweetError({ code: 'invalid_response', message, step: 'lookup' });
  const entries = (body as { products?: unknown } | undefined)?.products;
  if (!Array.isArray(entries) || entries.length !== urls.length) throw invalid('Not a list of products.');
  const products = entries.map(parseProduct);
  // An entry that is no Product is the partner's error for its link (or invalid): read by failure.ts.
  const failed = products.includes(null) ? await failures().catch(() => undefined) : undefined;
  return {
    entries: products.map(
      (product, index) => product ?? failed?.entryError(entries[index]) ?? invalid('The answer could not be read.'),
    ),
    maxAge: cacheLifetime(headers.get('Cache-Control')),
  };
};

/** Seconds of `max-age` a `Cache-Control` header allows reusing an answer for; 0 for none. */
export const cacheLifetime = (header: string | null): number => {
  if (!header || /no-store|no-cache|private/i.test(header)) return 0;
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(header);
  return match ? Number(match[1]) : 0;
};
