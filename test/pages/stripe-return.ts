// A shop's page for the fake Stripe's return test (test/mock/fake-stripe.test.ts): `pay(card)`
// orders an album and pays with a card whose method leaves the page; the page that comes back to
// `return_url` reads its PaymentIntent, as a real return page does.
import { loadStripe } from '@stripe/stripe-js/pure';
import { installFakeStripe } from '../../src/mock/stripe/index.js';
import { orderAlbum } from '../mock/album-order.js';

export interface ShopPage {
  pay(card: string): Promise<string>;
  orderStatus(id: string): Promise<string>;
  /** On the page that came back: what it read. */
  returned?: Promise<{ search: string; hash: string; status?: string; error?: unknown }>;
}

const ENDPOINT = `${location.origin}/gumroad/v1`;
const page = window as unknown as ShopPage;
installFakeStripe({ delay: 0 });

page.orderStatus = async (id) =>
  ((await (await fetch(`${ENDPOINT}/orders/${id}`)).json()) as { status: string }).status;

page.pay = async (card) => {
  const response = await orderAlbum(ENDPOINT);
  const order = (await response.json()) as { id: string; payment: { clientSecret: string; publishableKey: string } };
  const stripe = (await loadStripe(order.payment.publishableKey))!;
  const elements = stripe.elements({ clientSecret: order.payment.clientSecret });
  elements.create('payment').mount('#payment');
  const form = document.querySelector('.buy-tweet-fake-stripe')!.shadowRoot!;
  const expiry = `12 / ${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;
  for (const [autocomplete, value] of [
    ['cc-number', card],
    ['cc-exp', expiry],
    ['cc-csc', '123'],
  ]) {
    const input = form.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  // Never settles: the page leaves.
  void stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: location.href } });
  return order.id;
};

const clientSecret = new URLSearchParams(location.search).get('payment_intent_client_secret');
if (clientSecret) {
  page.returned = (async () => {
    const stripe = (await loadStripe('pk_test_buytweet_gumroad'))!;
    const { paymentIntent, error } = await stripe.retrievePaymentIntent(clientSecret);
    return { search: location.search, hash: location.hash, status: paymentIntent?.status, error };
  })();
}
