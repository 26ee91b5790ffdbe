/**
 * Whether the page's query (`location.search`) is a return from Stripe: a payment method that left
 * the page came back to `return_url` with Stripe's parameters (docs/publishers/checkout.md). The one answer, for the
 * card (which then loads its checkout) and the checkout (which then reads them: checkout/stripe-return.ts).
 */
export const isStripeReturn = (search: string): boolean => /[?&]payment_intent_client_secret=/.test(search);
