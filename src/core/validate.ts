import type { Availability, Checkout, Money, Product, ProductImage, Variant } from './types.js';
import { isRecord } from './json.js';
import { safeUrl } from './url.js';

/**
 * Validation at the edge: partner JSON is untrusted. Each parser gives a typed value or `null`;
 * unsafe optional links are dropped rather than failing the whole product.
 */

export type Json = Record<string, unknown>;

/** A string that is not blank, of at most `max` characters. */
export const text = (value: unknown, max = 10_000): string | null =>
  typeof value === 'string' && value.trim() && value.length <= max ? value : null;

/** An integer from `min` to `max`. */
const within = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

export const oneOf = <T>(values: readonly T[], value: unknown): T | null =>
  values.includes(value as T) ? (value as T) : null;

/** A Stripe publishable key. */
export const stripeKey = (value: unknown): string | null => {
  const key = text(value, 500);
  return key?.startsWith('pk_') ? key : null;
};

/** The fields as a whole when each of them checked out (none is `null` or `undefined`), else `null`. */
export const allValid = <T extends object>(fields: { [K in keyof T]: T[K] | null | undefined }): T | null =>
  Object.values(fields).every((field) => field != null) ? (fields as T) : null;

export const parseMoney = (value: unknown): Money | null =>
  isRecord(value) &&
  within(value.amount, 0, Number.MAX_SAFE_INTEGER) &&
  typeof value.currency === 'string' &&
  /^[a-z]{3}$/i.test(value.currency)
    ? { amount: value.amount, currency: value.currency.toUpperCase() }
    : null;

const AVAILABILITY: readonly Availability[] = ['in_stock', 'sold_out', 'preorder'];

/** A price whose total is a safe integer for every quantity the buyer can choose, up to `maxQuantity`. */
const parsePrice = (value: unknown, maxQuantity: number): Money | null => {
  const price = parseMoney(value);
  return price && Number.isSafeInteger(price.amount * maxQuantity) ? price : null;
};

/** A variant's `price` and `availability` may be left out (or null): they are the product's then. */
const parseVariant = (value: unknown, maxQuantity: number): Variant | null =>
  isRecord(value)
    ? allValid<Variant>({
        id: text(value.id, 200),
        title: text(value.title, 1000),
        ...(value.price != null && { price: parsePrice(value.price, maxQuantity) }),
        ...(value.availability != null && { availability: oneOf(AVAILABILITY, value.availability) }),
      })
    : null;

const parseCheckout = (value: unknown): Checkout | null =>
  !isRecord(value)
    ? null
    : value.type === 'stripe'
      ? allValid<Checkout>({ type: 'stripe', publishableKey: stripeKey(value.publishableKey) })
      : value.type === 'redirect'
        ? allValid<Checkout>({ type: 'redirect', url: safeUrl(value.url) })
        : null;

const parseImage = (value: unknown): ProductImage | undefined => {
  const url = isRecord(value) && safeUrl(value.url);
  if (!url) return undefined;
  const { alt, width, height } = value as Json;
  return {
    url,
    alt: typeof alt === 'string' && alt.length <= 1000 ? alt : '',
    ...(within(width, 1, 10_000) && within(height, 1, 10_000) && { width, height }),
  };
};

export const parseProduct = (value: unknown): Product | null => {
  if (!isRecord(value) || !isRecord(value.merchant)) return null;
  const { merchant, variants = [], maxQuantity = 1, requiresShipping = false } = value;
  if (!Array.isArray(variants) || variants.length > 100) return null;
  if (!within(maxQuantity, 1, 999) || typeof requiresShipping !== 'boolean') return null;
  const name = text(merchant.name, 1000);
  const merchantUrl = safeUrl(merchant.url);
  const description = text(value.description);
  const image = parseImage(value.image);
  return allValid<Product>({
    id: text(value.id, 200),
    url: safeUrl(value.url),
    title: text(value.title),
    merchant: name ? { name, ...(merchantUrl && { url: merchantUrl }) } : null,
    price: parsePrice(value.price, maxQuantity),
    availability: oneOf(AVAILABILITY, value.availability),
    variants: allValid<Variant[]>(variants.map((variant) => parseVariant(variant, maxQuantity))),
    maxQuantity,
    requiresShipping,
    checkout: parseCheckout(value.checkout),
    ...(description && { description }),
    ...(image && { image }),
  });
};
