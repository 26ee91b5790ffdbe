// The test-mode fake of Stripe.js, driven the way the checkout drives it: through loadStripe from
// `@stripe/stripe-js/pure`, against orders of the mock partner.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { PaymentIntentResult, Stripe, StripeElementLocale, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { http, HttpResponse } from 'msw';
import { fakeStripeCards, installFakeStripe, type FakeStripeControl } from '../../src/mock/stripe/index.js';
import { cardLocale } from '../../src/mock/stripe/words.js';
import { mock, worker } from '../setup.js';
import type { ShopPage } from '../pages/stripe-return.js';
import { orderAlbum } from './album-order.js';

const ENDPOINT = 'https://gumroad.com/.well-known/buy-tweet/v1';

interface TestOrder {
  id: string;
  status: string;
  receiptUrl?: string;
  payment: { clientSecret: string; publishableKey: string };
}

const createOrder = async (): Promise<TestOrder> => {
  const response = await orderAlbum(ENDPOINT);
  expect(response.status).to.equal(201);
  return response.json();
};

const readOrder = async (id: string): Promise<TestOrder> => (await fetch(`${ENDPOINT}/orders/${id}`)).json();

const twoDigits = (year: number) => String(year % 100).padStart(2, '0');
const thisYear = new Date().getFullYear();
const FUTURE = `12 / ${twoDigits(thisYear + 3)}`;
const PAST = `01 / ${twoDigits(thisYear - 1)}`;

/** The fake's card form: in a shadow root of its own, on a child of the mount node, as in Stripe's iframe. */
const cardForm = (node: Element) => node.querySelector('.buy-tweet-fake-stripe')!.shadowRoot!;

