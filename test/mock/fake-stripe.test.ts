// The test-mode fake of Stripe.js, driven the way the checkout drives it: through loadStripe from
// `@stripe/stripe-js/pure`, against orders of the mock partner.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { http, HttpResponse } from 'msw';
import { fakeStripeCards, installFakeStripe, type FakeStripeControl } from '../../src/mock/stripe/index.js';
import { mock, worker } from '../setup.js';
import {
  FUTURE,
  PAST,
  button,
  cardForm,
  createOrder,
  fill,
  input,
  installTestStripe,
  openCheckout,
  readOrder,
  stripeEvents,
  thisYear,
  twoDigits,
  type,
  uninstallTestStripe,
} from './fake-stripe-helpers.js';

describe('fake Stripe (test mode)', () => {
  let control: FakeStripeControl;

  beforeEach(() => (control = installTestStripe()));
  afterEach(() => uninstallTestStripe(control));

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
    expect(stripeEvents()).to.deep.equal([
      { type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret },
    ]);

    const paid = await readOrder(order.id);
    expect(paid.status).to.equal('paid');
    expect(paid.receiptUrl).to.equal(`https://gumroad.com/__mock/receipts/${order.id}`);
    expect(control.confirmations).to.equal(1);
    expect(control.calls.map((call) => call.method)).to.include.members([
      'stripe.elements',
      'elements.create',
      'paymentElement.mount',
      'stripe.confirmPayment',
    ]);

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
    {
      card: fakeStripeCards.insufficientFunds,
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    },
  ];
  for (const { card, decline_code, message } of declines) {
    it(`declines ${card} (${decline_code}); the buyer can try again on the same order`, async () => {
      const { order, node, confirm } = await openCheckout();
      fill(node, card);
      const { error } = await confirm();
      expect(error).to.include({ type: 'card_error', code: 'card_declined', decline_code, message });
      expect(error!.payment_intent?.status).to.equal('requires_payment_method');
      expect(stripeEvents()).to.deep.equal([
        { type: 'payment_intent.payment_failed', clientSecret: order.payment.clientSecret },
      ]);
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
    expect(stripeEvents()).to.deep.equal([
      { type: 'payment_intent.processing', clientSecret: order.payment.clientSecret },
    ]);
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
    expect(stripeEvents()).to.deep.equal([
      { type: 'payment_intent.payment_failed', clientSecret: order.payment.clientSecret },
    ]);
    expect((await readOrder(order.id)).status).to.equal('requires_payment');
  });

  const invalidEntries = [
    {
      number: '',
      expiry: FUTURE,
      cvc: '123',
      code: 'incomplete_number',
      message: 'Your card number is incomplete.',
      field: 'cc-number',
    },
    {
      number: '4242 4242 4242',
      expiry: FUTURE,
      cvc: '123',
      code: 'incomplete_number',
      message: 'Your card number is incomplete.',
      field: 'cc-number',
    },
    {
      number: '4242 4242 4242 4241',
      expiry: FUTURE,
      cvc: '123',
      code: 'invalid_number',
      message: 'Your card number is invalid.',
      field: 'cc-number',
    },
    {
      number: fakeStripeCards.succeeds,
      expiry: '',
      cvc: '123',
      code: 'incomplete_expiry',
      message: "Your card's expiration date is incomplete.",
      field: 'cc-exp',
    },
    {
      number: fakeStripeCards.succeeds,
      expiry: PAST,
      cvc: '123',
      code: 'invalid_expiry_year_past',
      message: "Your card's expiration year is in the past.",
      field: 'cc-exp',
    },
    {
      number: fakeStripeCards.succeeds,
      expiry: `13 / ${twoDigits(thisYear + 1)}`,
      cvc: '123',
      code: 'invalid_expiry_month',
      message: "Your card's expiration month is invalid.",
      field: 'cc-exp',
    },
    {
      number: fakeStripeCards.succeeds,
      expiry: FUTURE,
      cvc: '1',
      code: 'incomplete_cvc',
      message: "Your card's security code is incomplete.",
      field: 'cc-csc',
    },
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
    worker.use(
      http.post('*/gumroad-events', async ({ request }) => {
        seen.push(await request.json());
        return HttpResponse.json({ received: true });
      }),
    );
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
});
