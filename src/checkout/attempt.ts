import type { Attempt } from '../core/checkout-flow.js';
import { emptyAddress, type BuyerInput } from '../core/buyer.js';
import { parseMoney } from '../core/validate.js';
import type { Money, ShippingAddress } from '../core/types.js';
import { RETURN_PARAMS } from './stripe-return.js';
import { stored } from '../stored.js';

/**
 * The purchase attempt under way, kept in this tab's sessionStorage until it ends in a receipt
 * (docs/publishers/checkout.md), so that a reload or a payment method that leaves the page and comes back loses
 * nothing and orders nothing twice: the same details go again under the same Idempotency-Key.
 * What is kept: the endpoint, the product link, the key, what the buyer typed and the body sent,
 * the order's id and the PaymentIntent's id. Never card data (only Stripe's fields see it), never
 * the client secret.
 */
export interface StoredAttempt {
  endpoint: string;
  productUrl: string;
  input: BuyerInput;
  attempt: Attempt;
  acceptedTotal?: Money;
  orderId?: string;
  /** The id (`pi_…`) of the PaymentIntent being paid: a return from Stripe names it. */
  paymentIntent?: string;
}

const PREFIX = 'buy-tweet:attempt ';
const ADDRESS_KEYS = Object.keys(emptyAddress('')) as Array<keyof ShippingAddress>;

// Without storage (or when it is full) an attempt lasts as long as the page.
const storage = stored('sessionStorage');

const keyOf = (endpoint: string, productUrl: string) => `${PREFIX}${endpoint} ${productUrl}`;

const isString = (value: unknown, max = 2000): value is string => typeof value === 'string' && value.length <= max;

/** What was read back, when it still has the shape this module wrote: anything else is dropped. */
const parseStored = (value: unknown, endpoint: string, productUrl: string): StoredAttempt | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const stored = value as Record<string, unknown>;
  const input = stored.input as Record<string, unknown> | undefined;
  const attempt = stored.attempt as Record<string, unknown> | undefined;
  const shipping = input?.shipping as Record<string, unknown> | undefined;
  const valid =
    stored.endpoint === endpoint &&
    stored.productUrl === productUrl &&
    isString(attempt?.key, 64) &&
    isString(attempt?.body, 20_000) &&
    typeof input?.quantity === 'number' &&
    isString(input.email, 254) &&
    (input.variantId === undefined || isString(input.variantId, 200)) &&
    typeof shipping === 'object' &&
    shipping !== null &&
    ADDRESS_KEYS.every((key) => isString(shipping[key], 200)) &&
    (stored.orderId === undefined || isString(stored.orderId, 200)) &&
    (stored.paymentIntent === undefined || isString(stored.paymentIntent, 200));
  if (!valid) return undefined;
  let request: unknown;
  try {
    request = JSON.parse(attempt.body as string);
  } catch {
    return undefined;
  }
  const acceptedTotal = parseMoney(stored.acceptedTotal) ?? undefined;
  return {
    endpoint,
    productUrl,
    // Only the known fields: what is read back goes into the next order's body.
    input: {
      quantity: input.quantity as number,
      email: input.email as string,
      ...(input.variantId !== undefined && { variantId: input.variantId as string }),
      shipping: Object.fromEntries(ADDRESS_KEYS.map((key) => [key, shipping[key]])) as unknown as ShippingAddress,
    },
    attempt: { key: attempt.key as string, body: attempt.body as string, request: request as Attempt['request'] },
    ...(acceptedTotal && { acceptedTotal }),
    ...(stored.orderId !== undefined && { orderId: stored.orderId as string }),
    ...(stored.paymentIntent !== undefined && { paymentIntent: stored.paymentIntent as string }),
  };
};

export const loadAttempt = (endpoint: string, productUrl: string): StoredAttempt | undefined =>
  parseStored(storage.read(keyOf(endpoint, productUrl)), endpoint, productUrl);

export const saveAttempt = (attempt: StoredAttempt): void =>
  storage.write(keyOf(attempt.endpoint, attempt.productUrl), attempt);

export const clearAttempt = (endpoint: string, productUrl: string): void => storage.remove(keyOf(endpoint, productUrl));

/** Takes Stripe's parameters off the address bar, keeping the page's own (docs/publishers/checkout.md). */
export const forgetStripeReturn = (): void => {
  const url = new URL(location.href);
  for (const name of RETURN_PARAMS) url.searchParams.delete(name);
  history.replaceState(history.state, '', url);
};
