// The fault matrix of issue 8: for each thing the partner, Stripe or the network does wrong at the
// order and payment steps, what the buyer sees, and that the partner made at most one order, also
// once the buyer presses again and the purchase goes through.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { createOrder } from '../../src/core/protocol.js';
import { BuyTweetError } from '../../src/core/errors.js';
import '../../src/define.js';
import { fakeStripeCards } from '../../src/mock/stripe/index.js';
import { waitUntil } from '../wait.js';
import { mock } from '../setup.js';
import {
  buy,
  card,
  CARD_OK,
  checkoutOf,
  fill,
  fillCard,
  inDialog,
  openCheckout,
  orderRequests,
  payButton,
  receiptOf,
  textOf,
  useFakeStripe,
} from './helpers.js';

const stripe = useFakeStripe();

const albumCheckout = async (): Promise<BuyTweetElement> => {
  const el = await card('https://gumroad.com/l/new-album');
  await openCheckout(el);
  await fill(el, 'email', 'buyer@example.com');
  return el;
};

/** Pay, and what the buyer reads once the order failed. */
const failedOrder = async (el: BuyTweetElement) => {
  fillCard(el, CARD_OK);
  const failed = oneEvent(el, 'buy-tweet-error');
  payButton(el).click();
  const { detail } = await failed;
  await checkoutOf(el).updateComplete;
  return { detail, shown: textOf(inDialog(el, '.error')) };
};

const keys = () => new Set(orderRequests().map((request) => request.headers['idempotency-key']));

/** [fault at POST /orders, error code, what the buyer reads, requests before the error shows] */
const ORDER_FAULTS: Array<[string, string, string, number]> = [
  ['500*3', 'partner_error', 'Gumroad had a problem taking the order. Nothing was charged: try again.', 3],
  ['503*3', 'partner_error', 'Gumroad had a problem taking the order. Nothing was charged: try again.', 3],
  ['429*3', 'partner_error', 'Gumroad had a problem taking the order. Nothing was charged: try again.', 3],
  ['network*3', 'network', 'Gumroad could not be reached. Your details are kept: try again.', 3],
  [
    'malformed',
    'invalid_response',
    "Gumroad sent an answer that can't be used. Nothing was charged: change your details or try again.",
    1,
  ],
  [
    'oversize',
    'invalid_response',
    "Gumroad sent an answer that can't be used. Nothing was charged: change your details or try again.",
    1,
  ],
  [
    'schema',
    'invalid_response',
    "Gumroad sent an answer that can't be used. Nothing was charged: change your details or try again.",
    1,
  ],
  // The partner's own code passes on (docs/publishers/events.md); the buyer reads no partner's words.
  ['404', 'not_found', 'Gumroad had a problem taking the order. Nothing was charged: try again.', 1],
];

