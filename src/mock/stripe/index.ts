/**
 * The test-mode fake of Stripe.js (docs/partners/mock-partner.md): a `window.Stripe` that covers exactly what the
 * checkout uses (docs/publishers/checkout.md), so a whole purchase runs offline in the demo and the tests. It is
 * never part of the production script.
 *
 *   const control = installFakeStripe({ delay: 0, wallets: ['apple_pay'] });
 *   // the checkout then does, unchanged (Stripe's deferred-intent integration):
 *   const stripe = await loadStripe('pk_test_...');           // from '@stripe/stripe-js/pure'
 *   const elements = stripe.elements({ mode: 'payment', amount: 999, currency: 'usd', appearance, locale });
 *   elements.create('payment').mount(cardNode);               // a plain card form, test mode
 *   elements.create('expressCheckout', { emailRequired: true }).mount(walletNode); // the device's wallets
 *   await elements.update({ amount: 1998 });                   // the total changed
 *   const { error } = await elements.submit();                 // on Pay, first
 *   // ...the partner creates the order, and with it the PaymentIntent...
 *   await stripe.confirmPayment({ elements, clientSecret, redirect: 'if_required', confirmParams: { return_url } });
 *
 * What it covers: `Stripe(key, options?)` with `version` and `_registerWrapper` (what `loadStripe`
 * reads); `stripe.elements()` with a `clientSecret`, or with `mode: 'payment'`, `amount` and
 * `currency` (deferred.ts); the group's `create`, `getElement`, `update` (a promise, and
 * `update-end`), `submit`, `on`/`once`/`off`; the Payment Element's `mount`, `unmount`, `destroy`,
 * `on`/`once`/`off` ('ready', 'change', 'focus', 'blur'), `focus`, `blur` and `clear`; the Express
 * Checkout Element's `mount`, `unmount`, `destroy`, `update`, `on`/`once`/`off` ('ready', 'click',
 * 'confirm', 'cancel', 'focus', 'blur'), with the fake device's wallets and its sheet
 * (express-checkout.ts); `stripe.confirmPayment()` (by card or by wallet) and
 * `stripe.retrievePaymentIntent()`.
 * Mistakes Stripe.js would reject (a secret key, a malformed client secret, `mode` with a
 * `clientSecret`, an upper-case currency, mounting anywhere but the document's own tree (inside a
 * shadow root, or not in the document), confirming without a mounted element, with another Stripe
 * instance's elements, without `elements.submit()` first or without the `clientSecret` of a
 * deferred group) throw an `IntegrationError` as it does (a promise-returning method rejects with
 * it: "Uncaught (in promise) IntegrationError", stripe/react-stripe-js#457); card problems, and a
 * payment method that must leave the page without a `return_url`, resolve with `{error}`, never
 * reject.
 *
 * Where things are: `cards.ts` (the test cards and the card checks, pure), `card-form.ts` and
 * `card-form.styles.ts` (the form a Payment Element shows), `words.ts` (its words and the wallet
 * sheet's), `elements.ts` (`stripe.elements()`, `update`, `submit`), `deferred.ts` (a group's
 * mode, amount and currency), `payment-element.ts`, `express-checkout.ts` (the Express Checkout
 * Element), `wallets.ts` (the device's wallets and what they hand the page, pure),
 * `wallet-sheet.ts` and `express-checkout.styles.ts` (the wallet buttons and sheet),
 * `listeners.ts` and `mount.ts` (what every Element shares), `confirm-checks.ts` and
 * `confirmation.ts` (`confirmPayment`, `retrievePaymentIntent`, leaving the page),
 * `settlement.ts` (an attempt's end and the partner's event), `intents.ts` (the PaymentIntents kept
 * in `sessionStorage`), `installation.ts` (which installation is current), `types.ts` (the public
 * types).
 */
import { confirmPayment, retrievePaymentIntent } from './confirmation.js';
import { createElements } from './elements.js';
import { activate, activeInstallation, record, type Installation } from './installation.js';
import { IntegrationError } from './integration-error.js';
import type {
  FakeConfirmResult,
  FakeRetrieveResult,
  FakeStripeControl,
  FakeStripeOptions,
  FakeStripeOutcome,
  FakeWalletOutcome,
} from './types.js';
import { readBuyer, readWallets } from './wallets.js';

export { fakeStripeCards } from './cards.js';
export { IntegrationError } from './integration-error.js';
export type {
  FakeConfirmResult,
  FakePaymentIntent,
  FakePaymentIntentStatus,
  FakeRetrieveResult,
  FakeStripeCall,
  FakeStripeClock,
  FakeStripeControl,
  FakeStripeError,
  FakeStripeErrorType,
  FakeStripeOptions,
  FakeStripeOutcome,
  FakeWallet,
  FakeWalletBuyer,
  FakeWalletOutcome,
} from './types.js';

/** The Stripe.js release train `@stripe/stripe-js` 10 expects; another one makes it warn. */
const RELEASE_TRAIN = 'endive';
const FAKE_MARK = Symbol.for('buy-tweet.fake-stripe');
const DEFAULT_DELAY = 300;

const host = (): { Stripe?: unknown } => window;
const isFake = (value: unknown): boolean =>
  typeof value === 'function' && (value as unknown as Record<symbol, unknown>)[FAKE_MARK] === true;

