/**
 * The fake device's wallets and what their sheets hand the page, as pure functions (no DOM).
 *
 * Stripe's names and shapes are @stripe/stripe-js's (elements/express-checkout.d.ts):
 * `ExpressPaymentType` names the wallets, `AvailablePaymentMethods` is what `ready` reports, and
 * `StripeExpressCheckoutElementConfirmEvent` what `confirm` gives (`billingDetails`,
 * `shippingAddress`, `shippingRate` in `ExpressCheckoutAddress`'s shape).
 */
import type { AvailablePaymentMethods, ExpressCheckoutAddress, LineItem, ShippingRate } from '@stripe/stripe-js';
import type { FakeWallet, FakeWalletBuyer } from './types.js';

/** Every `ExpressPaymentType`, with its key in `AvailablePaymentMethods` and the name its button reads. */
export const WALLETS: Record<FakeWallet, { key: keyof AvailablePaymentMethods; name: string }> = {
  apple_pay: { key: 'applePay', name: 'Apple Pay' },
  google_pay: { key: 'googlePay', name: 'Google Pay' },
  link: { key: 'link', name: 'Link' },
  amazon_pay: { key: 'amazonPay', name: 'Amazon Pay' },
  paypal: { key: 'paypal', name: 'PayPal' },
  klarna: { key: 'klarna', name: 'Klarna' },
};

const isWallet = (value: unknown): value is FakeWallet => typeof value === 'string' && Object.hasOwn(WALLETS, value);

/** The `wallets` option of `installFakeStripe`, checked: a list of `ExpressPaymentType`s. */
export const readWallets = (value: unknown): FakeWallet[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isWallet)) {
    throw new TypeError(
      `buy-tweet fake Stripe: \`wallets\` should list wallets among ${Object.keys(WALLETS).join(', ')}; got ${JSON.stringify(value)}.`,
    );
  }
  return [...new Set(value)];
};

/** The wallets the element shows: the device's, less those its `paymentMethods` option sets to `'never'`. */
export const shownWallets = (device: readonly FakeWallet[], paymentMethods: unknown): FakeWallet[] => {
  const chosen = (paymentMethods && typeof paymentMethods === 'object' ? paymentMethods : {}) as Record<
    string,
    unknown
  >;
  return device.filter((wallet) => chosen[WALLETS[wallet].key] !== 'never');
};

/**
 * What `ready` reports: "the list of payment methods that could possibly show in the element, or
 * undefined if no payment methods can show" (express-checkout.d.ts).
 */
export const availablePaymentMethods = (shown: readonly FakeWallet[]): AvailablePaymentMethods | undefined => {
  if (!shown.length) return undefined;
  const available = {} as AvailablePaymentMethods;
  for (const [wallet, { key }] of Object.entries(WALLETS)) available[key] = shown.includes(wallet as FakeWallet);
  return available;
};

/** Stripe's test customer, at Stripe's own address in San Francisco. */
export const DEFAULT_BUYER: FakeWalletBuyer = {
  name: 'Jenny Rosen',
  email: 'jenny.rosen@example.com',
  phone: '+14155550123',
  address: {
    line1: '510 Townsend St',
    line2: null,
    city: 'San Francisco',
    state: 'CA',
    postal_code: '94103',
    country: 'US',
  },
};

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The `walletBuyer` option of `installFakeStripe`, checked. */
export const readBuyer = (value: unknown): FakeWalletBuyer => {
  if (value === undefined) return DEFAULT_BUYER;
  const buyer = value as Record<keyof FakeWalletBuyer, unknown> | null;
  const address = (buyer?.address ?? null) as Record<keyof ExpressCheckoutAddress, unknown> | null;
  const valid =
    text(buyer?.name) &&
    text(buyer.email) &&
    (buyer.phone === undefined || text(buyer.phone)) &&
    text(address?.line1) &&
    (address.line2 === null || typeof address.line2 === 'string') &&
    typeof address.city === 'string' &&
    typeof address.state === 'string' &&
    typeof address.postal_code === 'string' &&
    typeof address.country === 'string' &&
    /^[A-Z]{2}$/.test(address.country);
  if (!valid) {
    throw new TypeError(
      'buy-tweet fake Stripe: `walletBuyer` should have a name, an email, an optional phone and an address {line1, line2 (or null), city, state, postal_code, country (two capital letters)}.',
    );
  }
  return value as FakeWalletBuyer;
};

/** What the wallet sheet is asked to collect and show: the element's options, then the click's `resolve`. */
export interface SheetDetails {
  emailRequired?: boolean;
  phoneNumberRequired?: boolean;
  shippingAddressRequired?: boolean;
  billingAddressRequired?: boolean;
  allowedShippingCountries?: string[];
  lineItems?: LineItem[];
  shippingRates?: ShippingRate[];
}

