// The test-mode fake of Stripe.js: the Express Checkout Element and the fake device's wallets.
// A press of a wallet button, the click event's resolve, the device's sheet, its confirm event,
// then elements.submit and confirmPayment inside it, as the checkout pays with a wallet.
import { expect, fixture, html } from '@open-wc/testing';
import type {
  StripeExpressCheckoutElementClickEvent,
  StripeExpressCheckoutElementConfirmEvent,
} from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { installFakeStripe, type FakeStripeControl, type FakeStripeOptions } from '../../src/mock/stripe/index.js';
import {
  createOrder,
  OUTSIDE_THE_DOCUMENT,
  readOrder,
  stripeEvents,
  uninstallTestStripe,
} from './fake-stripe-helpers.js';
import {
  KEY,
  catchWarnings,
  confirmWith,
  manualClock,
  mountExpress,
  openDeferred,
  rejection,
  sheetText,
  walletButton,
  walletButtons,
  walletSheet,
} from './fake-stripe-wallet-helpers.js';

const JENNY = {
  line1: '510 Townsend St',
  line2: null,
  city: 'San Francisco',
  state: 'CA',
  postal_code: '94103',
  country: 'US',
};

/** The `confirm` event, when the device has approved the sheet. */
const nextConfirm = (express: {
  once(event: 'confirm', handler: (event: StripeExpressCheckoutElementConfirmEvent) => void): unknown;
}) => new Promise<StripeExpressCheckoutElementConfirmEvent>((resolve) => express.once('confirm', resolve));

