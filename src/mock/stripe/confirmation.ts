/**
 * `stripe.confirmPayment()` and `stripe.retrievePaymentIntent()`.
 *
 * Leaving the page (docs/publishers/checkout.md and docs/partners/mock-partner.md): with `redirect: 'if_required'`, Stripe.js navigates to
 * `return_url` only for a payment method that needs it (bank redirects, some wallets), and then the
 * promise of `confirmPayment` never settles (docs.stripe.com/js/payment_intents/confirm_payment).
 * The fake has only a card form, so two of Stripe's test cards stand in for such a method: on
 * Stripe both ask for 3-D Secure (3220 then succeeds, 1629 is then declined: the 3D Secure test
 * cards of docs.stripe.com/testing), which Stripe.js shows in a modal; the fake makes them
 * leave the page instead, so that a return is testable offline. The fake settles the payment (and
 * tells the partner), then calls `navigate` (default `location.assign`) with `return_url` plus the
 * three parameters Stripe appends: `payment_intent` and `payment_intent_client_secret` (the
 * return page of docs.stripe.com/payments/accept-a-payment reads the latter), and
 * `redirect_status`, `succeeded` or `failed`, the redirect's own outcome as integrations meet it
 * (flutter-stripe/flutter_stripe#2116); the PaymentIntent's status is what
 * `retrievePaymentIntent` says, which is what Stripe asks return pages to read.
 * `return_url`'s own query and fragment are kept; the parameters are appended to its query.
 *
 * A lost answer (`nextOutcome('lost')`): the payment succeeds at "Stripe" (the partner is told,
 * `retrievePaymentIntent` says succeeded) but the answer never reaches the page, and
 * `confirmPayment` resolves with what Stripe.js gives when its request fails on the network: an
 * `api_connection_error` (seen with the real Stripe.js and an aborted request,
 * antiwork/gumroad#7729; stripe/stripe-js#696), not a rejection.
 */
import { decisionFor } from './cards.js';
import { checkConfirmation, type CheckedConfirmation } from './confirm-checks.js';
import { current, type Installation } from './installation.js';
import { IntegrationError } from './integration-error.js';
import { CLIENT_SECRET, intentIdOf, knownIntent, paymentIntentOf, readIntent } from './intents.js';
import { eventOf, notifyPartner, settle, settlementOf } from './settlement.js';
import type { FakeConfirmResult, FakeRetrieveResult, FakeStripeError } from './types.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What Stripe.js answers when its request to Stripe fails on the network (antiwork/gumroad#7729). */
const CONNECTION_LOST: FakeStripeError = {
  type: 'api_connection_error',
  message: 'We are experiencing issues connecting to our payments provider. Please check your internet connection.',
};

/**
 * Stripe's API error when a payment method must leave the page and no `return_url` was given
 * (as integrators meet it, e.g. wordpress.org/support/?p=17850333).
 */
const RETURN_URL_MISSING: FakeStripeError = {
  type: 'invalid_request_error',
  message:
    "A 'return_url' must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed.",
};

/** `return_url` with Stripe's parameters appended to its own query; its fragment stays. */
const returnAddress = (returnUrl: string, clientSecret: string, redirectStatus: 'succeeded' | 'failed'): string => {
  const url = new URL(returnUrl);
  const stripeParams = new URLSearchParams({
    payment_intent: intentIdOf(clientSecret),
    payment_intent_client_secret: clientSecret,
    redirect_status: redirectStatus,
  });
  // Appended as text, so the page's own parameters keep their exact spelling.
  url.search = url.search ? `${url.search}&${stripeParams}` : `?${stripeParams}`;
  return url.href;
};

