/**
 * How a partner checks the body of `POST {endpoint}/orders` (docs/partners/protocol.md): pure, so the rules read
 * in one place.
 */
import { isRecord, jsonDepth } from './json.js';
import type { Money, OrderRequest, OrderSource, Product, ShippingAddress, Variant } from './types.js';

/** An error answer of the protocol: its HTTP status and `error` object. */
export interface ProtocolError {
  status: number;
  error: { code: string; message: string; [extra: string]: unknown };
}

export type OrderCheck =
  | { ok: true; request: OrderRequest; product: Product; variant?: Variant; total: Money }
  | { ok: false; answer: ProtocolError };

const isMoney = (value: unknown): value is Money =>
  isRecord(value) &&
  Number.isSafeInteger(value.amount) &&
  typeof value.currency === 'string' &&
  /^[A-Z]{3}$/.test(value.currency);

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/**
 * The longest text each field of an order may hold, in UTF-16 code units (a string's `length`),
 * as sent: what a partner accepts, and what the checkout keeps and sends. 254 is the longest
 * email address that fits SMTP's path (RFC 5321 §4.5.3.1, as errata 1690 reads it); the address
 * lines are generous for any real address; a country is an ISO 3166-1 alpha-2 code; a tweet id
 * is at most 25 digits (rules.ts reads them); 2048 is a common ceiling for a URL that must work
 * everywhere.
 */
export const ORDER_TEXT_CAPS = {
  email: 254,
  name: 200,
  line1: 200,
  line2: 200,
  city: 100,
  region: 100,
  postalCode: 20,
  country: 2,
  tweetId: 32,
  tweetUrl: 2048,
  pageUrl: 2048,
} as const;

/** How deeply an order's body may nest: three levels are used (`shipping.name`); more is hostile. */
export const MAX_ORDER_DEPTH = 64;

/**
 * What no partner can keep: NUL, which PostgreSQL's `text` and `jsonb` refuse, and a lone UTF-16
 * surrogate (JSON's `"\ud800"`), which is no character at all and has no UTF-8 form.
 */
const UNSTORABLE = /[\0\p{Cs}]/u;

/** What is wrong with a text field's value as text a partner keeps, if anything. */
const textProblem = (value: string, cap: number): string | undefined =>
  UNSTORABLE.test(value)
    ? 'Remove the characters that cannot be stored'
    : value.length > cap
      ? `Use at most ${cap} characters`
      : undefined;

/** Whether `text` can be kept and looked up as it is (an id from a URL, say): no NUL, no lone surrogate. */
export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

const invalid = (message: string, fields?: Record<string, string>): OrderCheck => ({
  ok: false,
  answer: { status: 422, error: { code: 'invalid_request', message, ...(fields && { fields }) } },
});

const REQUIRED_ADDRESS: Record<'name' | 'line1' | 'city' | 'postalCode' | 'country', string> = {
  name: 'Enter the name of the recipient',
  line1: 'Enter a street address',
  city: 'Enter a city',
  postalCode: 'Enter a postal code',
  country: 'Choose a country',
};

const checkShipping = (shipping: unknown, fields: Record<string, string>): ShippingAddress | null => {
  if (!isRecord(shipping)) {
    fields.shipping = 'Enter a shipping address';
    return null;
  }
  for (const [name, message] of Object.entries(REQUIRED_ADDRESS)) {
    if (!filled(shipping[name])) fields[`shipping.${name}`] = message;
  }
  for (const name of ['line2', 'region']) {
    if (shipping[name] != null && typeof shipping[name] !== 'string') fields[`shipping.${name}`] = 'Must be text';
  }
  for (const name of ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const) {
    const value = shipping[name];
    const problem = typeof value === 'string' ? textProblem(value, ORDER_TEXT_CAPS[name]) : undefined;
    if (problem) fields[`shipping.${name}`] = problem;
  }
  const country = filled(shipping.country) ? shipping.country.trim().toUpperCase() : '';
  if (country && !/^[A-Z]{2}$/.test(country)) fields['shipping.country'] = 'Choose a country';
  const postalCode = filled(shipping.postalCode) ? shipping.postalCode.trim() : '';
  if (country === 'US' && postalCode && !/^\d{5}(?:-\d{4})?$/.test(postalCode)) {
    fields['shipping.postalCode'] = 'Enter a valid ZIP code';
  } else if (postalCode.length > 12) {
    fields['shipping.postalCode'] = 'Enter a valid postal code';
  }
  const text = (name: string) => (typeof shipping[name] === 'string' ? shipping[name] : '');
  return {
    name: text('name'),
    line1: text('line1'),
    line2: text('line2'),
    city: text('city'),
    region: text('region'),
    postalCode,
    country,
  };
};

