import { waitUntil as waitUntilOnce } from '@open-wc/testing';

/**
 * `waitUntil` with room for a busy CI machine: chunks, Stripe.js and lookups load for real here,
 * and two cores may be doing other things. Tests never assert on how long it took.
 */
export const waitUntil = (
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
) => waitUntilOnce(predicate, message, { timeout: 5000, ...options });
