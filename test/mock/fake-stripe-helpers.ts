// What the tests of the test-mode fake of Stripe.js share: an order of the mock partner, the fake's
// card form as a buyer types into it, and the payment element mounted as the checkout mounts it.
import { expect, fixture, html } from '@open-wc/testing';
import type {
  PaymentIntentResult,
  Stripe,
  StripeElementLocale,
  StripeElements,
  StripePaymentElement,
} from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { installFakeStripe, type FakeStripeControl } from '../../src/mock/stripe/index.js';
import { mock } from '../setup.js';
import { orderAlbum } from './album-order.js';

export const ENDPOINT = 'https://gumroad.com/.well-known/buy-tweet/v1';

/** Places Stripe.js refuses to mount an element in: a shadow root, and a node not in the document. */
export const OUTSIDE_THE_DOCUMENT = [
  {
    where: 'inside a shadow root',
    node: async () => {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      return host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
    },
  },
  { where: 'not in the document', node: async () => document.createElement('div') },
];

export interface TestOrder {
  id: string;
  status: string;
  receiptUrl?: string;
  payment: { clientSecret: string; publishableKey: string };
}

export const createOrder = async (): Promise<TestOrder> => {
  const response = await orderAlbum(ENDPOINT);
  expect(response.status).to.equal(201);
  return response.json();
};

export const readOrder = async (id: string): Promise<TestOrder> => (await fetch(`${ENDPOINT}/orders/${id}`)).json();

export const twoDigits = (year: number) => String(year % 100).padStart(2, '0');
export const thisYear = new Date().getFullYear();
export const FUTURE = `12 / ${twoDigits(thisYear + 3)}`;
export const PAST = `01 / ${twoDigits(thisYear - 1)}`;

/** The fake's card form: in a shadow root of its own, on a child of the mount node, as in Stripe's iframe. */
export const cardForm = (node: Element) => node.querySelector('.buy-tweet-fake-stripe')!.shadowRoot!;

export const input = (node: Element, autocomplete: string) =>
  cardForm(node).querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`)!;

/** Types as a buyer would: a value, then an `input` event. */
export const type = (node: Element, autocomplete: string, value: string) => {
  const field = input(node, autocomplete);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};

export const fill = (node: Element, number: string, expiry = FUTURE, cvc = '123') => {
  type(node, 'cc-number', number);
  type(node, 'cc-exp', expiry);
  type(node, 'cc-csc', cvc);
};

export const button = (node: Element, name: string) =>
  [...cardForm(node).querySelectorAll('button')].find((candidate) => candidate.textContent === name);

export const stripeEvents = () =>
  mock.requests.filter((request) => request.route === 'stripe-event').map((request) => request.body);

export interface Checkout {
  order: TestOrder;
  stripe: Stripe;
  elements: StripeElements;
  payment: StripePaymentElement;
  node: HTMLElement;
  confirm(): Promise<PaymentIntentResult>;
}

/** What the checkout does: an order, Stripe.js for its key, and the payment element mounted. */
export const openCheckout = async (locale: StripeElementLocale = 'en'): Promise<Checkout> => {
  const order = await createOrder();
  const stripe = (await loadStripe(order.payment.publishableKey))!;
  const node = await fixture<HTMLElement>(html`<div></div>`);
  const elements = stripe.elements({
    clientSecret: order.payment.clientSecret,
    appearance: { theme: 'stripe' },
    locale,
  });
  const payment = elements.create('payment');
  payment.mount(node);
  const confirm = () =>
    stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: location.href } });
  return { order, stripe, elements, payment, node, confirm };
};

/** The fake as each test starts with it: installed, answering at once. */
export const installTestStripe = (): FakeStripeControl => installFakeStripe({ delay: 0 });

/** Uninstalls the fake, and checks that it leaves no `window.Stripe` behind. */
export const uninstallTestStripe = (control: FakeStripeControl) => {
  control.uninstall();
  expect('Stripe' in window).to.equal(false);
};