describe('fake Stripe (test mode): the Express Checkout Element', () => {
  let control: FakeStripeControl;
  const install = (options: FakeStripeOptions = {}) => {
    control?.uninstall();
    control = installFakeStripe({ delay: 0, wallets: ['apple_pay', 'google_pay', 'link'], ...options });
  };

  beforeEach(() => install());
  afterEach(() => uninstallTestStripe(control));

  it('on a device without wallets: ready says none, and it draws nothing', async () => {
    install({ wallets: [] });
    const { elements } = await openDeferred();
    const { node, ready } = await mountExpress(elements);
    expect(ready).to.deep.equal({ elementType: 'expressCheckout', availablePaymentMethods: undefined });
    expect(node.childElementCount).to.equal(0);
    expect(node.getBoundingClientRect().height).to.equal(0);
    expect(control.wallets).to.deep.equal([]);
  });

  it('draws a button for each wallet of the device, says which in ready, and passes axe', async () => {
    const { elements } = await openDeferred();
    const { express, node, ready } = await mountExpress(elements);
    expect(ready.availablePaymentMethods).to.deep.equal({
      applePay: true,
      googlePay: true,
      link: true,
      amazonPay: false,
      paypal: false,
      klarna: false,
    });
    const buttons = walletButtons(node);
    expect(buttons.map((button) => button.getAttribute('aria-label'))).to.deep.equal([
      'Apple Pay',
      'Google Pay',
      'Link',
    ]);
    expect(buttons.map((button) => [button.localName, button.type])).to.deep.equal([
      ['button', 'button'],
      ['button', 'button'],
      ['button', 'button'],
    ]);
    expect(buttons.map((button) => getComputedStyle(button).backgroundColor)).to.deep.equal([
      'rgb(0, 0, 0)',
      'rgb(0, 0, 0)',
      'rgb(0, 214, 111)',
    ]);
    for (const button of buttons) expect(button.getBoundingClientRect().height).to.equal(44);
    await expect(node).to.be.accessible();

    expect(express.update({ buttonHeight: 52 })).to.equal(express);
    for (const button of walletButtons(node)) expect(button.getBoundingClientRect().height).to.equal(52);
    expect(elements.getElement('expressCheckout')).to.equal(express);
    expect(() => elements.create('expressCheckout')).to.throw('Can only create one Element of type expressCheckout.');
    expect(control.wallets).to.deep.equal(['apple_pay', 'google_pay', 'link']);
  });

  it('leaves out a wallet its paymentMethods option sets to never', async () => {
    const { elements } = await openDeferred();
    const { node, ready } = await mountExpress(elements, { paymentMethods: { googlePay: 'never' } });
    expect(ready.availablePaymentMethods).to.include({ applePay: true, googlePay: false, link: true });
    expect(walletButtons(node).map((button) => button.textContent)).to.deep.equal(['Apple Pay', 'Link']);
  });

  it('takes only wallets Stripe names', () => {
    expect(() => install({ wallets: ['samsung_pay' as 'apple_pay'] })).to.throw(
      TypeError,
      /apple_pay, google_pay, link/,
    );
    install();
  });

  it('pays with Apple Pay: click, resolve, the sheet, confirm, submit, the order, confirmPayment', async () => {
    const deferred = await openDeferred(999, 'usd');
    const { express, node } = await mountExpress(deferred.elements, {
      emailRequired: true,
      shippingAddressRequired: false,
    });
    const clicks: StripeExpressCheckoutElementClickEvent[] = [];
    express.on('click', (event) => {
      clicks.push(event);
      event.resolve({ lineItems: [{ name: 'Album (MP3)', amount: 999 }] });
    });
    const confirming = nextConfirm(express);
    walletButton(node, 'Apple Pay').click();
    const event = await confirming;

    expect(clicks.map(({ elementType, expressPaymentType }) => ({ elementType, expressPaymentType }))).to.deep.equal([
      { elementType: 'expressCheckout', expressPaymentType: 'apple_pay' },
    ]);
    const { paymentFailed, ...details } = event as StripeExpressCheckoutElementConfirmEvent & { elementType: string };
    expect(paymentFailed).to.be.a('function');
    expect(details).to.deep.equal({
      elementType: 'expressCheckout',
      expressPaymentType: 'apple_pay',
      billingDetails: { name: 'Jenny Rosen', email: 'jenny.rosen@example.com', address: JENNY },
    });
    // The sheet waits, open, while the page pays.
    const sheet = walletSheet()!;
    expect(sheet.getAttribute('aria-label')).to.equal('Apple Pay');
    expect(sheet.open).to.equal(true);
    expect(sheetText()).to.contain('Album (MP3)').and.contain('$9.99').and.contain('Pay $9.99');
    expect(sheetText()).to.contain('Jenny Rosen').and.contain('jenny.rosen@example.com').and.contain('Processing');
    await expect(sheet).to.be.accessible();

    expect(await deferred.elements.submit()).to.deep.equal({ selectedPaymentMethod: 'apple_pay' });
    const order = await createOrder();
    const { paymentIntent } = await confirmWith(deferred, order.payment.clientSecret);
    expect(paymentIntent?.status).to.equal('succeeded');
    expect(walletSheet()).to.equal(null);
    expect(stripeEvents()).to.deep.equal([
      { type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret },
    ]);
    expect((await readOrder(order.id)).status).to.equal('paid');
    const methods = control.calls.map((call) => call.method).filter((method) => method.startsWith('expressCheckout.'));
    expect(methods).to.deep.equal(['expressCheckout.click', 'expressCheckout.resolve', 'expressCheckout.confirm']);
  });

  it('hands over the shipping address and the first shipping rate when it ships, and the phone when asked', async () => {
    const deferred = await openDeferred(1499, 'usd');
    const { express, node } = await mountExpress(deferred.elements, {
      emailRequired: true,
      shippingAddressRequired: true,
    });
    const standard = { id: 'standard', displayName: 'Standard shipping', amount: 500 };
    express.on('click', (event) =>
      event.resolve({
        phoneNumberRequired: true,
        allowedShippingCountries: ['US', 'CA'],
        shippingRates: [standard, { id: 'express', displayName: 'Express', amount: 1500 }],
      }),
    );
    const confirming = nextConfirm(express);
    walletButton(node, 'Google Pay').click();
    const { paymentFailed: _, ...details } = await confirming;
    expect(details).to.deep.equal({
      elementType: 'expressCheckout',
      expressPaymentType: 'google_pay',
      billingDetails: { name: 'Jenny Rosen', email: 'jenny.rosen@example.com', phone: '+14155550123', address: JENNY },
      shippingAddress: { name: 'Jenny Rosen', address: JENNY },
      shippingRate: standard,
    });
    expect(sheetText()).to.contain('Ship to').and.contain('510 Townsend St').and.contain('San Francisco, CA 94103');
    expect(sheetText()).to.contain('Standard shipping').and.contain('Pay $14.99');

    expect((await deferred.elements.submit()).selectedPaymentMethod).to.equal('google_pay');
    const order = await createOrder();
    expect((await confirmWith(deferred, order.payment.clientSecret)).paymentIntent?.status).to.equal('succeeded');
    expect((await readOrder(order.id)).status).to.equal('paid');
  });

  it('is the wallet of the buyer the test gives, and shows the amount of the latest update', async () => {
    install({
      wallets: ['link'],
      walletBuyer: {
        name: 'Erika Mustermann',
        email: 'erika@example.de',
        address: { line1: 'Heidestraße 17', line2: null, city: 'Köln', state: '', postal_code: '51147', country: 'DE' },
      },
    });
    const deferred = await openDeferred(1000, 'eur');
    const { express, node } = await mountExpress(deferred.elements, { emailRequired: true });
    await deferred.elements.update({ amount: 2000 });
    const confirming = nextConfirm(express);
    // No click listener: the sheet opens at once, with the element's options.
    walletButton(node, 'Link').click();
    const event = await confirming;
    expect(event.billingDetails).to.deep.include({ name: 'Erika Mustermann', email: 'erika@example.de' });
    expect(event.shippingAddress).to.equal(undefined);
    expect(sheetText()).to.contain('Pay €20.00');
    event.paymentFailed();
    expect(walletSheet()).to.equal(null);
  });

  it('opens nothing when the click is not resolved within a second, and warns as Stripe.js does', async () => {
    const clock = manualClock();
    install({ clock });
    const { elements } = await openDeferred();
    const { express, node } = await mountExpress(elements);
    let late: ((details?: object) => void) | undefined;
    express.on('click', (event) => (late ??= event.resolve));

    const warnings = await catchWarnings(() => {
      walletButton(node, 'Apple Pay').click();
      expect([...clock.timers.values()].map((timer) => timer.ms)).to.deep.equal([1000]);
      clock.fire(1000);
    });
    expect(warnings).to.deep.equal([
      '[Stripe.js] Timed out waiting for a call to resolve(). If you listen to the "click" event, then you must call event.resolve in the "click" handler within 1 second.',
    ]);
    late!({});
    expect(walletSheet()).to.equal(null);
    expect(control.calls.map((call) => call.method)).to.include('expressCheckout.timeout');

    // The next press is a new click, which opens the sheet when resolved in time.
    express.off('click');
    express.on('click', (event) => event.resolve());
    const confirming = nextConfirm(express);
    walletButton(node, 'Apple Pay').click();
    expect(clock.timers.size).to.equal(0);
    (await confirming).paymentFailed({ reason: 'fail' });
  });

  it('opens nothing when the click is rejected', async () => {
    const clock = manualClock();
    install({ clock });
    const { elements } = await openDeferred();
    const { express, node } = await mountExpress(elements);
    express.on('click', (event) => event.reject());
    walletButton(node, 'Google Pay').click();
    expect(control.calls.map((call) => call.method)).to.include('expressCheckout.reject');
    expect(clock.timers.size).to.equal(0);
    expect(walletSheet()).to.equal(null);
  });

  it('refuses what resolve gives in the wrong shape, in Stripe.js words where known', async () => {
    const { elements } = await openDeferred();
    const { express, node } = await mountExpress(elements);
    const thrown: unknown[] = [];
    const resolving = (details: object) => (event: StripeExpressCheckoutElementClickEvent) => {
      try {
        event.resolve(details);
      } catch (error) {
        thrown.push(error);
      }
    };
    express.once('click', resolving({ shippingRates: [{ id: 'standard', displayName: 'Standard', amount: 0 }] }));
    walletButton(node, 'Apple Pay').click();
    express.once('click', resolving({ emailRequired: 'yes' }));
    walletButton(node, 'Apple Pay').click();
    expect(thrown.map((error) => [(error as Error).name, (error as Error).message])).to.deep.equal([
      ['IntegrationError', 'You must specify `shippingAddressRequired: true` when providing `shippingRates`.'],
      ['IntegrationError', 'Invalid value for resolve(): emailRequired should be a boolean. You specified: yes.'],
    ]);
    expect(walletSheet()).to.equal(null);
  });

  it('ends with cancel when the buyer dismisses the sheet (nextWalletOutcome), and approves the next', async () => {
    const { elements } = await openDeferred();
    const { express, node } = await mountExpress(elements);
    control.nextWalletOutcome('cancel');
    const cancelled = new Promise((resolve) => express.once('cancel', resolve));
    walletButton(node, 'Apple Pay').click();
    expect(await cancelled).to.deep.equal({ elementType: 'expressCheckout' });
    expect(walletSheet()).to.equal(null);

    const confirming = nextConfirm(express);
    walletButton(node, 'Apple Pay').click();
    (await confirming).paymentFailed();
    const methods = control.calls.map((call) => call.method).filter((method) => method.startsWith('expressCheckout.'));
    expect(methods).to.deep.equal([
      'expressCheckout.click',
      'expressCheckout.cancel',
      'expressCheckout.click',
      'expressCheckout.confirm',
      'expressCheckout.paymentFailed',
    ]);
    expect(() => control.nextWalletOutcome('maybe' as 'cancel')).to.throw(TypeError);
  });

  it('shows its sheet above a modal dialog, where the buyer can cancel it', async () => {
    install({ delay: 60_000 });
    const stripe = (await loadStripe(KEY))!;
    const elements = stripe.elements({ mode: 'payment', amount: 999, currency: 'usd' });
    const dialog = await fixture<HTMLDialogElement>(html`<dialog><div></div></dialog>`);
    dialog.showModal();
    try {
      const express = elements.create('expressCheckout');
      const ready = new Promise((resolve) => express.once('ready', resolve));
      express.mount(dialog.firstElementChild as HTMLElement);
      await ready;
      const cancelled = new Promise((resolve) => express.once('cancel', resolve));
      walletButton(dialog, 'Apple Pay').click();

      const cancel = [...walletSheet()!.querySelectorAll('button')].find((button) => button.textContent === 'Cancel')!;
      const { left, top, width, height } = cancel.getBoundingClientRect();
      const onTop = document.elementFromPoint(left + width / 2, top + height / 2);
      expect(onTop === document.querySelector('.buy-tweet-fake-stripe-sheet'), 'the sheet is on top').to.equal(true);
      cancel.click();
      await cancelled;
      expect(walletSheet()).to.equal(null);
    } finally {
      dialog.close();
    }
  });

  it('pays nothing, and says so, where the element does not ship to the buyer', async () => {
    const { elements } = await openDeferred();
    const { express, node } = await mountExpress(elements);
    express.on('click', (event) =>
      event.resolve({
        shippingAddressRequired: true,
        allowedShippingCountries: ['DE', 'FR'],
        shippingRates: [{ id: 'eu', displayName: 'EU shipping', amount: 900 }],
      }),
    );
    express.on('confirm', () => expect.fail('confirmed a sheet that cannot ship'));
    const cancelled = new Promise((resolve) => express.once('cancel', resolve));
    walletButton(node, 'Apple Pay').click();
    expect(sheetText()).to.contain('This merchant does not ship to United States.');
    await cancelled;
    expect(walletSheet()).to.equal(null);
  });

  it('closes the sheet on paymentFailed; the wallet then pays only in a new confirm event', async () => {
    const deferred = await openDeferred();
    const { express, node } = await mountExpress(deferred.elements);
    const confirming = nextConfirm(express);
    walletButton(node, 'Apple Pay').click();
    const event = await confirming;
    await deferred.elements.submit();
    expect(() => event.paymentFailed({ reason: 'nope' as 'fail' })).to.throw(/reason should be one of/);
    event.paymentFailed({ reason: 'fail', message: 'Sold out' });
    expect(walletSheet()).to.equal(null);
    expect(control.calls.filter((call) => call.method === 'expressCheckout.paymentFailed').at(-1)?.args).to.deep.equal([
      { reason: 'fail', message: 'Sold out' },
    ]);

    const order = await createOrder();
    const error = await rejection(confirmWith(deferred, order.payment.clientSecret));
    expect([error.name, error.message]).to.deep.equal([
      'IntegrationError',
      'Element confirming payment is "expressCheckout", but stripe.confirmPayment() was not called within the "confirm" event. Please call stripe.confirmPayment() in the "confirm" event (https://stripe.com/docs/js/elements_object/express_checkout_element_confirm_event)',
    ]);
    expect(stripeEvents()).to.deep.equal([]);
  });

  it('follows nextOutcome for a wallet payment too, and closes the sheet on a decline', async () => {
    const deferred = await openDeferred();
    const { express, node } = await mountExpress(deferred.elements);
    const confirming = nextConfirm(express);
    walletButton(node, 'Apple Pay').click();
    await confirming;
    await deferred.elements.submit();
    control.nextOutcome('card_declined');
    const order = await createOrder();
    expect((await confirmWith(deferred, order.payment.clientSecret)).error?.code).to.equal('card_declined');
    expect(walletSheet()).to.equal(null);
    expect((await readOrder(order.id)).status).to.equal('requires_payment');
  });

  for (const { where, node: place } of OUTSIDE_THE_DOCUMENT) {
    it(`refuses to mount ${where}, with the Payment Element's words`, async () => {
      const stripe = (await loadStripe(KEY))!;
      const express = stripe.elements({ mode: 'payment', amount: 999, currency: 'usd' }).create('expressCheckout');
      const node = await place();
      expect(() => express.mount(node))
        .to.throw('Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.')
        .with.property('name', 'IntegrationError');
      expect(node.childElementCount).to.equal(0);
      const light = await fixture<HTMLElement>(html`<div></div>`);
      const ready = new Promise((resolve) => express.once('ready', resolve));
      express.mount(light);
      await ready;
      expect(walletButtons(light)).to.have.length(3);
    });
  }
});
