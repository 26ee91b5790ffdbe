import type { BuyTweetError } from './errors.js';

/**
 * The wait between tries of a request that failed in a way worth trying again (see `withRetries`
 * in http.ts): loaded only once one has.
 */

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
    if (signal?.aborted) done();
  });

/** `Retry-After` in milliseconds (seconds or an HTTP date), at most 10 s; `undefined` if absent. */
export const retryAfter = (header: string | null, now = Date.now()): number | undefined => {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), 10_000);
};

/**
 * How long to wait before try `tries + 1`, in milliseconds: the partner's `Retry-After` (at most
 * 10 s), else a backoff of 400 ms, 1.2 s, ... with jitter (`random` in [0, 1)), so that pages
 * don't stampede. Pure, so that tests can check the wait without waiting.
 */
export const retryDelay = (
  error: BuyTweetError,
  tries: number,
  { now = Date.now(), random = Math.random() }: { now?: number; random?: number } = {},
): number => retryAfter(error.details?.retryAfter as string | null, now) ?? 400 * 3 ** tries * (0.75 + random / 2);

/**
 * The clock the waits between tries run on: `sleep`. A seam for tests, which put a wait of their
 * own here to see how long the client means to wait and to end the wait when they choose.
 */
export const retryClock = { wait: sleep };

/** Waits before try `tries + 1` (see `retryDelay`). */
export const backOff = (error: BuyTweetError, tries: number, signal?: AbortSignal): Promise<void> =>
  retryClock.wait(retryDelay(error, tries), signal);
