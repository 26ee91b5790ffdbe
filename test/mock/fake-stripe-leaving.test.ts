// The test-mode fake of Stripe.js: payment methods that leave the page, and what the page that comes
// back retrieves.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { fakeStripeCards, installFakeStripe, type FakeStripeControl } from '../../src/mock/stripe/index.js';
import type { ShopPage } from '../pages/stripe-return.js';
import {
  fill,
  installTestStripe,
  openCheckout,
  readOrder,
  stripeEvents,
  uninstallTestStripe,
  type Checkout,
} from './fake-stripe-helpers.js';

describe('fake Stripe (test mode)', () => {
  let control: FakeStripeControl;

  beforeEach(() => (control = installTestStripe()));
  afterEach(() => uninstallTestStripe(control));

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
        .confirmPayment({
          elements: checkout.elements,
          redirect: 'if_required',
          confirmParams: { return_url: returnUrl },
        })
        .finally(() => (settled = true));
      return () => settled;
    };

    const leaving = [
      {
        how: `card ${fakeStripeCards.redirect}`,
        card: fakeStripeCards.redirect,
        outcome: undefined,
        redirectStatus: 'succeeded',
        status: 'succeeded',
        event: 'payment_intent.succeeded',
        order: 'paid',
      },
      {
        how: `card ${fakeStripeCards.redirectFailed}`,
        card: fakeStripeCards.redirectFailed,
        outcome: undefined,
        redirectStatus: 'failed',
        status: 'requires_payment_method',
        event: 'payment_intent.payment_failed',
        order: 'requires_payment',
      },
      {
        how: "nextOutcome('redirect')",
        card: fakeStripeCards.succeeds,
        outcome: 'redirect',
        redirectStatus: 'succeeded',
        status: 'succeeded',
        event: 'payment_intent.succeeded',
        order: 'paid',
      },
      {
        how: "nextOutcome('redirect_failed')",
        card: fakeStripeCards.succeeds,
        outcome: 'redirect_failed',
        redirectStatus: 'failed',
        status: 'requires_payment_method',
        event: 'payment_intent.payment_failed',
        order: 'requires_payment',
      },
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
        const stripeParams = new URLSearchParams({
          payment_intent: id,
          payment_intent_client_secret: secret,
          redirect_status: redirectStatus,
        });
        expect(navigations).to.deep.equal([`${location.origin}/shop/album?ref=tweet&q=a%20b&${stripeParams}#checkout`]);
        expect(eventsAtNavigation).to.deep.equal([1]);
        expect(stripeEvents()).to.deep.equal([{ type: event, clientSecret: secret }]);
        expect((await readOrder(order.id)).status).to.equal(orderStatus);

        // What the page that comes back reads: the PaymentIntent as Stripe has it.
        const { paymentIntent, error } = await checkout.stripe.retrievePaymentIntent(secret);
        expect(error).to.equal(undefined);
        expect(paymentIntent).to.include({
          id,
          object: 'payment_intent',
          status,
          client_secret: secret,
          livemode: false,
        });
        if (redirectStatus === 'failed') {
          expect(paymentIntent!.last_payment_error).to.deep.equal({
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
          });
          expect(paymentIntent!.payment_method).to.equal(null);
        } else {
          expect(paymentIntent!.last_payment_error).to.equal(null);
          expect(paymentIntent!.payment_method).to.match(/^pm_/);
        }
        expect(settled()).to.equal(false);
        expect(
          control.calls.filter((call) => call.method === 'stripe.retrievePaymentIntent').map((call) => call.args),
        ).to.deep.equal([[secret]]);
      });
    }

    it('appends to a return_url without a query, and keeps one without a fragment', async () => {
      const checkout = await openCheckout();
      fill(checkout.node, fakeStripeCards.redirect);
      confirmLeaving(checkout, `${location.origin}/thanks`);
      await waitUntil(() => navigations.length > 0, 'the page did not leave');
      const back = new URL(navigations[0]);
      expect(back.pathname + back.hash).to.equal('/thanks');
      expect([...back.searchParams.keys()]).to.deep.equal([
        'payment_intent',
        'payment_intent_client_secret',
        'redirect_status',
      ]);
    });

    it("answers Stripe's error, and stays, when such a method has no return_url", async () => {
      const { order, node, stripe, elements } = await openCheckout();
      fill(node, fakeStripeCards.redirect);
      const { error } = await stripe.confirmPayment({ elements, redirect: 'if_required' });
      expect(error).to.include({ type: 'invalid_request_error' });
      expect(error!.message).to.match(/return_url' must be specified/);
      expect(navigations).to.deep.equal([]);
      expect(stripeEvents()).to.deep.equal([]);
      expect((await stripe.retrievePaymentIntent(order.payment.clientSecret)).paymentIntent?.status).to.equal(
        'requires_payment_method',
      );
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
    expect(stripeEvents()).to.deep.equal([
      { type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret },
    ]);
    expect((await readOrder(order.id)).status).to.equal('paid');
    expect((await stripe.retrievePaymentIntent(order.payment.clientSecret)).paymentIntent?.status).to.equal(
      'succeeded',
    );
    expect((await confirm()).error?.code).to.equal('payment_intent_unexpected_state');
  });

  it('retrieves a PaymentIntent as Stripe has it: unpaid, declined, paid, and after another installation', async () => {
    const { order, node, stripe, confirm } = await openCheckout();
    const secret = order.payment.clientSecret;
    const retrieve = async () => (await stripe.retrievePaymentIntent(secret)).paymentIntent;
    expect(await retrieve()).to.include({
      status: 'requires_payment_method',
      last_payment_error: null,
      payment_method: null,
    });

    fill(node, fakeStripeCards.insufficientFunds);
    await confirm();
    expect((await retrieve())!.last_payment_error).to.include({
      type: 'card_error',
      decline_code: 'insufficient_funds',
    });

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
      expect((thrown as Error).message).to.match(
        /^Invalid value for retrievePaymentIntent: clientSecret should be a client secret/,
      );
    }
    expect(control.calls.filter((call) => call.method === 'stripe.retrievePaymentIntent')).to.have.length(6);
  });
});

describe('fake Stripe: a page that really leaves and comes back', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  const loaded = (frame: HTMLIFrameElement) =>
    new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

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
    expect(search).to.match(
      /^\?from=tweet&payment_intent=pi_\w+&payment_intent_client_secret=pi_\w+_secret_\w+&redirect_status=succeeded$/,
    );
    expect(hash).to.equal('#buy');
    expect(await returned.orderStatus(orderId)).to.equal('paid');
  });
});
