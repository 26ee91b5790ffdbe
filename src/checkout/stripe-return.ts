import { isStripeReturn } from '../core/stripe-return.js';

/**
 * Stripe's parameters on the page's URL after a payment method that left the page came back
 * (docs/publishers/checkout.md), as the checkout reads them to open at the outcome, and takes them off. Whether the
 * page is such a return is `isStripeReturn`'s answer alone, which the card asks too.
 */
export interface StripeReturn {
  paymentIntent: string;
  clientSecret: string;
}

/** The parameters Stripe appends to the return URL. */
export const RETURN_PARAMS = ['payment_intent', 'payment_intent_client_secret', 'redirect_status'] as const;

/** Stripe's return in a URL's query (`location.search`), or `undefined` when it holds none. */
export const stripeReturn = (search: string): StripeReturn | undefined => {
  if (!isStripeReturn(search)) return undefined;
  const params = new URLSearchParams(search);
  const [paymentIntent, clientSecret] = RETURN_PARAMS.map((name) => params.get(name));
  return paymentIntent && clientSecret ? { paymentIntent, clientSecret } : undefined;
};