describe('fault matrix: the order step', () => {
  for (const [fault, code, shown, requests] of ORDER_FAULTS) {
    it(`${fault}: says so, keeps the details, and the next Pay makes the one order`, async () => {
      mock.inject(fault, { route: 'orders' });
      const el = await albumCheckout();
      const failure = await failedOrder(el);
      expect(failure.detail).to.include({ code, step: 'order' });
      expect(failure.shown).to.equal(shown);
      expect(orderRequests()).to.have.length(requests);
      expect(mock.ordersCreated).to.be.at.most(1);
      expect(inDialog<HTMLInputElement>(el, '[name="email"]')!.value).to.equal('buyer@example.com');
      await expect(checkoutOf(el)).to.be.accessible();
      // Pressing again: the same details are the same attempt, under the same key.
      await buy(el);
      expect(keys().size).to.equal(1);
      expect(mock.ordersCreated).to.equal(1);
    });
  }

  it('timeout: a partner that does not answer in time is a network error; the retry under the same key finds the one order', async () => {
    mock.inject('slow-400', { route: 'orders', times: 1 });
    const request = {
      productId: 'prod_album',
      variantId: 'var_mp3',
      quantity: 1,
      email: 'buyer@example.com',
      shipping: null,
      expectedTotal: { amount: 999, currency: 'USD' },
      source: {},
    };
    const endpoint = 'https://gumroad.com/.well-known/buy-tweet/v1';
    const error = await createOrder(endpoint, request, 'key-timeout', { timeout: 50, retries: 0 }).catch(
      (rejected: unknown) => rejected,
    );
    expect(error).to.be.instanceOf(BuyTweetError);
    expect(error).to.include({ code: 'network', step: 'order', retryable: true });
    // The partner took the order all the same, late; asking again under the key finds it.
    await waitUntil(() => mock.ordersCreated === 1, 'the partner never took the order');
    const order = await createOrder(endpoint, request, 'key-timeout');
    expect(order.id).to.equal(mock.orders[0].order.id);
    expect(mock.ordersCreated).to.equal(1);
  });

  it('abort: a request given up on is no failure to show, and no second order', async () => {
    const controller = new AbortController();
    mock.inject('hang', { route: 'orders' });
    const request = {
      productId: 'prod_album',
      quantity: 1,
      email: 'buyer@example.com',
      shipping: null,
      expectedTotal: { amount: 999, currency: 'USD' },
      source: {},
    };
    const sent = createOrder('https://gumroad.com/.well-known/buy-tweet/v1', request, 'key-abort', {
      signal: controller.signal,
    });
    await waitUntil(() => orderRequests().length === 1, 'the order did not leave');
    controller.abort();
    const error = await sent.catch((rejected: unknown) => rejected);
    expect((error as Error).name).to.equal('AbortError');
    expect(orderRequests()).to.have.length(1);
    expect(mock.ordersCreated).to.equal(0);
  });
});

describe('fault matrix: the payment step', () => {
  it("3-D Secure: the bank's check, then the receipt, one order", async () => {
    const el = await albumCheckout();
    fillCard(el, fakeStripeCards.threeDSecure);
    payButton(el).click();
    const form = () =>
      inDialog<HTMLSlotElement>(el, 'slot[name="payment"]')!
        .assignedElements({ flatten: true })[0]
        .querySelector('.buy-tweet-fake-stripe')!.shadowRoot!;
    const complete = () => [...form().querySelectorAll('button')].find((button) => button.textContent === 'Complete');
    await waitUntil(complete, 'no 3-D Secure panel');
    complete()!.click();
    await waitUntil(() => receiptOf(el), 'no receipt');
    expect(mock.ordersCreated).to.equal(1);
  });

  it('offline mid-payment: Stripe cannot be reached, nothing went through, Pay again works', async () => {
    const el = await albumCheckout();
    fillCard(el, fakeStripeCards.succeeds);
    stripe.nextOutcome({
      error: {
        type: 'api_connection_error',
        message:
          'We are experiencing issues connecting to our payments provider. Please check your internet connection.',
      },
    });
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'payment_failed', step: 'payment' });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.error'))).to.contain('Please check your internet connection.');
    payButton(el).click();
    await waitUntil(() => receiptOf(el), 'no receipt');
    expect(mock.ordersCreated).to.equal(1);
  });
});

describe('fault matrix: the lookup', () => {
  /** [fault at GET /products, error code, what the card says, requests] */
  const LOOKUP_FAULTS: Array<[string, string, string, number]> = [
    ['oversize', 'invalid_response', "Gumroad sent product details that can't be shown.", 1],
    ['malformed', 'invalid_response', "Gumroad sent product details that can't be shown.", 1],
    ['503*3', 'partner_error', 'Gumroad is having trouble right now.', 3],
  ];
  for (const [fault, code, shown, requests] of LOOKUP_FAULTS) {
    it(`${fault}: the card says so, with the product link to fall back on`, async () => {
      mock.inject(fault, { route: 'products' });
      const failed = oneEvent(document, 'buy-tweet-error');
      const el = await fixture<BuyTweetElement>(
        html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
      );
      expect((await failed).detail).to.include({ code, step: 'lookup' });
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal(shown);
      expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="fallback-link"]')!.href).to.equal(
        'https://gumroad.com/l/new-album',
      );
      expect(mock.requests.filter((request) => request.route === 'products')).to.have.length(requests);
      expect(mock.ordersCreated).to.equal(0);
    });
  }
});