const checkPublishableKey = (key: unknown): void => {
  if (typeof key !== 'string') {
    throw new IntegrationError(`Invalid value for Stripe(): apiKey should be a string. You specified: ${typeof key}.`);
  }
  if (!key) throw new IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
  if (/^(sk|rk)_/.test(key)) {
    throw new IntegrationError(
      'You should not use your secret key with Stripe.js. Please pass a publishable key instead.',
    );
  }
  if (!key.startsWith('pk_')) {
    throw new IntegrationError(
      `Invalid value for Stripe(): apiKey should be a publishable key (pk_...). You specified: ${key}.`,
    );
  }
};

/** The fake `window.Stripe`: one per page, whatever is installed and uninstalled. */
function FakeStripe(...args: unknown[]): object {
  const own = activeInstallation();
  if (!own) {
    throw new IntegrationError(
      'buy-tweet fake Stripe: it is not installed (call installFakeStripe(), and uninstall() only after).',
    );
  }
  own.calls.push({ method: 'Stripe', args });
  checkPublishableKey(args[0]);
  const stripe = {
    elements(options?: unknown): object {
      record(own, 'stripe.elements', options === undefined ? [] : [options]);
      return createElements(own, stripe, options);
    },
    confirmPayment(options: unknown): Promise<FakeConfirmResult> {
      return confirmPayment(own, stripe, options);
    },
    retrievePaymentIntent(clientSecret: unknown): Promise<FakeRetrieveResult> {
      return retrievePaymentIntent(own, clientSecret);
    },
    /** `loadStripe` says who wraps Stripe.js; the fake only notes it. */
    _registerWrapper(wrapper: unknown): void {
      record(own, 'stripe._registerWrapper', [wrapper]);
    },
  };
  return stripe;
}
FakeStripe.version = RELEASE_TRAIN;
Object.defineProperty(FakeStripe, FAKE_MARK, { value: true });

/**
 * Puts the fake on `window.Stripe`, for test mode: the demo and the tests. Installing again while
 * the fake is there starts a new installation that takes over (with its own calls and outcomes).
 * Throws when `window.Stripe` is something else (Stripe.js itself, or another copy of this
 * module's fake).
 */
export const installFakeStripe = (options: FakeStripeOptions = {}): FakeStripeControl => {
  if (typeof window === 'undefined') throw new Error('buy-tweet fake Stripe: needs a browser window.');
  const existing = host().Stripe;
  if (existing !== undefined && existing !== FakeStripe) {
    throw new Error(
      isFake(existing)
        ? 'buy-tweet fake Stripe: another copy of the fake is installed; uninstall it first (load one copy of buy-tweet/mock per page).'
        : 'buy-tweet fake Stripe: window.Stripe is already set (Stripe.js is on the page?). The fake only goes on a page without Stripe.js.',
    );
  }
  const delay = options.delay ?? DEFAULT_DELAY;
  if (!Number.isFinite(delay) || delay < 0)
    throw new RangeError('buy-tweet fake Stripe: `delay` should be 0 or more milliseconds.');

  const wallets = Object.freeze(readWallets(options.wallets));
  const walletBuyer = readBuyer(options.walletBuyer);
  if (
    options.clock &&
    !(typeof options.clock.setTimeout === 'function' && typeof options.clock.clearTimeout === 'function')
  )
    throw new TypeError('buy-tweet fake Stripe: `clock` should have setTimeout and clearTimeout.');
  const clock = options.clock ?? {
    setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as number),
  };

  const installation: Installation = {
    events: new URL(options.events ?? '/__mock/stripe/events', location.href).href,
    delay,
    navigate: options.navigate ?? ((url) => location.assign(url)),
    wallets,
    walletBuyer,
    clock,
    calls: [],
    confirmations: 0,
    outcomes: [],
    walletOutcomes: [],
    confirming: new Set(),
    mounted: new Set(),
    uninstalled: false,
  };
  activate(installation);
  host().Stripe = FakeStripe;

  return {
    get calls() {
      return installation.calls;
    },
    get confirmations() {
      return installation.confirmations;
    },
    nextOutcome(outcome: FakeStripeOutcome): void {
      const named: unknown[] = [
        'succeeded',
        'processing',
        'card_declined',
        'insufficient_funds',
        'requires_action',
        'redirect',
        'redirect_failed',
        'lost',
      ];
      const valid =
        named.includes(outcome) ||
        (typeof outcome === 'object' &&
          outcome !== null &&
          typeof outcome.error?.message === 'string' &&
          typeof outcome.error.type === 'string');
      if (!valid) throw new TypeError(`buy-tweet fake Stripe: unknown outcome ${JSON.stringify(outcome)}.`);
      installation.outcomes.push(outcome);
    },
    get wallets() {
      return wallets;
    },
    nextWalletOutcome(outcome: FakeWalletOutcome): void {
      if (outcome !== 'approve' && outcome !== 'cancel') {
        throw new TypeError(`buy-tweet fake Stripe: unknown wallet outcome ${JSON.stringify(outcome)}.`);
      }
      installation.walletOutcomes.push(outcome);
    },
    uninstall(): void {
      installation.uninstalled = true;
      for (const state of [...installation.mounted]) state.unmount();
      if (activeInstallation() !== installation) return;
      activate(null);
      if (host().Stripe === FakeStripe) delete host().Stripe;
    },
  };
};
