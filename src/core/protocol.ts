import { BuyTweetError, isRetryableStatus, type Step } from './errors.js';
import type { Order, OrderRequest, Product } from './types.js';
import { parseErrorBody, parseOrder, parseProduct } from './validate.js';

/** The client of partner protocol v1 (CONTRACT 4). Works wherever `fetch` does: browsers and Node. */

export interface RequestOptions {
  signal?: AbortSignal;
  /** Per try, in milliseconds. */
  timeout?: number;
  /** Automatic retries after the first try, for failures that can be retried. */
  retries?: number;
}

export const MAX_URLS_PER_LOOKUP = 20;
const MAX_RETRY_AFTER = 10_000;

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

export const isAbortError = (error: unknown): boolean =>
  (error as { name?: string } | null)?.name === 'AbortError';

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(abortError());
      else resolve();
    }
  });

/** `Retry-After` in milliseconds (seconds or an HTTP date), at most 10 s; `undefined` if absent. */
export const retryAfter = (header: string | null, now = Date.now()): number | undefined => {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), MAX_RETRY_AFTER);
};

/** Backoff before retry `attempt` (1, 2, ...): 400 ms, 1.2 s, ... with jitter so pages don't stampede. */
const backoff = (attempt: number) => 400 * 3 ** (attempt - 1) * (0.75 + Math.random() * 0.5);

const networkError = (step: Step, message: string) =>
  new BuyTweetError({ code: 'network', message, step, retryable: true });

/**
 * One HTTP exchange: the parsed JSON of a 2xx answer, or a `BuyTweetError`. Fetch failures and
 * timeouts are `network`; other statuses carry the partner's error (or `partner_error`).
 */
const exchange = async (
  url: string,
  init: RequestInit,
  step: Step,
  { signal, timeout = 10_000 }: RequestOptions,
): Promise<{ body: unknown; headers: Headers }> => {
  if (signal?.aborted) throw abortError();
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  try {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: controller.signal });
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw timedOut
        ? networkError(step, 'The shop took too long to answer.')
        : networkError(step, 'The shop could not be reached.');
    }
    let raw: string;
    try {
      raw = await response.text();
    } catch {
      if (signal?.aborted) throw abortError();
      throw networkError(step, 'The answer from the shop was cut off.');
    }
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
      if (response.ok) {
        throw new BuyTweetError({
          code: 'invalid_response',
          message: 'The shop sent an answer that is not JSON.',
          step,
          status: response.status,
        });
      }
    }
    if (!response.ok) {
      const retryable = isRetryableStatus(response.status);
      const partner = parseErrorBody(body);
      const error = new BuyTweetError({
        // Lookups speak of HTTP failures as partner_error; orders pass the partner's own code on.
        code: step === 'order' && partner && !retryable ? partner.code : 'partner_error',
        message: partner?.message ?? `The shop answered with an error (HTTP ${response.status}).`,
        step,
        status: response.status,
        retryable,
        details: { ...partner?.extra, retryAfter: retryAfter(response.headers.get('Retry-After')) },
      });
      throw error;
    }
    return { body, headers: response.headers };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
};

/** Runs `attempt`, retrying what can be retried, with backoff and `Retry-After`. */
export const withRetries = async <T>(
  attempt: () => Promise<T>,
  { signal, retries = 2 }: RequestOptions,
): Promise<T> => {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof BuyTweetError) || !error.retryable || tries >= retries) throw error;
      const wait = (error.details?.retryAfter as number | undefined) ?? backoff(tries + 1);
      await sleep(wait, signal);
    }
  }
};

const invalid = (step: Step, message: string) =>
  new BuyTweetError({ code: 'invalid_response', message, step });

/**
 * `GET {endpoint}/products?url=...`: one entry per link, in order: a `Product`, or the
 * `BuyTweetError` that says why there is none.
 */
export const lookupProducts = async (
  endpoint: string,
  urls: readonly string[],
  options: RequestOptions = {},
): Promise<{ entries: Array<Product | BuyTweetError>; maxAge: number }> => {
  if (urls.length < 1 || urls.length > MAX_URLS_PER_LOOKUP) {
    throw new RangeError(`buy-tweet: a lookup takes 1 to ${MAX_URLS_PER_LOOKUP} links`);
  }
  const query = new URLSearchParams(urls.map((url) => ['url', url]));
  const { body, headers } = await withRetries(
    () =>
      exchange(
        `${endpoint}/products?${query}`,
        { headers: { Accept: 'application/json' } },
        'lookup',
        options,
      ),
    options,
  );
  const entries = (body as { products?: unknown } | undefined)?.products;
  if (!Array.isArray(entries) || entries.length !== urls.length) {
    throw invalid('lookup', 'The shop sent an answer buy-tweet cannot read.');
  }
  return {
    entries: entries.map((entry) => {
      const error = parseErrorBody(entry);
      if (error) {
        return new BuyTweetError({ code: error.code, message: error.message, step: 'lookup' });
      }
      return parseProduct(entry) ?? invalid('lookup', 'The shop sent product details buy-tweet cannot use.');
    }),
    maxAge: cacheLifetime(headers.get('Cache-Control')),
  };
};

/** Seconds of `max-age` a `Cache-Control` header allows reusing an answer for; 0 for none. */
export const cacheLifetime = (header: string | null): number => {
  if (!header || /no-store|no-cache|private/i.test(header)) return 0;
  const match = /(?:^|,)\s*max-age\s*=\s*"?(\d+)/i.exec(header);
  return match ? Number(match[1]) : 0;
};

/**
 * `POST {endpoint}/orders` under one `Idempotency-Key`: retries of a network failure, timeout or
 * 5xx resend the same body with the same key, so the partner creates the order at most once.
 */
export const createOrder = async (
  endpoint: string,
  request: OrderRequest,
  idempotencyKey: string,
  options: RequestOptions = {},
): Promise<Order> => {
  const body = JSON.stringify(request);
  const { body: answer } = await withRetries(
    () =>
      exchange(
        `${endpoint}/orders`,
        {
          method: 'POST',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            'Idempotency-Key': idempotencyKey,
          },
          body,
        },
        'order',
        { timeout: 20_000, ...options },
      ),
    options,
  );
  const order = parseOrder(answer);
  if (!order) throw invalid('order', 'The shop sent an order buy-tweet cannot read.');
  return order;
};

/** `GET {endpoint}/orders/{id}`. */
export const getOrder = async (
  endpoint: string,
  id: string,
  options: RequestOptions = {},
): Promise<Order> => {
  const { body } = await withRetries(
    () =>
      exchange(
        `${endpoint}/orders/${encodeURIComponent(id)}`,
        { headers: { Accept: 'application/json' } },
        'order',
        options,
      ),
    options,
  );
  const order = parseOrder(body);
  if (!order) throw invalid('order', 'The shop sent an order buy-tweet cannot read.');
  return order;
};
