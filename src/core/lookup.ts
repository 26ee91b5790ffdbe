import type { BuyTweetError } from './errors.js';
import { MAX_URLS_PER_LOOKUP, isAbortError, lookupProducts, type RequestOptions } from './protocol.js';
import type { Product } from './types.js';

/**
 * Product lookups for a whole page: lookups of one endpoint started within a few milliseconds of
 * each other share one `GET /products` (up to 20 links each), the same link is asked once, and
 * answers are kept for as long as their `Cache-Control` allows.
 */

type Entry = Product | BuyTweetError;

interface Waiter {
  resolve: (entry: Entry) => void;
  reject: (error: unknown) => void;
}

interface Pending {
  url: string;
  waiters: Set<Waiter>;
  controller: AbortController;
}

/** How long lookups wait for company before they go out. */
const BATCH_WINDOW = 10;

const cache = new Map<string, { entry: Entry; expires: number }>();
const inFlight = new Map<string, Pending>();
const queues = new Map<string, Pending[]>();

const key = (endpoint: string, url: string) => `${endpoint} ${url}`;

const flush = async (endpoint: string) => {
  const queue = queues.get(endpoint) ?? [];
  queues.delete(endpoint);
  for (let start = 0; start < queue.length; start += MAX_URLS_PER_LOOKUP) {
    void send(endpoint, queue.slice(start, start + MAX_URLS_PER_LOOKUP));
  }
};

const send = async (endpoint: string, batch: Pending[]) => {
  // The request goes on while anyone still waits for one of its links.
  const controller = new AbortController();
  const live = batch.filter((pending) => !pending.controller.signal.aborted);
  if (!live.length) return;
  for (const pending of live) {
    pending.controller.signal.addEventListener('abort', () => {
      if (live.every((p) => p.controller.signal.aborted)) controller.abort();
    });
  }
  try {
    const { entries, maxAge } = await lookupProducts(
      endpoint,
      live.map((pending) => pending.url),
      { signal: controller.signal },
    );
    live.forEach((pending, index) => {
      const entry = entries[index];
      if (maxAge > 0) cache.set(key(endpoint, pending.url), { entry, expires: Date.now() + maxAge * 1000 });
      settle(endpoint, pending, (waiter) => waiter.resolve(entry));
    });
  } catch (error) {
    for (const pending of live) settle(endpoint, pending, (waiter) => waiter.reject(error));
  }
};

const settle = (endpoint: string, pending: Pending, each: (waiter: Waiter) => void) => {
  const id = key(endpoint, pending.url);
  if (inFlight.get(id) === pending) inFlight.delete(id);
  pending.waiters.forEach(each);
};

/**
 * The product behind `url` at `endpoint`: resolves to the `Product` or to the `BuyTweetError`
 * entry the partner answered for it; rejects when the lookup itself failed, or with an
 * `AbortError` as soon as `signal` aborts.
 */
export const loadProduct = (
  endpoint: string,
  url: string,
  { signal }: Pick<RequestOptions, 'signal'> = {},
): Promise<Entry> => {
  const id = key(endpoint, url);
  const cached = cache.get(id);
  if (cached && cached.expires > Date.now()) return Promise.resolve(cached.entry);
  cache.delete(id);

  return new Promise<Entry>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let pending = inFlight.get(id);
    if (!pending) {
      pending = { url, waiters: new Set(), controller: new AbortController() };
      inFlight.set(id, pending);
      const queue = queues.get(endpoint);
      if (queue) queue.push(pending);
      else {
        queues.set(endpoint, [pending]);
        setTimeout(() => void flush(endpoint), BATCH_WINDOW);
      }
    }
    const shared = pending;
    const waiter: Waiter = {
      resolve: (entry) => {
        signal?.removeEventListener('abort', leave);
        resolve(entry);
      },
      reject: (error) => {
        signal?.removeEventListener('abort', leave);
        reject(error);
      },
    };
    shared.waiters.add(waiter);
    function leave() {
      shared.waiters.delete(waiter);
      if (!shared.waiters.size) {
        shared.controller.abort();
        if (inFlight.get(id) === shared) inFlight.delete(id);
      }
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', leave, { once: true });
  });
};

/** Forgets every kept answer (tests, and pages that know their partner's catalogue changed). */
export const clearLookupCache = (): void => cache.clear();

export { isAbortError };
