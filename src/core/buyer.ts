import type { CheckoutWords } from '../words/language.js';
import type { Product, ShippingAddress } from './types.js';
import { randomHex } from './ids.js';

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

type Word = { [K in keyof CheckoutWords]: CheckoutWords[K] extends string ? K : never }[keyof CheckoutWords];

/**
 * The fields of a shipping address: key, the word of its label, `autocomplete` token, and for a
 * required field the word that asks for it.
 */
export const SHIPPING_FIELDS: ReadonlyArray<readonly [Exclude<keyof ShippingAddress, 'country'>, Word, string, Word?]> =
  [
    ['name', 'fullName', 'shipping name', 'enterName'],
    ['line1', 'address', 'shipping address-line1', 'enterAddress'],
    ['line2', 'address2', 'shipping address-line2'],
    ['city', 'city', 'shipping address-level2', 'enterCity'],
    ['region', 'region', 'shipping address-level1'],
    ['postalCode', 'postalCode', 'shipping postal-code', 'enterPostalCode'],
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

/**
 * The buyer's own mistakes, by field name (`email`, `shipping.city`...), in `words`: empty when
 * there are none.
 */
export const checkBuyer = (product: Product, input: BuyerInput, words: CheckoutWords): Record<string, string> => {
  const fields: Record<string, string> = {};
  const { quantity } = input;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > product.maxQuantity) {
    fields.quantity = words.chooseQuantity({ max: product.maxQuantity });
  }
  if (product.variants.length && !product.variants.some((variant) => variant.id === input.variantId)) {
    fields.variantId = words.chooseOption;
  }
  if (!EMAIL.test(input.email.trim())) fields.email = words.enterEmail;
  if (product.requiresShipping) {
    for (const [key, , , missing] of SHIPPING_FIELDS) {
      if (missing && !input.shipping[key].trim()) fields[`shipping.${key}`] = words[missing];
    }
  }
  return fields;
};

/** A fresh Idempotency-Key: 128 random bits. */
export const newKey = (): string => randomHex(16);
