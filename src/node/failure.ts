import { BuyTweetError, type ErrorDetail } from '../core/errors.js';
import { isAbortError } from '../core/http.js';

/**
 * What the command line says of a failure: always a contract error code (docs/publishers/events.md), whatever
 * was thrown. A `BuyTweetError` says it itself. An abort, a timeout or fetch's own failure
 * (undici's `TypeError: fetch failed`) means no answer came: `network`. Anything else went wrong
 * with what did come: `invalid_response`.
 */
export const failureDetail = (error: unknown): ErrorDetail => {
  const noAnswer =
    isAbortError(error) ||
    (error as { name?: unknown } | null)?.name === 'TimeoutError' ||
    (error instanceof TypeError && error.message === 'fetch failed');
  return BuyTweetError.from(error, {
    code: noAnswer ? 'network' : 'invalid_response',
    step: 'lookup',
    retryable: noAnswer,
  }).toDetail();
};
