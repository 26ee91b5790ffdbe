/**
 * How a partner checks the body of `POST {endpoint}/orders` (docs/partners/protocol.md): pure, so the rules read
 * in one place.
 */
import { isRecord } from './json.js';
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

/** Keeps the known fields of `source`, and only those that are text. */
const checkSource = (source: unknown): OrderSource => {
  if (!isRecord(source)) return {};
  const known: OrderSource = {};
  for (const name of ['tweetId', 'tweetUrl', 'pageUrl'] as const) {
    if (typeof source[name] === 'string') known[name] = source[name];
  }
  return known;
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

  if (typeof body.email !== 'string' || body.email.length > 254 || !EMAIL.test(body.email.trim())) {
    fields.email = 'Enter a valid email';
  }

  let shipping: ShippingAddress | null = null;
  if (product.requiresShipping) {
    shipping = checkShipping(body.shipping, fields);
  } else if (body.shipping != null) {
    fields.shipping = 'This product is not shipped';
  }

  if (!isMoney(body.expectedTotal)) fields.expectedTotal = 'Give the total the buyer agreed to';

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
      source: checkSource(body.source),
    },
  };
};
