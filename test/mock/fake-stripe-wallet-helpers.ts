// What the tests of the fake Stripe's deferred intents share: a deferred Elements group as the
// checkout makes it.
import { fixture, html } from '@open-wc/testing';
import type { PaymentIntentResult, Stripe, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';

export const KEY = 'pk_test_buytweet_gumroad';

export interface Deferred {
  stripe: Stripe;
  elements: StripeElements;
  payment: StripePaymentElement;
  node: HTMLElement;
}

/** What the checkout makes as its dialog opens: a group with the total, and the Payment Element mounted. */
export const openDeferred = async (amount = 999, currency = 'usd'): Promise<Deferred> => {
  const stripe = (await loadStripe(KEY))!;
  const node = await fixture<HTMLElement>(html`<div></div>`);
  const elements = stripe.elements({
    mode: 'payment',
    amount,
    currency,
    appearance: { theme: 'stripe' },
    locale: 'en',
  });
  const payment = elements.create('payment');
  payment.mount(node);
  return { stripe, elements, payment, node };
};

export const confirmWith = (deferred: Deferred, clientSecret: string): Promise<PaymentIntentResult> =>
  deferred.stripe.confirmPayment({
    elements: deferred.elements,
    clientSecret,
    redirect: 'if_required',
    confirmParams: { return_url: location.href },
  });

/** The error a promise rejects with; fails when it does not reject. */
export const rejection = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};