const describe = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));

const BOOLEANS = ['emailRequired', 'phoneNumberRequired', 'shippingAddressRequired', 'billingAddressRequired'];
const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value);
const isLineItem = (item: unknown): boolean =>
  text((item as LineItem | null)?.name) && isCount((item as LineItem).amount);
const isShippingRate = (rate: unknown): boolean =>
  text((rate as ShippingRate | null)?.id) &&
  isCount((rate as ShippingRate).amount) &&
  text((rate as ShippingRate).displayName);

/**
 * The first problem of the Express Checkout Element's options (`method`: `create()`, `update()` or
 * the click's `resolve()`), in the shapes @stripe/stripe-js types them; `null` when none. The words
 * follow Stripe.js's "Invalid value for …: … should be …. You specified: …." (as its `Stripe()` and
 * `elements()` refusals read); its exact words for these options were not found.
 */
export const optionsProblem = (method: string, options: unknown): string | null => {
  if (options === undefined) return null;
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    return `Invalid value for ${method}: options should be an object. You specified: ${describe(options)}.`;
  }
  const given = options as Record<string, unknown>;
  const invalid = (key: string, what: string) =>
    `Invalid value for ${method}: ${key} should be ${what}. You specified: ${describe(given[key])}.`;
  for (const key of BOOLEANS) {
    if (given[key] !== undefined && typeof given[key] !== 'boolean') return invalid(key, 'a boolean');
  }
  const countries = given.allowedShippingCountries;
  // "a list of two-letter country codes" (docs.stripe.com/js/elements_object/create_express_checkout_element).
  if (
    countries !== undefined &&
    !(Array.isArray(countries) && countries.every((c: unknown) => typeof c === 'string' && /^[A-Za-z]{2}$/.test(c)))
  ) {
    return invalid('allowedShippingCountries', 'an array of two-letter country codes');
  }
  if (given.lineItems !== undefined && !(Array.isArray(given.lineItems) && given.lineItems.every(isLineItem))) {
    return invalid('lineItems', 'an array of {name, amount} objects');
  }
  const rates = given.shippingRates;
  if (rates !== undefined && !(Array.isArray(rates) && rates.every(isShippingRate))) {
    return invalid('shippingRates', 'an array of {id, amount, displayName} objects');
  }
  const height = given.buttonHeight;
  // "a custom button height in the range of 40px-55px" (docs.stripe.com/js/custom_checkout/create_express_checkout_element).
  if (height !== undefined && !(typeof height === 'number' && height >= 40 && height <= 55)) {
    return invalid('buttonHeight', 'a number from 40 to 55');
  }
  return null;
};

/**
 * What the sheet cannot show, once the click's details are in: Stripe.js refuses shipping rates for
 * a sheet that collects no shipping address, in these words (quoted from js.stripe.com in
 * stripe/stripe-android#11058).
 */
export const sheetProblem = (details: SheetDetails): string | null =>
  details.shippingRates?.length && details.shippingAddressRequired !== true
    ? 'You must specify `shippingAddressRequired: true` when providing `shippingRates`.'
    : null;

/**
 * Whether the sheet can ship to the buyer: "By default, the Express Checkout Element allows all
 * countries for shipping" (docs.stripe.com/js/elements_object/create_express_checkout_element).
 */
export const shipsTo = (details: SheetDetails, buyer: FakeWalletBuyer): boolean =>
  !details.shippingAddressRequired ||
  !details.allowedShippingCountries ||
  details.allowedShippingCountries.some((country) => country.toUpperCase() === buyer.address.country);

/** The `confirm` event's details, but for `paymentFailed` (docs.stripe.com/js/elements_object/express_checkout_element_confirm_event). */
export const confirmDetails = (wallet: FakeWallet, details: SheetDetails, buyer: FakeWalletBuyer) => ({
  elementType: 'expressCheckout' as const,
  expressPaymentType: wallet,
  billingDetails: {
    name: buyer.name,
    ...(details.emailRequired && { email: buyer.email }),
    ...(details.phoneNumberRequired && buyer.phone && { phone: buyer.phone }),
    address: { ...buyer.address },
  },
  ...(details.shippingAddressRequired && { shippingAddress: { name: buyer.name, address: { ...buyer.address } } }),
  // "The first shipping rate listed appears in the payment interface as the default option" (Stripe's
  // words for its wallets' `shippingRates`, stripe.dev/stripe-android ShopPayConfiguration).
  ...(details.shippingRates?.length && { shippingRate: { ...details.shippingRates[0] } }),
});
