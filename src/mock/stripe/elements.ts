/**
 * `stripe.elements()`: the Elements group, its Payment Element and Express Checkout Element, and
 * the group's `update` and `submit` (docs.stripe.com/js/elements_object).
 */
import type { Appearance } from './card-form.js';
import { readGroupOptions, updateProblem, type Deferred } from './deferred.js';
import { createExpressCheckoutElement, type ExpressCheckoutState } from './express-checkout.js';
import { record, type Installation } from './installation.js';
import { IntegrationError } from './integration-error.js';
import { knownIntent } from './intents.js';
import { Listeners } from './listeners.js';
import { createPaymentElement, type PaymentElementState } from './payment-element.js';
import type { FakeStripeError, FakeWallet } from './types.js';
import { optionsProblem } from './wallets.js';
import { cardLocale, type CardLocale } from './words.js';

/** A wallet's `confirm` event being handled: its sheet waits for the page to pay, or to give up. */
export interface WalletConfirmation {
  wallet: FakeWallet;
  /** Closes the sheet: the confirmation is over. */
  end(): void;
}

export interface ElementsGroup {
  stripe: object;
  clientSecret?: string;
  /** Set for a group made with `mode` (and the current amount and currency: the wallet sheet shows them). */
  deferred?: Deferred;
  appearance: Appearance;
  locale: CardLocale;
  payment: PaymentElementState | null;
  express: ExpressCheckoutState | null;
  /** The group's own events: `update-end`. */
  listeners: Listeners;
  /** The payment method of the last successful `elements.submit()`, until a confirmation uses it. */
  submitted: string | null;
  /** The wallet whose `confirm` event is being handled, if any. */
  wallet: WalletConfirmation | null;
}

export type SubmitResult = { error: FakeStripeError } | { selectedPaymentMethod: string };

/** Each Elements group made, by the object `stripe.elements()` returned. */
export const groups = new WeakMap<object, ElementsGroup>();

/**
 * Stripe.js's refusal to make a Payment Element in a group with neither (its words, quoted from its
 * code in richnologies/ngx-stripe#241; stripe/stripe-js#596).
 */
const PAYMENT_NEEDS_INTENT =
  'In order to create a payment element, you must pass a clientSecret or mode when creating the Elements group.\n\n  e.g. stripe.elements({clientSecret: "{{CLIENT_SECRET}}"})';

/**
 * `elements.submit()` with nothing to submit. Stripe.js's words were not found; these follow its
 * refusal of `confirmPayment` for the same group (see confirm-checks.ts).
 */
const NOTHING_TO_SUBMIT =
  'Invalid value for elements.submit(): elements should have a mounted Payment Element, or be in the "confirm" event of its Express Checkout Element.';

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

/**
 * `elements.submit()`: "Before confirming a payment, call elements.submit() to validate the form
 * fields and collect any data required for wallets" (docs.stripe.com/js/elements/submit). In a
 * wallet's `confirm` event the wallet is the payment method and the card form is not asked; else
 * the card form is checked as `confirmPayment` checks it, its problems shown under its fields.
 */
const submit = async (group: ElementsGroup): Promise<SubmitResult> => {
  // A round trip to Stripe's frames, as for every Elements call that answers later.
  await nextTask();
  if (group.wallet) {
    group.submitted = group.wallet.wallet;
    return { selectedPaymentMethod: group.wallet.wallet };
  }
  const field = group.payment?.field;
  if (!field) throw new IntegrationError(NOTHING_TO_SUBMIT);
  const problem = field.validate();
  group.submitted = problem ? null : 'card';
  return problem
    ? { error: { type: 'validation_error', code: problem.code, message: problem.message } }
    : { selectedPaymentMethod: 'card' };
};

export const createElements = (own: Installation, stripe: object, options: unknown): object => {
  const { appearance, locale } = (options && typeof options === 'object' ? options : {}) as {
    appearance?: unknown;
    locale?: unknown;
  };
  const { clientSecret, deferred } = readGroupOptions(options);
  // Stripe.js loads the PaymentIntent here; from now on the fake knows it (see knownIntent).
  if (clientSecret !== undefined) knownIntent(clientSecret);
  const group: ElementsGroup = {
    stripe,
    ...(clientSecret !== undefined && { clientSecret }),
    ...(deferred && { deferred }),
    appearance: appearance && typeof appearance === 'object' ? appearance : {},
    locale: cardLocale(locale),
    payment: null,
    express: null,
    listeners: new Listeners(),
    submitted: null,
    wallet: null,
  };
  const elements = {
    create(type: unknown, elementOptions?: unknown): object {
      record(own, 'elements.create', elementOptions === undefined ? [type] : [type, elementOptions]);
      if (type === 'payment') {
        if (!group.clientSecret && !group.deferred) throw new IntegrationError(PAYMENT_NEEDS_INTENT);
        if (group.payment) throw new IntegrationError('Can only create one Element of type payment.');
        group.payment = createPaymentElement(own, group);
        return group.payment.element;
      }
      if (type === 'expressCheckout') {
        const problem = optionsProblem('create()', elementOptions);
        if (problem) throw new IntegrationError(problem);
        if (group.express) throw new IntegrationError('Can only create one Element of type expressCheckout.');
        group.express = createExpressCheckoutElement(own, group, elementOptions);
        return group.express.element;
      }
      throw new IntegrationError(
        `The fake Stripe only makes the 'payment' and 'expressCheckout' elements, not ${JSON.stringify(type)}.`,
      );
    },
    getElement(type: unknown): object | null {
      record(own, 'elements.getElement', [type]);
      if (type === 'payment') return group.payment?.element ?? null;
      if (type === 'expressCheckout') return group.express?.element ?? null;
      return null;
    },
    /**
     * "Updates are shallowly merged into the existing configuration. Returns a Promise that resolves
     * when the update has been applied to all rendered Elements", and `update-end` says the same
     * (@stripe/stripe-js elements-group.d.ts; docs.stripe.com/changelog/dahlia/2026-03-25/elements-update-returns-promise).
     */
    update(updates: unknown): Promise<void> {
      record(own, 'elements.update', [updates]);
      const problem = updateProblem(group.deferred, updates);
      if (problem) return Promise.reject(new IntegrationError(problem));
      const { amount, currency } = updates as { amount?: number; currency?: string };
      return nextTask().then(() => {
        if (group.deferred) {
          group.deferred = {
            ...group.deferred,
            ...(amount !== undefined && { amount }),
            ...(currency !== undefined && { currency }),
          };
        }
        group.listeners.emit('update-end');
      });
    },
    submit(): Promise<SubmitResult> {
      record(own, 'elements.submit', []);
      return submit(group);
    },
    on(event: unknown, listener: unknown): void {
      record(own, 'elements.on', [event, listener]);
      group.listeners.add(event, listener, false);
    },
    once(event: unknown, listener: unknown): void {
      record(own, 'elements.once', [event, listener]);
      group.listeners.add(event, listener, true);
    },
    off(event: unknown, listener?: unknown): void {
      record(own, 'elements.off', [event, listener]);
      group.listeners.remove(event, listener);
    },
  };
  groups.set(elements, group);
  return elements;
};
