import type {
  Availability,
  Checkout,
  Money,
  Order,
  OrderStatus,
  Product,
  ProductImage,
  Variant,
} from './types.js';
import { safeUrl } from './url.js';

/**
 * Validation at the edge: partner JSON is untrusted. Each parser gives a typed value or `null`;
 * unsafe optional links are dropped rather than failing the whole product.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown, max = 10_000): string | null =>
  typeof value === 'string' && value.trim() && value.length <= max ? value : null;

const optionalText = (value: unknown, max = 10_000): string | undefined =>
  typeof value === 'string' && value.length <= max ? value : undefined;

const dimension = (value: unknown): number | undefined =>
  Number.isInteger(value) && (value as number) > 0 && (value as number) <= 10_000
    ? (value as number)
    : undefined;

export const parseMoney = (value: unknown): Money | null => {
  if (!isObject(value)) return null;
  const { amount, currency } = value;
  if (!Number.isSafeInteger(amount) || (amount as number) < 0) return null;
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) return null;
  return { amount: amount as number, currency: currency.toUpperCase() };
};

const AVAILABILITY: readonly Availability[] = ['in_stock', 'sold_out', 'preorder'];
const availability = (value: unknown): Availability | null =>
  AVAILABILITY.includes(value as Availability) ? (value as Availability) : null;

const parseImage = (value: unknown): ProductImage | undefined => {
  if (!isObject(value)) return undefined;
  const url = safeUrl(value.url);
  if (!url) return undefined;
  const image: ProductImage = { url, alt: optionalText(value.alt, 1000) ?? '' };
  const width = dimension(value.width);
  const height = dimension(value.height);
  if (width && height) Object.assign(image, { width, height });
  return image;
};

const parseVariant = (value: unknown): Variant | null => {
  if (!isObject(value)) return null;
  const id = text(value.id, 200);
  const title = text(value.title, 1000);
  const price = parseMoney(value.price);
  const state = availability(value.availability ?? 'in_stock');
  return id && title && price && state ? { id, title, price, availability: state } : null;
};

const parseCheckout = (value: unknown): Checkout | null => {
  if (!isObject(value)) return null;
  if (value.type === 'stripe') {
    const key = text(value.publishableKey, 500);
    return key && /^pk_/.test(key) ? { type: 'stripe', publishableKey: key } : null;
  }
  if (value.type === 'redirect') {
    const url = safeUrl(value.url);
    return url ? { type: 'redirect', url } : null;
  }
  return null;
};

export const parseProduct = (value: unknown): Product | null => {
  if (!isObject(value)) return null;
  const id = text(value.id, 200);
  const url = safeUrl(value.url);
  const title = text(value.title);
  const merchantName = isObject(value.merchant) ? text(value.merchant.name, 1000) : null;
  const price = parseMoney(value.price);
  const state = availability(value.availability);
  const checkout = parseCheckout(value.checkout);
  if (!id || !url || !title || !merchantName || !price || !state || !checkout) return null;

  const variantsIn = value.variants ?? [];
  if (!Array.isArray(variantsIn) || variantsIn.length > 100) return null;
  const variants = variantsIn.map(parseVariant);
  if (variants.some((variant) => !variant)) return null;

  const maxQuantity = value.maxQuantity ?? 1;
  if (!Number.isInteger(maxQuantity) || (maxQuantity as number) < 1 || (maxQuantity as number) > 999) {
    return null;
  }
  const requiresShipping = value.requiresShipping ?? false;
  if (typeof requiresShipping !== 'boolean') return null;

  const product: Product = {
    id,
    url,
    title,
    merchant: { name: merchantName },
    price,
    availability: state,
    variants: variants as Variant[],
    maxQuantity: maxQuantity as number,
    requiresShipping,
    checkout,
  };
  const merchantUrl = safeUrl((value.merchant as Json).url);
  if (merchantUrl) product.merchant.url = merchantUrl;
  const description = optionalText(value.description);
  if (description?.trim()) product.description = description;
  const image = parseImage(value.image);
  if (image) product.image = image;
  return product;
};

const ORDER_STATUS: readonly OrderStatus[] = ['requires_payment', 'paid', 'failed', 'canceled'];

export const parseOrder = (value: unknown): Order | null => {
  if (!isObject(value)) return null;
  const id = text(value.id, 200);
  const total = parseMoney(value.total);
  const status = ORDER_STATUS.includes(value.status as OrderStatus) ? (value.status as OrderStatus) : null;
  if (!id || !total || !status) return null;
  const order: Order = { id, status, total };
  if (value.payment != null) {
    const payment = value.payment;
    if (!isObject(payment) || payment.type !== 'stripe') return null;
    const clientSecret = text(payment.clientSecret, 500);
    if (!clientSecret) return null;
    order.payment = { type: 'stripe', clientSecret };
    const key = text(payment.publishableKey, 500);
    if (key && /^pk_/.test(key)) order.payment.publishableKey = key;
  }
  const receiptUrl = safeUrl(value.receiptUrl);
  if (receiptUrl) order.receiptUrl = receiptUrl;
  return order;
};

/** `{code, message}` of a protocol error object, if the answer is one. */
export const parseErrorBody = (
  value: unknown,
): { code: string; message: string; extra: Json } | null => {
  if (!isObject(value) || !isObject(value.error)) return null;
  const { code, message, ...extra } = value.error;
  const safeCode = text(code, 100);
  if (!safeCode) return null;
  return { code: safeCode, message: text(message, 1000) ?? safeCode, extra };
};