/** Keeps the known fields of `source`, and only those that are text; text that cannot be kept is a field to fix. */
const checkSource = (source: unknown, fields: Record<string, string>): OrderSource => {
  if (!isRecord(source)) return {};
  const known: OrderSource = {};
  for (const name of ['tweetId', 'tweetUrl', 'pageUrl'] as const) {
    const value = source[name];
    if (typeof value !== 'string') continue;
    const problem = textProblem(value, ORDER_TEXT_CAPS[name]);
    if (problem) fields[`source.${name}`] = problem;
    known[name] = value;
  }
  return known;
};

/**
 * The body of `POST {endpoint}/orders` read from its text: 400 when it is no JSON, 422 when it
 * nests deeper than `MAX_ORDER_DEPTH` (checked on the text, before anything walks the parsed value).
 */
export const parseOrderBody = (text: string): { ok: true; body: unknown } | { ok: false; answer: ProtocolError } => {
  if (jsonDepth(text, MAX_ORDER_DEPTH) > MAX_ORDER_DEPTH) {
    const message = `Nested deeper than ${MAX_ORDER_DEPTH} levels`;
    return {
      ok: false,
      answer: { status: 422, error: { code: 'invalid_request', message, fields: { body: message } } },
    };
  }
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      answer: { status: 400, error: { code: 'invalid_request', message: 'The body must be JSON.' } },
    };
  }
};

/**
 * Checks an order body against the product it names (`undefined` when this partner has no such
 * product), in the order a partner would: what is wrong with the request, then whether it can be
 * sold, then whether the buyer saw the right price.
 */
export const checkOrder = (body: unknown, product: Product | undefined): OrderCheck => {
  if (!isRecord(body)) return invalid('The body must be a JSON object.');
  if (!product) {
    return invalid('No such product.', { productId: 'This product is not sold here' });
  }
  if (product.checkout.type !== 'stripe') {
    return invalid("This product is bought on the partner's own checkout page.");
  }

  const fields: Record<string, string> = {};
  let variant: Variant | undefined;
  if (product.variants.length > 0) {
    variant = product.variants.find((v) => v.id === body.variantId);
    if (!variant) fields.variantId = body.variantId == null ? 'Choose an option' : 'This option does not exist';
  } else if (body.variantId != null) {
    fields.variantId = 'This product has no options';
  }

  const quantity = body.quantity ?? 1;
  if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > product.maxQuantity) {
    fields.quantity =
      product.maxQuantity === 1
        ? 'Only one can be bought at a time'
        : `Enter a quantity from 1 to ${product.maxQuantity}`;
  }

  const emailProblem = typeof body.email === 'string' ? textProblem(body.email, ORDER_TEXT_CAPS.email) : undefined;
  if (emailProblem) fields.email = emailProblem;
  else if (typeof body.email !== 'string' || !EMAIL.test(body.email.trim())) fields.email = 'Enter a valid email';

  let shipping: ShippingAddress | null = null;
  if (product.requiresShipping) {
    shipping = checkShipping(body.shipping, fields);
  } else if (body.shipping != null) {
    fields.shipping = 'This product is not shipped';
  }

  if (!isMoney(body.expectedTotal)) fields.expectedTotal = 'Give the total the buyer agreed to';

  const source = checkSource(body.source, fields);

  if (Object.keys(fields).length > 0) return invalid('Some fields need attention.', fields);

  if (product.availability === 'sold_out' || variant?.availability === 'sold_out') {
    return {
      ok: false,
      answer: { status: 409, error: { code: 'sold_out', message: `${variant ? `${variant.title}: ` : ''}sold out.` } },
    };
  }

  // A variant without a price of its own has the product's (docs/partners/protocol.md), as its availability above.
  const unit = variant?.price ?? product.price;
  const total = { amount: unit.amount * (quantity as number), currency: unit.currency };
  const expected = body.expectedTotal as Money;
  if (expected.amount !== total.amount || expected.currency !== total.currency) {
    return {
      ok: false,
      answer: { status: 409, error: { code: 'price_changed', message: 'The price has changed.', total } },
    };
  }

  return {
    ok: true,
    product,
    variant,
    total,
    request: {
      productId: product.id,
      variantId: variant?.id ?? null,
      quantity: quantity as number,
      email: (body.email as string).trim(),
      shipping,
      expectedTotal: { amount: expected.amount, currency: expected.currency },
      source,
    },
  };
};
