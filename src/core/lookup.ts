import type { BuyTweetError } from './errors.js';
import { MAX_URLS_PER_LOOKUP, lookupProducts, type RequestOptions } from './protocol.js';
import type { Product } from './types.js';

/**
 * Product lookups for a whole page: lookups of one endpoint started within a few milliseconds of
 * each other share one `GET /products` (up to 20 links each), the same link is asked once, and
 * answers are kept for as long as their `Cache-Control` allows.
 */

type Entry = Product | BuyTweetError;

/** One link on its way to the partner, shared by everyone who asked for it meanwhile. */
interface Pending {
  url: string;
  answer: Promise<Entry>;
  settle: (answer: Promise<Entry>) => void;
  /** How many callers still wait; when the last one leaves, the link is no longer asked. */
  waiting: number;
  /** Aborted when the last caller leaves. */
  left: AbortController;
}

/** How long lookups wait for company before they go out. */
const BATCH_WINDOW = 10;

const cache = new Map<string, { entry: Entry; expires: number }>();
const inFlight = new Map<string, Pending>();
const queues = new Map<string, Pending[]>();

const flush = (endpoint: string) => {
  const queue = queues.get(endpoint)!;
  queues.delete(endpoint);
  for (let start = 0; start < queue.length; start += MAX_URLS_PER_LOOKUP) {
    send(endpoint, queue.slice(start, start + MAX_URLS_PER_LOOKUP));
  }
};

const send = (endpoint: string, batch: Pending[]) => {
  const live = batch.filter((pending) => pending.waiting);
  if (!live.length) return;
  // The request goes on while anyone still waits for one of its links.
  const request = new AbortController();
  for (const pending of live) {
    pending.left.signal.addEventListener('abort', () => {
      if (!live.some((other) => other.waiting)) request.abort();
    });
  }
  const answer = lookupProducts(endpoint, live.map((pending) => pending.url), { signal: request.signal });
  live.forEach((pending, index) => {
    const id = `${endpoint} ${pending.url}`;
    pending.settle(
      answer
        .then(({ entries, maxAge }) => {
          if (maxAge > 0) cache.set(id, { entry: entries[index], expires: Date.now() + maxAge * 1000 });
          return entries[index];
        })
        .finally(() => inFlight.get(id) === pending && inFlight.delete(id)),
    );
  });
};

/**
 * The product behind `url` at `endpoint`: resolves to the `Product` or to the `BuyTweetError`
 * entry the partner answered for it; rejects when the lookup itself failed, or with the signal's
 * reason as soon as `signal` aborts.
 */
export const loadProduct = (
  endpoint: string,
  url: string,
  { signal }: Pick<RequestOptions, 'signal'> = {},
): Promise<Entry> => {
  const id = `${endpoint} ${url}`;
  const cached = cache.get(id);
  if (cached && cached.expires > Date.now()) return Promise.resolve(cached.entry);
  cache.delete(id);
  if (signal?.aborted) return Promise.reject(signal.reason);

  let pending = inFlight.get(id);
  if (!pending) {
    let settle!: Pending['settle'];
    const answer = new Promise<Entry>((resolve) => (settle = resolve));
    pending = { url, answer, settle, waiting: 0, left: new AbortController() };
    inFlight.set(id, pending);
    const queue = queues.get(endpoint);
    if (queue) queue.push(pending);
    else {
      queues.set(endpoint, [pending]);
      setTimeout(flush, BATCH_WINDOW, endpoint);
    }
  }
  const shared = pending;
  shared.waiting++;
  return new Promise((resolve, reject) => {
    const leave = () => {
      if (!--shared.waiting) {
        shared.left.abort();
        if (inFlight.get(id) === shared) inFlight.delete(id);
      }
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', leave, { once: true });
    shared.answer.then(resolve, reject).finally(() => signal?.removeEventListener('abort', leave));
  });
};

/** Forgets every kept answer (tests, and pages that know their partner's catalogue changed). */
export const clearLookupCache = (): void => cache.clear();

