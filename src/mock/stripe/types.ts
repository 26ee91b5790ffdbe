/** The fake Stripe's public types: what `installFakeStripe` takes and gives, and what Stripe.js answers. */
import type { PaymentIntent } from '@stripe/stripe-js';

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
   * `stripe.retrievePaymentIntent`, `elements.create`, `elements.getElement`,
   * `paymentElement.mount` (`.unmount`, `.destroy`, `.on`, `.once`, `.off`, `.focus`, `.blur`,
   * `.clear`).
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
  /**
   * Removes `window.Stripe` (when this is the current installation) and the card forms mounted
   * during it; a confirmation still under way resolves without telling the partner (one that
   * would leave the page stays, unsettled, without leaving). PaymentIntents stay in
   * `sessionStorage`, as they would at Stripe.
   */
  uninstall(): void;
}
