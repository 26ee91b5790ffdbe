import type { Product, ShippingAddress } from './types.js';

/**
 * What the buyer enters in the checkout, and the checks made before anything is sent: the buyer's
 * own mistakes are theirs to fix, so they never cost a request.
 */

/** What the buyer has entered. */
export interface BuyerInput {
  variantId?: string;
  quantity: number;
  email: string;
  shipping: ShippingAddress;
}

/** The fields of a shipping address: key, label, `autocomplete` token, required. */
export const SHIPPING_FIELDS: ReadonlyArray<readonly [Exclude<keyof ShippingAddress, 'country'>, string, string, boolean]> = [
  ['name', 'Full name', 'shipping name', true],
  ['line1', 'Address', 'shipping address-line1', true],
  ['line2', 'Apartment, suite (optional)', 'shipping address-line2', false],
  ['city', 'City', 'shipping address-level2', true],
  ['region', 'State / region', 'shipping address-level1', false],
  ['postalCode', 'Postal code', 'shipping postal-code', true],
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emptyAddress = (country: string): ShippingAddress => ({
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country,
});

/** A first input for `product`: its first option that is not sold out, one of it. */
export const freshInput = (
  product: Product,
  { email = '', shipping }: { email?: string; shipping: ShippingAddress },
): BuyerInput => ({
  variantId: product.variants.find((variant) => variant.availability !== 'sold_out')?.id,
  quantity: 1,
  email,
  shipping,
});

/** The buyer's own mistakes, by field name (`email`, `shipping.city`...): empty when there are none. */
export const checkBuyer = (product: Product, input: BuyerInput): Record<string, string> => {
  const fields: Record<string, string> = {};
  const { quantity } = input;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > product.maxQuantity) {
    fields.quantity = `Choose from 1 to ${product.maxQuantity}.`;
  }
  if (product.variants.length && !product.variants.some((variant) => variant.id === input.variantId)) {
    fields.variantId = 'Choose an option.';
  }
  if (!EMAIL.test(input.email.trim())) fields.email = 'Enter an email address like name@example.com.';
  if (product.requiresShipping) {
    for (const [key, label, , required] of SHIPPING_FIELDS) {
      if (required && !input.shipping[key].trim()) fields[`shipping.${key}`] = `Enter your ${label.toLowerCase()}.`;
    }
  }
  return fields;
};

/** A fresh Idempotency-Key: 128 random bits (getRandomValues works on plain-http pages too, randomUUID does not). */
export const newKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
