// The test-mode fake of Stripe.js in Stripe's deferred-intent integration ("Collect payment details
// before creating an Intent"): a group made with mode, amount and currency; elements.update and
// elements.submit; confirmPayment with the client secret of an order made after the buyer pressed Pay.
import { expect, fixture, html } from '@open-wc/testing';
import { loadStripe } from '@stripe/stripe-js/pure';
import { fakeStripeCards, type FakeStripeControl } from '../../src/mock/stripe/index.js';
import {
  cardForm,
  createOrder,
  fill,
  input,
  installTestStripe,
  readOrder,
  stripeEvents,
  uninstallTestStripe,
} from './fake-stripe-helpers.js';
import { KEY, confirmWith, openDeferred, rejection } from './fake-stripe-wallet-helpers.js';

const SUBMIT_FIRST =
  'elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work. Integration guide: https://stripe.com/docs/payments/accept-a-payment-deferred';

describe('fake Stripe (test mode): deferred intents', () => {
  let control: FakeStripeControl;

  beforeEach(() => (control = installTestStripe()));
  afterEach(() => uninstallTestStripe(control));

  it('makes a group without an Intent: the Payment Element mounts and says it is ready', async () => {
    const stripe = (await loadStripe(KEY))!;
    const node = await fixture<HTMLElement>(html`<div></div>`);
    const elements = stripe.elements({ mode: 'payment', amount: 999, currency: 'usd' });
    const payment = elements.create('payment');
    const ready = new Promise((resolve) => payment.on('ready', resolve));
    payment.mount(node);
    expect(await ready).to.deep.equal({ elementType: 'payment' });
    expect(input(node, 'cc-number')).to.exist;
    expect(elements.getElement('payment')).to.equal(payment);
    expect(control.calls.find((call) => call.method === 'stripe.elements')?.args).to.deep.equal([
      { mode: 'payment', amount: 999, currency: 'usd' },
    ]);
  });

  const refusals: [string, Record<string, unknown>, string | RegExp][] = [
    [
      'both clientSecret and mode',
      { clientSecret: 'pi_1_secret_2', mode: 'payment', amount: 999, currency: 'usd' },
      'Invalid value for elements(): either use mode or clientSecret when creating an Elements group, not both.',
    ],
    [
      'mode without amount',
      { mode: 'payment', currency: 'usd' },
      'Invalid value for elements(): amount should be a number. You specified: undefined.',
    ],
    [
      'mode without currency',
      { mode: 'payment', amount: 999 },
      /^Invalid value for elements\(\): currency should be one of the following strings: .*\busd\b.*\. You specified: undefined\.$/,
    ],
    [
      'a mode Stripe does not know',
      { mode: 'pay', amount: 999, currency: 'usd' },
      'Invalid value for elements(): mode should be one of the following strings: payment, setup, subscription. You specified: pay.',
    ],
    [
      'a mode the fake does not make',
      { mode: 'setup', currency: 'usd' },
      `The fake Stripe takes only mode 'payment' (a PaymentIntent), not "setup".`,
    ],
    [
      'an upper-case currency',
      { mode: 'payment', amount: 999, currency: 'USD' },
      /^Invalid value for elements\(\): currency should be one of the following strings: aed, .*\. You specified: USD\.$/,
    ],
    ['a currency that is none', { mode: 'payment', amount: 999, currency: 'dollars' }, /You specified: dollars\.$/],
    [
      'an amount with a fraction',
      { mode: 'payment', amount: 9.99, currency: 'usd' },
      'Invalid value for elements(): amount should be an integer. You specified: 9.99.',
    ],
    [
      'a zero amount',
      { mode: 'payment', amount: 0, currency: 'usd' },
      'Invalid value for elements(): amount must be greater than 0',
    ],
  ];
  for (const [what, options, message] of refusals) {
    it(`refuses ${what}, as Stripe.js does`, async () => {
      const stripe = (await loadStripe(KEY))!;
      expect(() => stripe.elements(options))
        .to.throw(message)
        .with.property('name', 'IntegrationError');
    });
  }

  it('refuses a Payment Element in a group with neither a client secret nor a mode', async () => {
    const stripe = (await loadStripe(KEY))!;
    expect(() => stripe.elements().create('payment'))
      .to.throw(
        'In order to create a payment element, you must pass a clientSecret or mode when creating the Elements group.\n\n  e.g. stripe.elements({clientSecret: "{{CLIENT_SECRET}}"})',
      )
      .with.property('name', 'IntegrationError');
  });

  it('updates the amount: a promise settled after update-end, the options merged', async () => {
    const { elements } = await openDeferred();
    const heard: string[] = [];
    elements.on('update-end', () => heard.push('update-end'));
    const updating = elements.update({ amount: 1998 });
    expect(updating).to.be.an.instanceOf(Promise);
    heard.push('called');
    await updating;
    heard.push('resolved');
    expect(heard).to.deep.equal(['called', 'update-end', 'resolved']);
    expect(control.calls.filter((call) => call.method === 'elements.update').map((call) => call.args)).to.deep.equal([
      [{ amount: 1998 }],
    ]);
  });

  const badUpdates: [string, Record<string, unknown>, string | RegExp][] = [
    ['a zero amount', { amount: 0 }, 'Invalid value for elements.update(): amount must be greater than 0'],
    [
      'a fraction',
      { amount: 19.98 },
      'Invalid value for elements.update(): amount should be an integer. You specified: 19.98.',
    ],
    [
      'an upper-case currency',
      { currency: 'EUR' },
      /^Invalid value for elements\.update\(\): currency .* You specified: EUR\.$/,
    ],
    [
      'another mode',
      { mode: 'subscription' },
      `The fake Stripe takes only mode 'payment' (a PaymentIntent), not "subscription".`,
    ],
  ];
  for (const [what, updates, message] of badUpdates) {
    it(`rejects an update to ${what}, without throwing`, async () => {
      const { elements } = await openDeferred();
      let updating: Promise<void> | undefined;
      expect(() => (updating = elements.update(updates))).not.to.throw();
      const error = await rejection(updating!);
      expect(error.name).to.equal('IntegrationError');
      if (typeof message === 'string') expect(error.message).to.equal(message);
      else expect(error.message).to.match(message);
    });
  }

  it('rejects an amount for a group made with a client secret: its PaymentIntent holds the amount', async () => {
    const order = await createOrder();
    const stripe = (await loadStripe(order.payment.publishableKey))!;
    const elements = stripe.elements({ clientSecret: order.payment.clientSecret });
    const error = await rejection(elements.update({ amount: 1998 }));
    expect(error.name).to.equal('IntegrationError');
    expect(error.message).to.contain('elements.fetchUpdates()');
    await elements.update({ locale: 'de' });
  });

  it('submits: a problem shows under the card and resolves as a validation_error; a good card is selected', async () => {
    const { elements, node } = await openDeferred();
    fill(node, '4242 4242 4242', '12 / 30', '123');
    expect(await elements.submit()).to.deep.equal({
      error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' },
    });
    const alerts = [...cardForm(node).querySelectorAll('[role="alert"]')].map((alert) => alert.textContent);
    expect(alerts).to.deep.equal(['Your card number is incomplete.']);
    expect(input(node, 'cc-number').getAttribute('aria-invalid')).to.equal('true');

    fill(node, fakeStripeCards.succeeds);
    expect(await elements.submit()).to.deep.equal({ selectedPaymentMethod: 'card' });
    expect(cardForm(node).querySelectorAll('[role="alert"]')).to.have.length(0);
    expect(stripeEvents()).to.deep.equal([]);
  });

  it('rejects a submit with no mounted Payment Element', async () => {
    const stripe = (await loadStripe(KEY))!;
    const elements = stripe.elements({ mode: 'payment', amount: 999, currency: 'usd' });
    elements.create('payment');
    const error = await rejection(elements.submit());
    expect(error.name).to.equal('IntegrationError');
    expect(error.message).to.match(
      /^Invalid value for elements\.submit\(\): elements should have a mounted Payment Element/,
    );
  });

  it('refuses confirmPayment without the client secret, and without a submit first', async () => {
    const deferred = await openDeferred();
    fill(deferred.node, fakeStripeCards.succeeds);
    const order = await createOrder();

    const noSecret = await rejection(
      deferred.stripe.confirmPayment({ elements: deferred.elements, redirect: 'if_required' }),
    );
    expect([noSecret.name, noSecret.message]).to.deep.equal([
      'IntegrationError',
      'You must pass in a clientSecret when calling stripe.confirmPayment().',
    ]);
    const noSubmit = await rejection(confirmWith(deferred, order.payment.clientSecret));
    expect([noSubmit.name, noSubmit.message]).to.deep.equal(['IntegrationError', SUBMIT_FIRST]);
    expect(stripeEvents()).to.deep.equal([]);
    expect((await readOrder(order.id)).status).to.equal('requires_payment');
  });

  it('uses up a submit with each confirmation: trying again takes a new one, on the same order', async () => {
    const deferred = await openDeferred();
    const order = await createOrder();
    fill(deferred.node, fakeStripeCards.declined);
    expect(await deferred.elements.submit()).to.deep.equal({ selectedPaymentMethod: 'card' });
    // The card was found good at submit; what it does is decided at confirmation.
    expect((await confirmWith(deferred, order.payment.clientSecret)).error).to.include({
      type: 'card_error',
      decline_code: 'generic_decline',
    });

    const again = await rejection(confirmWith(deferred, order.payment.clientSecret));
    expect(again.message).to.equal(SUBMIT_FIRST);

    fill(deferred.node, fakeStripeCards.succeeds);
    await deferred.elements.submit();
    expect((await confirmWith(deferred, order.payment.clientSecret)).paymentIntent?.status).to.equal('succeeded');
    expect((await readOrder(order.id)).status).to.equal('paid');
  });

  it('follows nextOutcome over the card in a deferred group too', async () => {
    const deferred = await openDeferred();
    const order = await createOrder();
    control.nextOutcome('insufficient_funds');
    fill(deferred.node, fakeStripeCards.succeeds);
    await deferred.elements.submit();
    expect((await confirmWith(deferred, order.payment.clientSecret)).error?.decline_code).to.equal(
      'insufficient_funds',
    );
  });

  it('refuses confirmPayment for a group with no mounted element, in Stripe.js words', async () => {
    const stripe = (await loadStripe(KEY))!;
    const elements = stripe.elements({ mode: 'payment', amount: 999, currency: 'usd' });
    elements.create('payment');
    const error = await rejection(
      stripe.confirmPayment({ elements, clientSecret: 'pi_1_secret_2', redirect: 'if_required' }),
    );
    expect(error.message).to.equal(
      'Invalid value for stripe.confirmPayment(): elements should have a mounted Payment Element or Express Checkout Element.',
    );
  });

  it('buys the album as the checkout will: total, Pay, submit, the order, then confirmPayment', async () => {
    const deferred = await openDeferred(999, 'usd');
    fill(deferred.node, fakeStripeCards.succeeds);
    // Pay: submit first, before any other asynchronous work.
    expect((await deferred.elements.submit()).error).to.equal(undefined);
    const order = await createOrder();
    const { paymentIntent, error } = await confirmWith(deferred, order.payment.clientSecret);
    expect(error).to.equal(undefined);
    expect(paymentIntent).to.include({ status: 'succeeded', client_secret: order.payment.clientSecret });
    expect(stripeEvents()).to.deep.equal([
      { type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret },
    ]);
    expect((await readOrder(order.id)).status).to.equal('paid');
    const paying = ['elements.submit', 'stripe.confirmPayment'];
    expect(control.calls.map((call) => call.method).filter((method) => paying.includes(method))).to.deep.equal(paying);
  });
});
