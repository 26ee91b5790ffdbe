/**
 * The PaymentIntents the fake knows. Stripe keeps PaymentIntents on its servers; the fake has none,
 * so it keeps each one it has seen (through `elements({clientSecret})` or `confirmPayment`) in this
 * tab's `sessionStorage`, where a reload or a return from a redirect finds it, as Stripe's copy
 * does: `retrievePaymentIntent(clientSecret)` answers `{paymentIntent}` from there, or Stripe's
 * `resource_missing` error for one it never saw. Where sessionStorage is off or full, the fake
 * knows them for this page only.
 */
import type { PaymentIntent } from '@stripe/stripe-js';
import { stored } from '../../stored.js';
import type { FakePaymentIntent, FakePaymentIntentStatus } from './types.js';

/** A PaymentIntent's client secret; the first group is the PaymentIntent's id. */
export const CLIENT_SECRET = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/;

/** The PaymentIntent's id in its client secret (`pi_123` of `pi_123_secret_456`). */
export const intentIdOf = (clientSecret: string): string => CLIENT_SECRET.exec(clientSecret)?.[1] ?? clientSecret;

/** What Stripe keeps of a PaymentIntent that the fake needs to answer for it. */
export interface IntentRecord {
  status: FakePaymentIntentStatus;
  created: number;
  paymentMethod: string | null;
  lastPaymentError: PaymentIntent.LastPaymentError | null;
}

const INTENTS_KEY = 'buy-tweet:fake-stripe:payment-intents';
const pageIntents = new Map<string, IntentRecord>();
const STATUSES: readonly unknown[] = ['requires_payment_method', 'processing', 'succeeded'];
const session = stored('sessionStorage');

const storedIntents = (): Record<string, unknown> => {
  const value = session.read(INTENTS_KEY);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

export const readIntent = (clientSecret: string): IntentRecord | undefined => {
  const intents = storedIntents();
  const intent = Object.hasOwn(intents, clientSecret) ? (intents[clientSecret] as IntentRecord | null) : undefined;
  // Any script of the page can write sessionStorage: a record that is not the fake's own is ignored.
  if (intent && typeof intent === 'object' && STATUSES.includes(intent.status) && typeof intent.created === 'number')
    return intent;
  return pageIntents.get(clientSecret);
};

export const writeIntent = (clientSecret: string, intent: IntentRecord): void => {
  pageIntents.set(clientSecret, intent);
  // Full or refused, it is not stored: this page still knows it.
  session.write(INTENTS_KEY, { ...storedIntents(), [clientSecret]: intent });
};

/**
 * The PaymentIntent behind a client secret the page was given. Stripe knows it from the moment
 * the partner's server made it; the fake learns of it when the page first uses its secret.
 */
export const knownIntent = (clientSecret: string): IntentRecord => {
  const known = readIntent(clientSecret);
  if (known) return known;
  const intent: IntentRecord = {
    status: 'requires_payment_method',
    created: Math.floor(Date.now() / 1000),
    paymentMethod: null,
    lastPaymentError: null,
  };
  writeIntent(clientSecret, intent);
  return intent;
};

export const paymentIntentOf = (clientSecret: string, intent: IntentRecord): FakePaymentIntent => ({
  id: intentIdOf(clientSecret),
  object: 'payment_intent',
  canceled_at: null,
  cancellation_reason: null,
  capture_method: 'automatic',
  client_secret: clientSecret,
  confirmation_method: 'automatic',
  created: intent.created,
  description: null,
  last_payment_error: intent.lastPaymentError,
  livemode: false,
  next_action: null,
  payment_method: intent.paymentMethod,
  payment_method_types: ['card'],
  receipt_email: null,
  setup_future_usage: null,
  shipping: null,
  status: intent.status,
});