const input = (node: Element, autocomplete: string) =>
  cardForm(node).querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`)!;

/** Types as a buyer would: a value, then an `input` event. */
const type = (node: Element, autocomplete: string, value: string) => {
  const field = input(node, autocomplete);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};

const fill = (node: Element, number: string, expiry = FUTURE, cvc = '123') => {
  type(node, 'cc-number', number);
  type(node, 'cc-exp', expiry);
  type(node, 'cc-csc', cvc);
};

const button = (node: Element, name: string) =>
  [...cardForm(node).querySelectorAll('button')].find((candidate) => candidate.textContent === name);

const stripeEvents = () =>
  mock.requests.filter((request) => request.route === 'stripe-event').map((request) => request.body);

interface Checkout {
  order: TestOrder;
  stripe: Stripe;
  elements: StripeElements;
  payment: StripePaymentElement;
  node: HTMLElement;
  confirm(): Promise<PaymentIntentResult>;
}

/** What the checkout does: an order, Stripe.js for its key, and the payment element mounted. */
const openCheckout = async (locale: StripeElementLocale = 'en'): Promise<Checkout> => {
  const order = await createOrder();
  const stripe = (await loadStripe(order.payment.publishableKey))!;
  const node = await fixture<HTMLElement>(html`<div></div>`);
  const elements = stripe.elements({ clientSecret: order.payment.clientSecret, appearance: { theme: 'stripe' }, locale });
  const payment = elements.create('payment');
  payment.mount(node);
  const confirm = () =>
    stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: location.href } });
  return { order, stripe, elements, payment, node, confirm };
};

describe('fake Stripe (test mode)', () => {
  let control: FakeStripeControl;

  beforeEach(() => {
    control = installFakeStripe({ delay: 0 });
  });
  afterEach(() => {
    control.uninstall();
    expect('Stripe' in window).to.equal(false);
  });

  it('is what loadStripe finds: the release train it expects, and its wrapper noted', async () => {
    const stripe = await loadStripe('pk_test_buytweet_gumroad');
    expect(stripe).to.be.an('object');
    expect((window as unknown as { Stripe: { version: string } }).Stripe.version).to.equal('endive');
    expect(control.calls.map((call) => call.method)).to.deep.equal(['Stripe', 'stripe._registerWrapper']);
    expect(control.calls[0].args).to.deep.equal(['pk_test_buytweet_gumroad']);
    expect((control.calls[1].args[0] as { name: string }).name).to.equal('stripe-js');
  });

  it('shows a labelled, empty card form that passes axe, and says when it is ready and complete', async () => {
    const order = await createOrder();
    const stripe = (await loadStripe(order.payment.publishableKey))!;
    const node = await fixture<HTMLElement>(html`<div></div>`);
    const payment = stripe.elements({ clientSecret: order.payment.clientSecret }).create('payment');
    const ready = new Promise((resolve) => payment.on('ready', resolve));
    const changes: { complete: boolean; empty: boolean }[] = [];
    payment.on('change', (event) => changes.push({ complete: event.complete, empty: event.empty }));
    payment.mount(node);
    expect(await ready).to.deep.equal({ elementType: 'payment' });

    const form = cardForm(node);
    expect(form.querySelector('legend')!.textContent).to.equal('Card (test mode)');
    const fields = [...form.querySelectorAll('input')];
    expect(fields.map((field) => field.autocomplete)).to.deep.equal(['cc-number', 'cc-exp', 'cc-csc']);
    for (const field of fields) {
      expect(field.inputMode).to.equal('numeric');
      expect(field.value).to.equal('');
      expect(form.querySelector(`label[for="${field.id}"]`)).to.exist;
    }
    expect(form.textContent).to.contain('4242 4242 4242 4242').and.contain('4000 0027 6000 3184');
    // Styled by a constructed sheet: no <style> and no style attribute, which a strict CSP refuses.
    expect(form.querySelector('style, [style]')).to.equal(null);
    expect(form.adoptedStyleSheets).to.have.length(1);
    expect(getComputedStyle(fields[0]).borderTopStyle).to.equal('solid');
    await expect(node).to.be.accessible();

    type(node, 'cc-number', '4242 4242 4242 4242');
    type(node, 'cc-exp', FUTURE);
    type(node, 'cc-csc', '123');
    expect(changes).to.deep.equal([
      { complete: false, empty: false },
      { complete: false, empty: false },
      { complete: true, empty: false },
    ]);

    payment.focus();
    expect(form.activeElement).to.equal(fields[0]);
    payment.destroy();
    expect(node.childElementCount).to.equal(0);
  });

  it('pays with 4242 4242 4242 4242: the partner hears of it before confirmPayment resolves', async () => {
    const { order, node, confirm } = await openCheckout();
    fill(node, '4242 4242 4242 4242');
    const { paymentIntent, error } = await confirm();
    expect(error).to.equal(undefined);
    expect(paymentIntent).to.include({
      id: order.payment.clientSecret.split('_secret_')[0],
      object: 'payment_intent',
      status: 'succeeded',
      client_secret: order.payment.clientSecret,
    });
    expect(stripeEvents()).to.deep.equal([{ type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret }]);

    const paid = await readOrder(order.id);
    expect(paid.status).to.equal('paid');
    expect(paid.receiptUrl).to.equal(`https://gumroad.com/__mock/receipts/${order.id}`);
    expect(control.confirmations).to.equal(1);
    expect(control.calls.map((call) => call.method)).to.include.members(['stripe.elements', 'elements.create', 'paymentElement.mount', 'stripe.confirmPayment']);

    const again = await confirm();
    expect(again.error).to.include({ type: 'invalid_request_error', code: 'payment_intent_unexpected_state' });
    expect(stripeEvents()).to.have.length(1);
  });

  it('pays with any other number that passes the Luhn check', async () => {
    const { node, confirm } = await openCheckout();
    fill(node, '5555 5555 5555 4444', FUTURE, '1234');
    expect((await confirm()).paymentIntent?.status).to.equal('succeeded');
  });

  const declines = [
    { card: fakeStripeCards.declined, decline_code: 'generic_decline', message: 'Your card was declined.' },
    { card: fakeStripeCards.insufficientFunds, decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  ];
  for (const { card, decline_code, message } of declines) {
    it(`declines ${card} (${decline_code}); the buyer can try again on the same order`, async () => {
      const { order, node, confirm } = await openCheckout();
      fill(node, card);
      const { error } = await confirm();
      expect(error).to.include({ type: 'card_error', code: 'card_declined', decline_code, message });
      expect(error!.payment_intent?.status).to.equal('requires_payment_method');
      expect(stripeEvents()).to.deep.equal([{ type: 'payment_intent.payment_failed', clientSecret: order.payment.clientSecret }]);
      expect((await readOrder(order.id)).status).to.equal('requires_payment');

      fill(node, fakeStripeCards.succeeds);
      expect((await confirm()).paymentIntent?.status).to.equal('succeeded');
      expect((await readOrder(order.id)).status).to.equal('paid');
      expect(mock.ordersCreated).to.equal(1);
    });
  }

  it('leaves 4000 0000 0000 0077 processing, and tells the partner so', async () => {
    const { order, node, confirm } = await openCheckout();
    fill(node, fakeStripeCards.processing);
    expect((await confirm()).paymentIntent?.status).to.equal('processing');
    expect(stripeEvents()).to.deep.equal([{ type: 'payment_intent.processing', clientSecret: order.payment.clientSecret }]);
    expect((await confirm()).error?.code).to.equal('payment_intent_unexpected_state');
  });

  it('asks 4000 0027 6000 3184 for 3-D Secure: Complete pays', async () => {
    const { order, node, confirm } = await openCheckout();
    fill(node, fakeStripeCards.threeDSecure);
    const result = confirm();
    await waitUntil(() => button(node, 'Complete'), 'no 3-D Secure panel');
    expect(cardForm(node).textContent).to.contain('Authenticate this test payment');
    expect(cardForm(node).activeElement).to.equal(button(node, 'Complete'));
    expect(stripeEvents()).to.deep.equal([]);
    await expect(node).to.be.accessible();

    button(node, 'Complete')!.click();
    expect((await result).paymentIntent?.status).to.equal('succeeded');
    expect(button(node, 'Complete')).to.equal(undefined);
    expect((await readOrder(order.id)).status).to.equal('paid');
  });

  it('asks 4000 0027 6000 3184 for 3-D Secure: Fail fails authentication', async () => {
    const { order, node, confirm } = await openCheckout();
    fill(node, fakeStripeCards.threeDSecure);
    const result = confirm();
    await waitUntil(() => button(node, 'Fail'), 'no 3-D Secure panel');
    button(node, 'Fail')!.click();
    const { error } = await result;
    expect(error).to.include({ type: 'card_error', code: 'payment_intent_authentication_failure' });
    expect(error!.message).to.match(/^We are unable to authenticate your payment method/);
    expect(cardForm(node).querySelector('button')).to.equal(null);
    expect(input(node, 'cc-number').disabled).to.equal(false);
    expect(stripeEvents()).to.deep.equal([{ type: 'payment_intent.payment_failed', clientSecret: order.payment.clientSecret }]);
    expect((await readOrder(order.id)).status).to.equal('requires_payment');
  });

  const invalidEntries = [
    { number: '', expiry: FUTURE, cvc: '123', code: 'incomplete_number', message: 'Your card number is incomplete.', field: 'cc-number' },
    { number: '4242 4242 4242', expiry: FUTURE, cvc: '123', code: 'incomplete_number', message: 'Your card number is incomplete.', field: 'cc-number' },
    { number: '4242 4242 4242 4241', expiry: FUTURE, cvc: '123', code: 'invalid_number', message: 'Your card number is invalid.', field: 'cc-number' },
    { number: fakeStripeCards.succeeds, expiry: '', cvc: '123', code: 'incomplete_expiry', message: "Your card's expiration date is incomplete.", field: 'cc-exp' },
    { number: fakeStripeCards.succeeds, expiry: PAST, cvc: '123', code: 'invalid_expiry_year_past', message: "Your card's expiration year is in the past.", field: 'cc-exp' },
    { number: fakeStripeCards.succeeds, expiry: `13 / ${twoDigits(thisYear + 1)}`, cvc: '123', code: 'invalid_expiry_month', message: "Your card's expiration month is invalid.", field: 'cc-exp' },
    { number: fakeStripeCards.succeeds, expiry: FUTURE, cvc: '1', code: 'incomplete_cvc', message: "Your card's security code is incomplete.", field: 'cc-csc' },
  ];
  for (const { number, expiry, cvc, code, message, field } of invalidEntries) {
    it(`refuses ${JSON.stringify([number, expiry, cvc])} with ${code}, shown under the field`, async () => {
      const { node, confirm } = await openCheckout();
      fill(node, number, expiry, cvc);
      const { error } = await confirm();
      expect(error).to.deep.equal({ type: 'validation_error', code, message });
      expect(stripeEvents()).to.deep.equal([]);

      const alerts = [...cardForm(node).querySelectorAll('[role="alert"]')];
      expect(alerts.map((alert) => alert.textContent)).to.deep.equal([message]);
      const invalidInput = input(node, field);
      expect(invalidInput.getAttribute('aria-invalid')).to.equal('true');
      expect(invalidInput.getAttribute('aria-describedby')).to.contain(alerts[0].id);
      await expect(node).to.be.accessible();
    });
  }

  it('shows every problem of an empty form, and clears one once it is fixed', async () => {
    const { node, confirm } = await openCheckout();
    expect((await confirm()).error?.code).to.equal('incomplete_number');
    expect(cardForm(node).querySelectorAll('[role="alert"]')).to.have.length(3);
    expect(cardForm(node).querySelectorAll('[aria-invalid="true"]')).to.have.length(3);

    type(node, 'cc-number', fakeStripeCards.succeeds);
    expect(input(node, 'cc-number').hasAttribute('aria-invalid')).to.equal(false);
    expect(cardForm(node).querySelectorAll('[role="alert"]')).to.have.length(2);
    await expect(node).to.be.accessible();
  });

  it('follows nextOutcome over the card, once per call', async () => {
    const { order, node, confirm } = await openCheckout();
    control.nextOutcome('card_declined');
    control.nextOutcome({ error: { type: 'api_connection_error', message: 'The network went away.' } });
    control.nextOutcome('succeeded');
    fill(node, fakeStripeCards.succeeds);
    expect((await confirm()).error?.decline_code).to.equal('generic_decline');
    expect((await confirm()).error).to.deep.equal({ type: 'api_connection_error', message: 'The network went away.' });
    fill(node, '', '', '');
    expect((await confirm()).paymentIntent?.status).to.equal('succeeded');
    expect(stripeEvents()).to.deep.equal([
      { type: 'payment_intent.payment_failed', clientSecret: order.payment.clientSecret },
      { type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret },
    ]);
    expect(control.confirmations).to.equal(3);
    expect(() => control.nextOutcome('maybe' as 'succeeded')).to.throw(TypeError);
  });

  it('still pays when the partner cannot be told (Stripe would retry its webhook)', async () => {
    worker.use(http.post('*/__mock/stripe/events', () => HttpResponse.error()));
    const { order, node, confirm } = await openCheckout();
    fill(node, fakeStripeCards.succeeds);
    expect((await confirm()).paymentIntent?.status).to.equal('succeeded');
    expect((await readOrder(order.id)).status).to.equal('requires_payment');
  });

  it('takes its time, and tells the events URL it was given', async () => {
    control.uninstall();
    control = installFakeStripe({ delay: 80, events: '/gumroad-events' });
    const seen: unknown[] = [];
    worker.use(http.post('*/gumroad-events', async ({ request }) => {
      seen.push(await request.json());
      return HttpResponse.json({ received: true });
    }));
    const { order, node, confirm } = await openCheckout();
    fill(node, fakeStripeCards.succeeds);
    // Not answered at once: still pending after the next task, as a network round trip would be.
    let answered = false;
    const confirming = confirm().finally(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve));
    expect(answered).to.equal(false);
    expect((await confirming).paymentIntent?.status).to.equal('succeeded');
    expect(seen).to.deep.equal([{ type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret }]);
  });

  describe('payment methods that leave the page', () => {
    const RETURN_URL = `${location.origin}/shop/album?ref=tweet&q=a%20b#checkout`;
    let navigations: string[];
    /** How many payment events the partner had heard of when the page was sent away. */
    let eventsAtNavigation: number[];

    beforeEach(() => {
      control.uninstall();
      navigations = [];
      eventsAtNavigation = [];
      control = installFakeStripe({
        delay: 0,
        navigate: (url) => {
          navigations.push(url);
          eventsAtNavigation.push(stripeEvents().length);
        },
      });
    });

    /** Confirms, and notes whether Stripe.js's promise ever settled. */
    const confirmLeaving = (checkout: Checkout, returnUrl = RETURN_URL) => {
      let settled = false;
      checkout.stripe
        .confirmPayment({ elements: checkout.elements, redirect: 'if_required', confirmParams: { return_url: returnUrl } })
        .finally(() => (settled = true));
      return () => settled;
    };

    const leaving = [
      { how: `card ${fakeStripeCards.redirect}`, card: fakeStripeCards.redirect, outcome: undefined, redirectStatus: 'succeeded', status: 'succeeded', event: 'payment_intent.succeeded', order: 'paid' },
      { how: `card ${fakeStripeCards.redirectFailed}`, card: fakeStripeCards.redirectFailed, outcome: undefined, redirectStatus: 'failed', status: 'requires_payment_method', event: 'payment_intent.payment_failed', order: 'requires_payment' },
      { how: "nextOutcome('redirect')", card: fakeStripeCards.succeeds, outcome: 'redirect', redirectStatus: 'succeeded', status: 'succeeded', event: 'payment_intent.succeeded', order: 'paid' },
      { how: "nextOutcome('redirect_failed')", card: fakeStripeCards.succeeds, outcome: 'redirect_failed', redirectStatus: 'failed', status: 'requires_payment_method', event: 'payment_intent.payment_failed', order: 'requires_payment' },
    ] as const;
    for (const { how, card, outcome, redirectStatus, status, event, order: orderStatus } of leaving) {
      it(`with ${how}: tells the partner, then goes to return_url with redirect_status=${redirectStatus}, and never settles`, async () => {
        const checkout = await openCheckout();
        const { order, node } = checkout;
        if (outcome) control.nextOutcome(outcome);
        fill(node, card);
        const settled = confirmLeaving(checkout);
        await waitUntil(() => navigations.length > 0, 'the page did not leave');

        const secret = order.payment.clientSecret;
        const id = secret.split('_secret_')[0];
        const stripeParams = new URLSearchParams({ payment_intent: id, payment_intent_client_secret: secret, redirect_status: redirectStatus });
        expect(navigations).to.deep.equal([`${location.origin}/shop/album?ref=tweet&q=a%20b&${stripeParams}#checkout`]);
        expect(eventsAtNavigation).to.deep.equal([1]);
        expect(stripeEvents()).to.deep.equal([{ type: event, clientSecret: secret }]);
        expect((await readOrder(order.id)).status).to.equal(orderStatus);

        // What the page that comes back reads: the PaymentIntent as Stripe has it.
        const { paymentIntent, error } = await checkout.stripe.retrievePaymentIntent(secret);
        expect(error).to.equal(undefined);
        expect(paymentIntent).to.include({ id, object: 'payment_intent', status, client_secret: secret, livemode: false });
        if (redirectStatus === 'failed') {
          expect(paymentIntent!.last_payment_error).to.deep.equal({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' });
          expect(paymentIntent!.payment_method).to.equal(null);
        } else {
          expect(paymentIntent!.last_payment_error).to.equal(null);
          expect(paymentIntent!.payment_method).to.match(/^pm_/);
        }
        expect(settled()).to.equal(false);
        expect(control.calls.filter((call) => call.method === 'stripe.retrievePaymentIntent').map((call) => call.args)).to.deep.equal([[secret]]);
      });
    }

    it('appends to a return_url without a query, and keeps one without a fragment', async () => {
      const checkout = await openCheckout();
      fill(checkout.node, fakeStripeCards.redirect);
      confirmLeaving(checkout, `${location.origin}/thanks`);
      await waitUntil(() => navigations.length > 0, 'the page did not leave');
      const back = new URL(navigations[0]);
      expect(back.pathname + back.hash).to.equal('/thanks');
      expect([...back.searchParams.keys()]).to.deep.equal(['payment_intent', 'payment_intent_client_secret', 'redirect_status']);
    });

    it('answers Stripe\'s error, and stays, when such a method has no return_url', async () => {
      const { order, node, stripe, elements } = await openCheckout();
      fill(node, fakeStripeCards.redirect);
      const { error } = await stripe.confirmPayment({ elements, redirect: 'if_required' });
      expect(error).to.include({ type: 'invalid_request_error' });
      expect(error!.message).to.match(/return_url' must be specified/);
      expect(navigations).to.deep.equal([]);
      expect(stripeEvents()).to.deep.equal([]);
      expect((await stripe.retrievePaymentIntent(order.payment.clientSecret)).paymentIntent?.status).to.equal('requires_payment_method');
    });
  });

  it("loses the answer with nextOutcome('lost'): paid at Stripe and at the partner, yet an api_connection_error", async () => {
    const { order, node, stripe, confirm } = await openCheckout();
    control.nextOutcome('lost');
    fill(node, fakeStripeCards.succeeds);
    const { paymentIntent, error } = await confirm();
    expect(paymentIntent).to.equal(undefined);
    expect(error).to.deep.equal({
      type: 'api_connection_error',
      message: 'We are experiencing issues connecting to our payments provider. Please check your internet connection.',
    });
    expect(stripeEvents()).to.deep.equal([{ type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret }]);
    expect((await readOrder(order.id)).status).to.equal('paid');
    expect((await stripe.retrievePaymentIntent(order.payment.clientSecret)).paymentIntent?.status).to.equal('succeeded');
    expect((await confirm()).error?.code).to.equal('payment_intent_unexpected_state');
  });

  it('retrieves a PaymentIntent as Stripe has it: unpaid, declined, paid, and after another installation', async () => {
    const { order, node, stripe, confirm } = await openCheckout();
    const secret = order.payment.clientSecret;
    const retrieve = async () => (await stripe.retrievePaymentIntent(secret)).paymentIntent;
    expect(await retrieve()).to.include({ status: 'requires_payment_method', last_payment_error: null, payment_method: null });

    fill(node, fakeStripeCards.insufficientFunds);
    await confirm();
    expect((await retrieve())!.last_payment_error).to.include({ type: 'card_error', decline_code: 'insufficient_funds' });

    fill(node, fakeStripeCards.succeeds);
    const paid = (await confirm()).paymentIntent!;
    expect(await retrieve()).to.deep.equal(paid);
    expect(paid).to.include({ status: 'succeeded', last_payment_error: null, capture_method: 'automatic' });

    // Stripe keeps it on its servers; the fake in this tab's sessionStorage, which a new
    // installation (as after a reload) reads.
    expect(sessionStorage.getItem('buy-tweet:fake-stripe:payment-intents')).to.contain(secret);
    control.uninstall();
    control = installFakeStripe({ delay: 0 });
    const again = (await loadStripe(order.payment.publishableKey))!;
    expect((await again.retrievePaymentIntent(secret)).paymentIntent).to.deep.equal(paid);
  });

  it('answers resource_missing for a PaymentIntent it never saw, and throws for a malformed secret', async () => {
    const stripe = (await loadStripe('pk_test_buytweet_gumroad'))!;
    const { paymentIntent, error } = await stripe.retrievePaymentIntent('pi_neverseen_secret_abc');
    expect(paymentIntent).to.equal(undefined);
    expect(error).to.deep.equal({
      type: 'invalid_request_error',
      code: 'resource_missing',
      param: 'intent',
      message: "No such payment_intent: 'pi_neverseen'",
    });
    for (const bad of ['not-a-secret', 'pi_123', '', 42, undefined]) {
      let thrown: unknown;
      try {
        await stripe.retrievePaymentIntent(bad as string);
      } catch (caught) {
        thrown = caught;
      }
      expect(thrown, String(bad)).to.have.property('name', 'IntegrationError');
      expect((thrown as Error).message).to.match(/^Invalid value for retrievePaymentIntent: clientSecret should be a client secret/);
    }
    expect(control.calls.filter((call) => call.method === 'stripe.retrievePaymentIntent')).to.have.length(6);
  });

  it('throws like Stripe.js for mistakes in the integration', async () => {
    const { stripe, elements, order, node } = await openCheckout();
    const Constructor = (window as unknown as { Stripe: (key: unknown) => unknown }).Stripe;
    expect(() => Constructor('sk_test_123')).to.throw(/secret key/).with.property('name', 'IntegrationError');
    expect(() => Constructor('nope')).to.throw(/publishable key/);
    expect(() => stripe.elements({ clientSecret: 'not-a-secret' })).to.throw(/_secret_/);
    expect(() => elements.create('payment')).to.throw(/one Element/);

    const rejection = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected a rejection');
    };
    const other = (await loadStripe(order.payment.publishableKey))!;
    const stranger = other.elements({ clientSecret: order.payment.clientSecret });
    expect((await rejection(stripe.confirmPayment({ elements: stranger, redirect: 'if_required' }))).message).to.match(/this Stripe instance/);
    const unmounted = stripe.elements({ clientSecret: order.payment.clientSecret });
    unmounted.create('payment');
    expect((await rejection(stripe.confirmPayment({ elements: unmounted, redirect: 'if_required' }))).message).to.match(/mounted Payment Element/);
    expect((await rejection(stripe.confirmPayment({ elements, confirmParams: { return_url: location.href } }))).name).to.equal('IntegrationError');
    expect(cardForm(node).querySelectorAll('[role="alert"]')).to.have.length(0);
  });

  const elsewhere = [
    {
      where: 'inside a shadow root',
      node: async () => {
        const host = await fixture<HTMLElement>(html`<div></div>`);
        return host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
      },
    },
    { where: 'not in the document', node: async () => document.createElement('div') },
  ];
  for (const { where, node: place } of elsewhere) {
    it(`refuses to mount ${where}, with Stripe.js's own words`, async () => {
      const order = await createOrder();
      const stripe = (await loadStripe(order.payment.publishableKey))!;
      const payment = stripe.elements({ clientSecret: order.payment.clientSecret }).create('payment');
      const node = await place();
      expect(() => payment.mount(node))
        .to.throw('Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.')
        .with.property('name', 'IntegrationError');
      expect(node.childElementCount).to.equal(0);
      // Nothing was mounted: the same element mounts in the light DOM.
      const light = await fixture<HTMLElement>(html`<div></div>`);
      payment.mount(light);
      expect(input(light, 'cc-number')).to.exist;
    });
  }

  it('works slotted into a shadow root, as the checkout shows it: 3-D Secure gives focus back to Pay', async () => {
    const order = await createOrder();
    const stripe = (await loadStripe(order.payment.publishableKey))!;
    const host = await fixture<HTMLElement>(html`<div><div slot="payment"></div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const pay = Object.assign(document.createElement('button'), { textContent: 'Pay' });
    root.append(Object.assign(document.createElement('slot'), { name: 'payment' }), pay);
    const container = host.firstElementChild as HTMLElement;
    const elements = stripe.elements({ clientSecret: order.payment.clientSecret });
    elements.create('payment').mount(container);
    fill(container, fakeStripeCards.threeDSecure);
    await expect(host).to.be.accessible();

    pay.focus();
    const result = stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: location.href } });
    await waitUntil(() => button(container, 'Complete'), 'no 3-D Secure panel');
    expect(cardForm(container).activeElement).to.equal(button(container, 'Complete'));
    button(container, 'Complete')!.click();
    expect((await result).paymentIntent?.status).to.equal('succeeded');
    expect(root.activeElement).to.equal(pay);
  });

  it('gives every mount a form of its own, so several can share a page', async () => {
    const first = await openCheckout();
    const second = await openCheckout();
    for (const { node } of [first, second]) {
      const labels = [...cardForm(node).querySelectorAll('label')];
      expect(labels).to.have.length(3);
      for (const label of labels) expect(cardForm(node).contains(label.control)).to.equal(true);
    }
    first.payment.unmount();
    first.payment.mount(first.node);
    expect(first.node.querySelectorAll('.buy-tweet-fake-stripe')).to.have.length(1);
  });

  // Stripe.js shows its placeholders and errors in elements({locale}), default the browser's
  // (docs.stripe.com/js/elements_object/create); the fake's words are in src/mock/stripe/words.ts.
  const languages = [
    { locale: 'de', lang: 'de', dir: 'ltr', legend: 'Karte (Testmodus)', incomplete: 'Ihre Kartennummer ist unvollständig.' },
    { locale: 'ar', lang: 'ar', dir: 'rtl', legend: 'البطاقة (وضع الاختبار)', incomplete: 'رقم بطاقتك غير مكتمل.' },
    { locale: 'he', lang: 'he', dir: 'rtl', legend: 'כרטיס (מצב בדיקה)', incomplete: 'מספר הכרטיס שלך לא שלם.' },
    { locale: 'zh', lang: 'zh-CN', dir: 'ltr', legend: '银行卡（测试模式）', incomplete: '您的卡号不完整。' },
    { locale: 'sv', lang: 'en', dir: 'ltr', legend: 'Card (test mode)', incomplete: 'Your card number is incomplete.' },
  ] as const;
  for (const { locale, lang, dir, legend, incomplete } of languages) {
    it(`speaks ${lang} (${dir}) for elements({locale: '${locale}'}), its errors too`, async () => {
      const { node, confirm } = await openCheckout(locale);
      const host = node.querySelector<HTMLElement>('.buy-tweet-fake-stripe')!;
      expect([host.lang, host.dir]).to.deep.equal([lang, dir]);
      expect(cardForm(node).querySelector('legend')!.textContent).to.equal(legend);
      expect((await confirm()).error).to.deep.equal({ type: 'validation_error', code: 'incomplete_number', message: incomplete });
      expect(cardForm(node).querySelector('[role="alert"]')!.textContent).to.equal(incomplete);
      await expect(node).to.be.accessible();
    });
  }

  it('keeps each test card number left to right in a right-to-left form', async () => {
    const { node } = await openCheckout('ar');
    const numbers = [...cardForm(node).querySelectorAll<HTMLElement>('#hint [dir="ltr"]')];
    expect(numbers.map((number) => number.textContent!.replace(/ /g, ''))).to.deep.equal(Object.values(fakeStripeCards));
    for (const number of numbers) {
      // The first group of digits is drawn left of the last, on one line.
      const group = (start: number) => {
        const range = document.createRange();
        range.setStart(number.firstChild!, start);
        range.setEnd(number.firstChild!, start + 4);
        return range.getBoundingClientRect();
      };
      const [first, last] = [group(0), group(15)];
      expect(first.right).to.be.at.most(last.left);
      expect(first.top).to.equal(last.top);
    }
  });

  const locales: [unknown, string[], string][] = [
    ['de', [], 'de'],
    ['pt-BR', [], 'pt-BR'],
    ['pt', [], 'pt-BR'],
    ['zh', [], 'zh-CN'],
    ['zh-TW', [], 'zh-TW'],
    ['zh-HK', [], 'zh-TW'],
    ['en-GB', [], 'en'],
    ['es-419', [], 'es'],
    ['fr-CA', [], 'fr'],
    ['sv', ['de-DE'], 'en'],
    ['auto', ['sv-SE', 'fr-CA', 'de'], 'fr'],
    ['auto', ['sv-SE'], 'en'],
    [undefined, ['he-IL'], 'he'],
    [42, ['de'], 'en'],
  ];
  for (const [locale, browser, lang] of locales) {
    it(`reads locale ${JSON.stringify(locale)} with the browser's ${JSON.stringify(browser)} as ${lang}`, () => {
      expect(cardLocale(locale, browser).lang).to.equal(lang);
    });
  }

  it('goes away with uninstall, and comes back behind loadStripe’s cached constructor', async () => {
    const { node } = await openCheckout();
    control.uninstall();
    expect('Stripe' in window).to.equal(false);
    expect(node.childElementCount).to.equal(0);

    (window as unknown as { Stripe?: unknown }).Stripe = () => ({});
    expect(() => installFakeStripe()).to.throw(/already set/);
    delete (window as unknown as { Stripe?: unknown }).Stripe;

    control = installFakeStripe({ delay: 0 });
    const checkout = await openCheckout();
    expect(control.calls[0].method).to.equal('Stripe');
    fill(checkout.node, fakeStripeCards.succeeds);
    expect((await checkout.confirm()).paymentIntent?.status).to.equal('succeeded');
  });
});

describe('fake Stripe: a page that really leaves and comes back', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  const loaded = (frame: HTMLIFrameElement) => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

  it(`goes to return_url with ${fakeStripeCards.redirect}; the page that comes back retrieves it succeeded`, async () => {
    // In a frame: the test page itself must not leave.
    const frame = document.createElement('iframe');
    frame.src = '/test/pages/stripe-return.html?from=tweet#buy';
    const first = loaded(frame);
    document.body.append(frame);
    await first;
    const shop = frame.contentWindow as unknown as ShopPage;
    expect(shop.returned).to.equal(undefined);

    const back = loaded(frame);
    const orderId = await shop.pay(fakeStripeCards.redirect);
    await back;
    const returned = frame.contentWindow as unknown as ShopPage;
    const { search, hash, status, error } = await returned.returned!;
    expect(error).to.equal(undefined);
    expect(status).to.equal('succeeded');
    expect(search).to.match(/^\?from=tweet&payment_intent=pi_\w+&payment_intent_client_secret=pi_\w+_secret_\w+&redirect_status=succeeded$/);
    expect(hash).to.equal('#buy');
    expect(await returned.orderStatus(orderId)).to.equal('paid');
  });
});
