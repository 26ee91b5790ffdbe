/** The fake Stripe's public types: what `installFakeStripe` takes and gives, and what Stripe.js answers. */
import type { ExpressCheckoutAddress, ExpressPaymentType, PaymentIntent } from '@stripe/stripe-js';

/**
 * A wallet the fake device has, by Stripe's own name for it (`ExpressPaymentType` of
 * @stripe/stripe-js): `apple_pay`, `google_pay`, `link`, `amazon_pay`, `paypal`, `klarna`.
 */
export type FakeWallet = ExpressPaymentType;

/** Who the fake device's wallet belongs to: what its sheet hands the page on `confirm`. */
export interface FakeWalletBuyer {
  name: string;
  email: string;
  phone?: string;
  /** In the Express Checkout Element's shape (`line2` is `null` when there is none). */
  address: ExpressCheckoutAddress;
}

/** What the buyer does with the next wallet sheet: approve it (the default) or dismiss it. */
export type FakeWalletOutcome = 'approve' | 'cancel';

/**
 * The timers Stripe.js's deadlines run on (the Express Checkout Element's one second for `resolve`
 * after `click`). Tests pass a clock of their own to reach a deadline without waiting for it.
 */
export interface FakeStripeClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FakeStripeOptions {
  /** Where payment events go. Default `${location.origin}/__mock/stripe/events`. */
  events?: string;
  /** How many milliseconds a confirmation takes. Default 300. */
  delay?: number;
  /**
   * How the page leaves for `return_url` when a payment method needs it. Default
   * `location.assign`; tests pass their own to see the address without leaving the test page.
   */
  navigate?: (url: string) => void;
  /**
   * The wallets of the fake device, shown by the Express Checkout Element. Default none (`[]`),
   * as on a browser without any: the element then draws nothing and says so in `ready`.
   */
  wallets?: readonly FakeWallet[];
  /** Whose wallet it is. Default a US test buyer, Jenny Rosen at 510 Townsend St, San Francisco. */
  walletBuyer?: FakeWalletBuyer;
  /** The clock of Stripe.js's deadlines. Default the page's `setTimeout` and `clearTimeout`. */
  clock?: FakeStripeClock;
}

export type FakeStripeErrorType =
  | 'card_error'
  | 'validation_error'
  | 'invalid_request_error'
  | 'api_connection_error'
  | 'api_error'
  | 'authentication_error'
  | 'rate_limit_error';

export type FakePaymentIntentStatus = 'requires_payment_method' | 'processing' | 'succeeded';

/**
 * A PaymentIntent in @stripe/stripe-js's own shape, with what a publishable key sees of it, except
 * `amount` and `currency`: the partner's server set those at Stripe, and the fake, which has no
 * server, can't know them (the checkout reads amounts from the order, never from here).
 */
export interface FakePaymentIntent extends Omit<
  PaymentIntent,
  'amount' | 'currency' | 'status' | 'client_secret' | 'livemode'
> {
  status: FakePaymentIntentStatus;
  client_secret: string;
  livemode: false;
}

export interface FakeStripeError {
  type: FakeStripeErrorType;
  code?: string;
  decline_code?: string;
  param?: string;
  message: string;
  payment_intent?: FakePaymentIntent;
}

export type FakeConfirmResult = { paymentIntent: FakePaymentIntent } | { error: FakeStripeError };
/** What `retrievePaymentIntent` resolves with. */
export type FakeRetrieveResult = FakeConfirmResult;

/**
 * What `nextOutcome` can force: a named outcome, or any error, resolved as given (a `card_error`
 * is a decline: it tells the partner the payment failed, and becomes the PaymentIntent's
 * `last_payment_error`; any other error leaves the payment as it was).
 */
export type FakeStripeOutcome =
  | 'succeeded'
  | 'processing'
  | 'card_declined'
  | 'insufficient_funds'
  /** The 3-D Secure panel, as with card 4000 0027 6000 3184. */
  | 'requires_action'
  /** Leaves the page for `return_url` and comes back succeeded, as with card 4000 0000 0000 3220. */
  | 'redirect'
  /** Leaves the page and comes back failed, as with card 4000 0084 0000 1629. */
  | 'redirect_failed'
  /** The payment succeeds, but its answer is lost on the way: an `api_connection_error`. */
  | 'lost'
  | { error: FakeStripeError };

export interface FakeStripeCall {
  /**
   * `Stripe`, `stripe._registerWrapper`, `stripe.elements`, `stripe.confirmPayment`,
   * `stripe.retrievePaymentIntent`, `elements.create`, `elements.getElement`, `elements.update`,
   * `elements.submit` (`.on`, `.once`, `.off`), `paymentElement.mount` (`.unmount`, `.destroy`,
   * `.on`, `.once`, `.off`, `.focus`, `.blur`, `.clear`), `expressCheckoutElement.mount` (the same,
   * and `.update`); what the wallet does: `expressCheckout.click` (its wallet), `.resolve`,
   * `.reject`, `.timeout` (no `resolve` within a second), `.confirm`, `.cancel`, `.paymentFailed`.
   */
  method: string;
  args: unknown[];
}

export interface FakeStripeControl {
  /** Every call to the fake since this installation, oldest first. */
  readonly calls: readonly FakeStripeCall[];
  /** How many times `confirmPayment` was called since this installation. */
  readonly confirmations: number;
  /**
   * Forces the outcome of the next confirmation that gets past Stripe's integration checks and
   * the PaymentIntent's state, whatever the card field holds (even empty). Calls queue up.
   */
  nextOutcome(outcome: FakeStripeOutcome): void;
  /** The fake device's wallets, as installed. */
  readonly wallets: readonly FakeWallet[];
  /**
   * What the buyer does with the next wallet sheet: `'approve'` (the default, after `delay`) or
   * `'cancel'` (the sheet closes and the element emits `cancel`). Calls queue up.
   */
  nextWalletOutcome(outcome: FakeWalletOutcome): void;
  /**
   * Removes `window.Stripe` (when this is the current installation) and the card forms mounted
   * during it; a confirmation still under way resolves without telling the partner (one that
   * would leave the page stays, unsettled, without leaving). PaymentIntents stay in
   * `sessionStorage`, as they would at Stripe.
   */
  uninstall(): void;
}
