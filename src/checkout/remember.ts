import { emptyAddress, freshInput, type BuyerInput } from '../core/buyer.js';
import { initialCheckout, type CheckoutState } from '../core/checkout-flow.js';
import type { OrderRequest, Product, ShippingAddress } from '../core/types.js';
import { COUNTRIES, countryOfLocale } from './countries.js';
import { stored } from '../stored.js';
import { isRecord, ORDER_TEXT_CAPS } from '../core/rules.js';

/**
 * "Remember me", as Twitter's Buy button had it: with the buyer's consent, their email and
 * shipping address stay in this site's localStorage (key `buy-tweet:buyer`) for 180 days to fill
 * the next checkout. Nothing of payment is ever stored: card data only enters Stripe's own fields.
 *
 * localStorage belongs to the site, not to buy-tweet: every script on the site can read and write
 * this key. So what comes back is read as untrusted input (issue 8, "remember-me validates what it
 * reads back"): known keys only, strings within the caps below, a country we ship to. Anything else
 * is dropped, never thrown, so a bad record can't stop the checkout.
 */
export interface RememberedBuyer {
  email?: string;
  /** Only the fields that passed the checks; the checkout fills the rest with its defaults. */
  shipping?: Partial<ShippingAddress>;
}

const KEY = 'buy-tweet:buyer';
const DAY = 24 * 60 * 60 * 1000;
/** How long a saved buyer is kept (issue 8): after that it is removed on the next read. */
export const REMEMBER_DAYS = 180;

/** The longest value kept, per field: no longer than a partner accepts in an order (core/order-check.ts). */
export const REMEMBER_CAPS = ORDER_TEXT_CAPS;

const ADDRESS_TEXT = ['name', 'line1', 'line2', 'city', 'region', 'postalCode'] as const;

const storage = stored('localStorage');

const within = (value: unknown, cap: number): value is string => typeof value === 'string' && value.length <= cap;

/** What of `value` is a buyer we would remember: the valid parts, or undefined when none is. */
const validBuyer = (value: unknown): RememberedBuyer | undefined => {
  if (!isRecord(value)) return undefined;
  const buyer: RememberedBuyer = {};
  if (within(value.email, REMEMBER_CAPS.email) && value.email) buyer.email = value.email;
  if (isRecord(value.shipping)) {
    const source = value.shipping;
    const shipping: Partial<ShippingAddress> = {};
    for (const key of ADDRESS_TEXT) {
      const field = source[key];
      if (within(field, REMEMBER_CAPS[key])) shipping[key] = field;
    }
    if (typeof source.country === 'string' && COUNTRIES.includes(source.country)) shipping.country = source.country;
    if (Object.keys(shipping).length) buyer.shipping = shipping;
  }
  return buyer.email !== undefined || buyer.shipping ? buyer : undefined;
};

/** The saved buyer, as far as it is valid and younger than 180 days; an expired one is removed. */
export const recall = (now = Date.now()): RememberedBuyer | undefined => {
  const saved = storage.read(KEY);
  if (!isRecord(saved)) return undefined;
  const { savedAt } = saved;
  // No date, or one from the future, can't be aged: such a record is treated as expired.
  if (typeof savedAt !== 'number' || !(savedAt <= now) || now - savedAt > REMEMBER_DAYS * DAY) {
    forget();
    return undefined;
  }
  return validBuyer(saved);
};

/** Saves what of `buyer` passes the same checks as `recall`, dated now. */
export const remember = (buyer: RememberedBuyer, now = Date.now()): void => {
  const valid = validBuyer(buyer);
  if (!valid) return forget();
  storage.write(KEY, { ...valid, savedAt: now });
};

export const forget = (): void => storage.remove(KEY);

/** A new checkout's state: the remembered buyer's details, else empty ones in the locale's country. */
export const freshCheckout = (product: Product, locale?: string): CheckoutState => {
  const saved = recall();
  const shipping = { ...emptyAddress(countryOfLocale(locale) ?? 'US'), ...saved?.shipping };
  return initialCheckout(freshInput(product, { email: saved?.email, shipping }), Boolean(saved));
};

/** "Remember me", applied once the order exists: details that made no order are not kept. */
export const keepBuyer = (wanted: boolean, sent: OrderRequest): void => {
  if (wanted) remember({ email: sent.email, shipping: sent.shipping ?? undefined });
  else forget();
};

/** What the buyer typed, without what Forget forgets: the email and the address. */
export const forgottenInput = (input: BuyerInput, locale?: string): BuyerInput => ({
  ...input,
  email: '',
  shipping: emptyAddress(countryOfLocale(locale) ?? 'US'),
});
