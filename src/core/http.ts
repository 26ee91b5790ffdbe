import { BuyTweetError, type Step } from './errors.js';

/** One exchange with a partner, and the retry policy around it (docs/publishers/attributes.md and docs/partners/protocol.md). */

export interface RequestOptions {
  signal?: AbortSignal;
  /** Per try, in milliseconds. */
  timeout?: number;
  /** Automatic retries after the first try, for failures that can be retried. */
  retries?: number;
}

/** The most a lookup answer may hold (docs/partners/protocol.md allows 20 products a lookup). */
export const MAX_LOOKUP_BYTES = 1024 * 1024;
/** The most an order, oEmbed or link-endpoint answer may hold. */
export const MAX_ANSWER_BYTES = 100 * 1024;

export const isAbortError = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';

export const ACCEPT_JSON = { Accept: 'application/json' };

/**
 * One HTTP exchange: the parsed JSON of a 2xx answer of at most `maxBytes`, or a `BuyTweetError`.
 * Fetch failures and timeouts are `network`; other statuses carry the partner's error (or
 * `partner_error`); an answer over `maxBytes` is `invalid_response`, never retried. Redirects are
 * not followed, so that a partner cannot send a server's `resolve` to an address of its choosing.
 * Rejects with the signal's reason when it aborts.
 */
export const exchange = async (
  url: string,
  init: RequestInit,
  step: Step,
  maxBytes: number,
  { signal, timeout = 10_000 }: RequestOptions,
): Promise<{ body: unknown; headers: Headers }> => {
  signal?.throwIfAborted();
  // Aborted by the caller's signal or, when that is not aborted, by the timeout.
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, timeout);
  signal?.addEventListener('abort', abort);
  let response: Response;
  // Stays undefined when the answer is too large.
  let raw: string | undefined;
  try {
    // No redirect is followed: in Node a partner could bounce `resolve` to an internal address.
    // 'error' makes one a failed fetch, hence `network`: a browser shows no status for a redirect
    // it did not follow anyway.
    response = await fetch(url, { ...init, redirect: 'error', signal: controller.signal });
    // Read up to `maxBytes`: a partner that sends more (300 MiB once took 1 GB of memory) is cut
    // off as soon as its `Content-Length` says so, or once what it sent passes the cap.
    const reader = response.body?.getReader();
    const chunks: BlobPart[] = [];
    let size = Number(response.headers.get('Content-Length'));
    for (
      let read = 0, chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
      reader && !(size > maxBytes) && !(chunk = await reader.read()).done;
      size = read += chunk.value.length
    ) {
      chunks.push(chunk.value);
    }
    if (size > maxBytes) abort();
    else raw = await new Blob(chunks).text();
  } catch {
    signal?.throwIfAborted();
    throw new BuyTweetError({
      code: 'network',
      message: controller.signal.aborted ? 'The partner timed out.' : 'No answer from the partner.',
      step,
      retryable: true,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
  const { ok, status, headers } = response;
  if (raw === undefined)
    throw new BuyTweetError({ code: 'invalid_response', message: 'The answer is too large.', step });
  let body: unknown;
  try {
    body = raw ? JSON.parse(raw) : undefined;
  } catch {
    if (ok) throw new BuyTweetError({ code: 'invalid_response', message: 'The answer is not JSON.', step, status });
  }
  if (ok) return { body, headers };
  throw await failures().then(
    ({ answerError }) => answerError(status, body, headers, step),
    // Its reader could not be loaded: the answer is a failure all the same, maybe a passing one.
    () => new BuyTweetError({ code: 'partner_error', message: `HTTP ${status}`, step, status, retryable: true }),
  );
};

/** What reads a failed answer (failure.ts): loaded with the first one. */
export const failures = () => import('./failure.js');

/**
 * Runs `attempt`, retrying what can be retried (see retry.ts for how long it waits). The waiting
 * loads with the first failure that can be retried: most pages never need it. When it cannot load
 * either, that failure is the answer.
 */
export const withRetries = async <T>(
  attempt: () => Promise<T>,
  { signal, retries = 2 }: RequestOptions,
): Promise<T> => {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof BuyTweetError && error.retryable) || tries >= retries) throw error;
      const { backOff } = await import('./retry.js').catch(() => {
        throw error;
      });
      await backOff(error, tries, signal);
    }
  }
};
