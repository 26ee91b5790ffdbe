import { BuyTweetError, type Step } from './errors.js';
import { isRecord } from './json.js';
import { text, type Json } from './validate.js';

/**
 * What a partner's answer says when it is no success (docs/partners/protocol.md, "Errors"): read
 * only then, by a module of its own, so that the script a page loads first does not carry it.
 */

/** HTTP statuses worth asking again: the partner is busy or broken for now. */
export const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** `{code, message}` of a protocol error object, if the answer is one. */
export const parseErrorBody = (value: unknown): { code: string; message: string; extra: Json } | null => {
  if (!isRecord(value) || !isRecord(value.error)) return null;
  const { code, message, ...extra } = value.error;
  const safeCode = text(code, 100);
  return safeCode ? { code: safeCode, message: text(message, 1000) ?? safeCode, extra } : null;
};

/** The error of an answer that is not 2xx: its status, and the partner's error object if any. */
export const answerError = (status: number, body: unknown, headers: Headers, step: Step): BuyTweetError => {
  const retryable = isRetryableStatus(status);
  const error = parseErrorBody(body);
  return new BuyTweetError({
    // Lookups speak of HTTP failures as partner_error; orders pass the partner's own code on.
    code: step === 'order' && error && !retryable ? error.code : 'partner_error',
    message: error?.message ?? `HTTP ${status}`,
    step,
    status,
    retryable,
    // The header as sent: retry.ts reads it, if a retry ever waits.
    details: { ...error?.extra, retryAfter: headers.get('Retry-After') },
  });
};

/** A lookup's entry that is no valid Product: the partner's error for that link, or invalid. */
export const entryError = (entry: unknown): BuyTweetError => {
  const error = parseErrorBody(entry);
  return error
    ? new BuyTweetError({ code: error.code, message: error.message, step: 'lookup' })
    : new BuyTweetError({ code: 'invalid_response', message: 'Not a valid product.', step: 'lookup' });
};
