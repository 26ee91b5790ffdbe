/**
 * Stripe's deferred-intent integration, "Collect payment details before creating an Intent"
 * (docs.stripe.com/payments/accept-a-payment-deferred): `stripe.elements({mode: 'payment', amount,
 * currency})` makes a group with no PaymentIntent yet; `elements.update({amount})` follows the
 * total; the page creates the PaymentIntent only when the buyer pays, and passes its client secret
 * to `confirmPayment`. Here: those options, checked as Stripe.js checks them.
 *
 * Where Stripe.js's exact words were found they are used (each is cited); elsewhere the words follow
 * its "Invalid value for elements(): … should be …. You specified: …." and say so.
 */
import { IntegrationError } from './integration-error.js';
import { CLIENT_SECRET } from './intents.js';

/** A group made with `mode`: the fake takes `mode: 'payment'`, what the checkout uses. */
export interface Deferred {
  mode: 'payment';
  /** In the currency's smallest unit, as Stripe counts it. */
  amount: number;
  /** Lower case, as Stripe takes it: `usd`. */
  currency: string;
}

const MODES: readonly unknown[] = ['payment', 'setup', 'subscription'];

/**
 * Stripe lists the currencies it supports; the fake lists ISO 4217's, as this browser knows them,
 * in lower case: Stripe refuses `USD` with this list ("Invalid value for elements(): currency should
 * be one of the following strings... You specified: VND.", as integrators meet it).
 */
const CURRENCIES = Intl.supportedValuesOf('currency').map((code) => code.toLowerCase());

const shown = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));

const modeProblem = (method: string, mode: unknown): string | null => {
  // The modes of @stripe/stripe-js's StripeElementsOptionsMode; the words are the closest found.
  if (!MODES.includes(mode)) {
    return `Invalid value for ${method}: mode should be one of the following strings: payment, setup, subscription. You specified: ${shown(mode)}.`;
  }
  if (mode !== 'payment') {
    return `The fake Stripe takes only mode 'payment' (a PaymentIntent), not ${JSON.stringify(mode)}.`;
  }
  return null;
};

const amountProblem = (method: string, amount: unknown): string | null => {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    return `Invalid value for ${method}: amount should be a number. You specified: ${shown(amount)}.`;
  }
  // Stripe.js's own words, as integrators quote them.
  if (amount <= 0) return `Invalid value for ${method}: amount must be greater than 0`;
  // "The amount to be charged", in the currency's smallest unit: a whole number of cents.
  if (!Number.isSafeInteger(amount)) {
    return `Invalid value for ${method}: amount should be an integer. You specified: ${amount}.`;
  }
  return null;
};

const currencyProblem = (method: string, currency: unknown): string | null =>
  typeof currency === 'string' && CURRENCIES.includes(currency)
    ? null
    : `Invalid value for ${method}: currency should be one of the following strings: ${CURRENCIES.join(', ')}. You specified: ${shown(currency)}.`;

/** `stripe.elements()`'s options for a group: its client secret, or its mode, amount and currency. */
export const readGroupOptions = (options: unknown): { clientSecret?: string; deferred?: Deferred } => {
  const { clientSecret, mode, amount, currency } = (options && typeof options === 'object' ? options : {}) as {
    clientSecret?: unknown;
    mode?: unknown;
    amount?: unknown;
    currency?: unknown;
  };
  if (clientSecret !== undefined && mode !== undefined) {
    // @stripe/stripe-js types them apart: "Either use mode or clientSecret when creating an
    // Elements group"; Stripe.js's own words for both at once were not found.
    throw new IntegrationError(
      'Invalid value for elements(): either use mode or clientSecret when creating an Elements group, not both.',
    );
  }
  if (clientSecret !== undefined) {
    if (typeof clientSecret !== 'string' || !CLIENT_SECRET.test(clientSecret)) {
      throw new IntegrationError(
        `Invalid value for elements(): clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${typeof clientSecret === 'string' ? clientSecret : JSON.stringify(clientSecret)}.`,
      );
    }
    return { clientSecret };
  }
  if (mode === undefined) return {};
  // `mode: 'payment'` needs `amount` and `currency` (StripeElementsOptionsModePayment).
  const problem =
    modeProblem('elements()', mode) ?? amountProblem('elements()', amount) ?? currencyProblem('elements()', currency);
  if (problem) throw new IntegrationError(problem);
  return { deferred: { mode: 'payment', amount: amount as number, currency: currency as string } };
};

/**
 * What `elements.update(options)` may not change; `null` when it may. The update options of
 * @stripe/stripe-js (StripeElementsUpdateOptions) hold `mode`, `amount` and `currency`, checked as
 * at creation. A group made with a client secret has its amount on the PaymentIntent: Stripe
 * changes it on the server and the page calls `elements.fetchUpdates()` (Stripe's answer in
 * stripe/react-stripe-js#506), so the fake refuses `amount` and `mode` there, in its own words.
 */
export const updateProblem = (deferred: Deferred | undefined, options: unknown): string | null => {
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    return `Invalid value for elements.update(): options should be an object. You specified: ${shown(options)}.`;
  }
  const { mode, amount, currency } = options as { mode?: unknown; amount?: unknown; currency?: unknown };
  if (!deferred && (mode !== undefined || amount !== undefined)) {
    return 'Invalid value for elements.update(): this Elements group was created with a clientSecret, whose PaymentIntent holds the amount: update the PaymentIntent on your server, then call elements.fetchUpdates().';
  }
  const method = 'elements.update()';
  return (
    (mode === undefined ? null : modeProblem(method, mode)) ??
    (amount === undefined ? null : amountProblem(method, amount)) ??
    (currency === undefined ? null : currencyProblem(method, currency))
  );
};
