/**
 * One request of a server to the one host it may ask (t.co, publish.twitter.com): a plain GET whose
 * redirect is never followed, given up after a timeout. Web APIs only, like all of `buy-tweet/server`.
 */

/** The part of `fetch` this needs; tests and other runtimes pass their own. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** What `ask` rejects with when the timeout passed first. */
export const TIMED_OUT = Symbol('timed out');

export interface AskOptions {
  fetch: Fetch;
  /** In milliseconds, for the answer and for `read` together. */
  timeout: number;
  /** Stops waiting: the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * Asks `url` and gives what `read` makes of the answer. Rejects with `TIMED_OUT` after `timeout`,
 * with the signal's reason when it aborts, or with what fetch or `read` threw. The request is
 * aborted once this settles, so a body `read` left unread is not kept.
 */
export const ask = async <T>(
  url: string,
  { fetch, timeout, signal, headers }: AskOptions,
  read: (response: Response) => T | Promise<T>,
): Promise<T> => {
  signal?.throwIfAborted();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  // Raced against the answer, so that a fetch that ignores its signal cannot keep anyone waiting.
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), timeout);
    onAbort = () => reject(signal?.reason);
    signal?.addEventListener('abort', onAbort);
  });
  try {
    return await Promise.race([
      fetch(url, { method: 'GET', redirect: 'manual', signal: controller.signal, ...(headers && { headers }) }).then(
        read,
      ),
      gaveUp,
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
};