export const confirmPayment = async (
  own: Installation,
  stripe: object,
  options: unknown,
): Promise<FakeConfirmResult> => {
  const installation = current(own);
  installation.calls.push({ method: 'stripe.confirmPayment', args: [options] });
  installation.confirmations++;

  const checked = checkConfirmation(stripe, options);
  try {
    return await attempt(installation, checked);
  } finally {
    // The wallet's sheet closes when its payment ends, either way.
    checked.wallet?.end();
  }
};

/** A confirmation past Stripe.js's checks: the PaymentIntent's state, then the payment. */
const attempt = async (
  installation: Installation,
  { group, clientSecret, field, wallet, returnUrl }: CheckedConfirmation,
): Promise<FakeConfirmResult> => {
  const { status } = knownIntent(clientSecret);
  if (status !== 'requires_payment_method' || installation.confirming.has(clientSecret)) {
    const message = installation.confirming.has(clientSecret)
      ? 'A confirmation of this PaymentIntent is already in progress.'
      : `You cannot confirm this PaymentIntent because it has already ${status === 'succeeded' ? 'succeeded' : 'been confirmed and is processing'}.`;
    return {
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message,
        payment_intent: paymentIntentOf(clientSecret, knownIntent(clientSecret)),
      },
    };
  }

  installation.confirming.add(clientSecret);
  let leaving = false;
  try {
    let decision = installation.outcomes.shift();
    if (decision === undefined && field) {
      // Checked in the browser before anything is sent, as Stripe's own fields do; a deferred
      // group's card was checked by elements.submit().
      const problem = group.deferred ? null : field.validate();
      if (problem) return { error: { type: 'validation_error', code: problem.code, message: problem.message } };
      decision = decisionFor(field.cardNumber);
    }
    // A wallet's buyer approved on the device: the payment goes through unless told otherwise.
    decision ??= 'succeeded';
    const leaves = decision === 'redirect' || decision === 'redirect_failed';
    if (leaves && typeof returnUrl !== 'string') return { error: { ...RETURN_URL_MISSING } };
    await sleep(installation.delay);

    const settlement = await settlementOf(decision, field);
    const result = 'error' in settlement ? { error: settlement.error } : settle(clientSecret, settlement);
    const event = eventOf(result);
    if (event && !installation.uninstalled) await notifyPartner(installation.events, event, clientSecret);

    if (decision === 'lost') return { error: { ...CONNECTION_LOST } };
    if (leaves && typeof returnUrl === 'string') {
      // The page goes to return_url, and Stripe.js's promise never settles: the page that was
      // waiting for it is gone (docs.stripe.com/js/payment_intents/confirm_payment).
      leaving = true;
      wallet?.end();
      if (!installation.uninstalled) {
        installation.navigate(
          returnAddress(returnUrl, clientSecret, 'paymentIntent' in result ? 'succeeded' : 'failed'),
        );
      }
      return new Promise<never>(() => {});
    }
    return result;
  } finally {
    // A confirmation that left the page stays under way: nothing on this page may confirm again.
    if (!leaving) installation.confirming.delete(clientSecret);
  }
};

export const retrievePaymentIntent = async (own: Installation, clientSecret: unknown): Promise<FakeRetrieveResult> => {
  const installation = current(own);
  installation.calls.push({ method: 'stripe.retrievePaymentIntent', args: [clientSecret] });
  if (typeof clientSecret !== 'string' || !CLIENT_SECRET.test(clientSecret)) {
    throw new IntegrationError(
      `Invalid value for retrievePaymentIntent: clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${String(clientSecret)}.`,
    );
  }
  // A round trip to Stripe's API (docs.stripe.com/js/payment_intents/retrieve_payment_intent).
  await sleep(installation.delay);
  const intent = readIntent(clientSecret);
  if (!intent) {
    // Stripe's answer for an id it does not know (stripe/stripe-java#1160: code resource_missing).
    return {
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'intent',
        message: `No such payment_intent: '${intentIdOf(clientSecret)}'`,
      },
    };
  }
  return { paymentIntent: paymentIntentOf(clientSecret, intent) };
};
