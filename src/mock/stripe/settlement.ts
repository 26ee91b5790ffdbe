/**
 * How a confirmation that reached the payment ends: the PaymentIntent's new state, Stripe.js's
 * answer, and the event the partner hears.
 *
 * Like Stripe's webhook, a confirmation that reaches the payment (succeeded, processing or
 * failed) tells the partner: it POSTs `{type, clientSecret}` to the mock partner's
 * `/__mock/stripe/events` and resolves only after that answered (or failed: the payment stands
 * either way), so the order reads `paid` right after a success.
 */
import type { PaymentIntent } from '@stripe/stripe-js';
import type { PaymentEventType } from '../handlers.js';
import type { CardField } from './card-form.js';
import { knownIntent, paymentIntentOf, writeIntent, type IntentRecord } from './intents.js';
import type { FakeConfirmResult, FakeStripeError, FakeStripeOutcome } from './types.js';

/** How long the fake waits for the partner to take the payment event. */
const EVENT_TIMEOUT = 5000;

const randomId = (prefix: string): string =>
  prefix +
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** How an attempt that reached the payment ended. */
export type Settlement = { status: 'succeeded' | 'processing' } | { declined: FakeStripeError };

/** Records a settled attempt on the PaymentIntent, and answers as Stripe.js does. */
export const settle = (clientSecret: string, settlement: Settlement): FakeConfirmResult => {
  const before = knownIntent(clientSecret);
  if ('status' in settlement) {
    const intent: IntentRecord = {
      ...before,
      status: settlement.status,
      paymentMethod: randomId('pm_'),
      lastPaymentError: null,
    };
    writeIntent(clientSecret, intent);
    return { paymentIntent: paymentIntentOf(clientSecret, intent) };
  }
  // A declined attempt puts the PaymentIntent back to requires_payment_method, with the decline
  // as its last_payment_error: the buyer may try again on the same PaymentIntent.
  const { payment_intent: _given, ...error } = settlement.declined;
  const lastPaymentError = { ...error, type: 'card_error' } as PaymentIntent.LastPaymentError;
  const intent: IntentRecord = { ...before, status: 'requires_payment_method', paymentMethod: null, lastPaymentError };
  writeIntent(clientSecret, intent);
  return { error: { ...error, payment_intent: paymentIntentOf(clientSecret, intent) } };
};

const declined = (code: string, message: string, declineCode?: string): Settlement => ({
  declined: { type: 'card_error', code, ...(declineCode && { decline_code: declineCode }), message },
});

const AUTHENTICATION_FAILED =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

/**
 * How a decision ends, once the fake has waited as long as Stripe would take. Without a card form
 * (a wallet pays), the wallet's device has authenticated the buyer already.
 */
export const settlementOf = async (
  decision: FakeStripeOutcome,
  field: CardField | null,
): Promise<Settlement | { error: FakeStripeError }> => {
  switch (decision) {
    case 'succeeded':
    case 'processing':
      return { status: decision };
    case 'redirect':
    case 'lost':
      return { status: 'succeeded' };
    case 'card_declined':
      return declined('card_declined', 'Your card was declined.', 'generic_decline');
    case 'redirect_failed':
      // 4000 0084 0000 1629: authentication passes, then the card is declined (Stripe's test cards).
      return declined('card_declined', 'Your card was declined.', 'generic_decline');
    case 'insufficient_funds':
      return declined('card_declined', 'Your card has insufficient funds.', 'insufficient_funds');
    case 'requires_action':
      return (await (field?.authenticate() ?? true))
        ? { status: 'succeeded' }
        : declined('payment_intent_authentication_failure', AUTHENTICATION_FAILED);
    default:
      // A forced card error is a decline like any other; any other error leaves the payment as it was.
      return decision.error.type === 'card_error' ? { declined: decision.error } : { error: { ...decision.error } };
  }
};

/** Tells the partner, as Stripe's webhook would. A failure changes nothing: Stripe would retry. */
export const notifyPartner = async (events: string, type: PaymentEventType, clientSecret: string): Promise<void> => {
  try {
    // A simple request (`no-cors`, text/plain): the mock's HTTP server opens no CORS on its
    // `/__mock/` routes, and the answer is not read anyway: Stripe's webhooks are fire and forget.
    await fetch(events, {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ type, clientSecret }),
      signal: AbortSignal.timeout(EVENT_TIMEOUT),
    });
  } catch {
    // The payment stands; the mock partner simply did not hear of it.
  }
};

/** The event a confirmation's answer makes Stripe send the partner, if any. */
export const eventOf = (result: FakeConfirmResult): PaymentEventType | null => {
  if ('paymentIntent' in result) {
    return result.paymentIntent.status === 'succeeded' ? 'payment_intent.succeeded' : 'payment_intent.processing';
  }
  return result.error.type === 'card_error' ? 'payment_intent.payment_failed' : null;
};
