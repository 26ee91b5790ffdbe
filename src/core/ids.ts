/**
 * Random ids, as the element (Idempotency-Keys), the mock and the reference partner (orders) make
 * them: shared through `rules.ts`, and a module of its own so that the checkout chunk, not the
 * first card's script, carries it.
 */

/** `bytes` random bytes as hex (getRandomValues works on plain-http pages too, randomUUID does not). */
export const randomHex = (bytes: number): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A new id with Stripe's shape: `{prefix}_` and 96 random bits in hex (`ord_3f…`). */
export const newId = (prefix: string, bytes = 12): string => `${prefix}_${randomHex(bytes)}`;
