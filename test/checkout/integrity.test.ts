// Every order exactly as the buyer saw it (issue 8, docs/partners/protocol.md and docs/publishers/checkout.md): what was sent is what is
// ordered, shown and paid; unclear answers are checked; a reload loses nothing and orders nothing twice.
import { expect, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { BuyTweetPurchaseEvent } from '../../src/buy-tweet/events.js';
import '../../src/define.js';
import { getStripe } from '../../src/checkout/stripe.js';

import { waitUntil } from '../wait.js';
import { mock, worker } from '../setup.js';
import {
  buy,
  card,
  CARD_OK,
  pay,
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
afterEach(() => localStorage.clear());

const ALBUM = 'https://gumroad.com/l/new-album';
const GUMROAD_ORDERS = 'https://gumroad.com/.well-known/buy-tweet/v1/orders';

/** A card for the album, checkout open, email typed. */
const albumCheckout = async () => {
  const el = await card(ALBUM);
  await openCheckout(el);
  await fill(el, 'email', 'buyer@example.com');
  return el;
};

/** Lets the mock answer `POST /orders` only when `release()` is called; `waiting` counts the requests held. */
const heldOrders = () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const hold = { release, waiting: 0 };
  worker.use(
    http.post(GUMROAD_ORDERS, async ({ request }) => {
      hold.waiting++;
      await held;
      // On to the mock partner's own handler, as if nothing had been in between.
      return fetch(
        new Request(
          request.url.replace('https://gumroad.com/.well-known/buy-tweet', `${location.origin}/gumroad`),
          request,
        ),
      );
    }),
  );
  return hold;
};

describe('what was sent is what is ordered', () => {
  it('keeps the details inert while the order is on its way, and draws the receipt from what was sent', async () => {
    const hold = heldOrders();
    const el = await albumCheckout();
    fillCard(el, CARD_OK);
    payButton(el).click();
    await waitUntil(() => inDialog(el, '.details')?.hasAttribute('inert'), 'the details stayed live');
    await waitUntil(() => hold.waiting === 1, 'the order did not leave');
    // What a script (or a slipped finger) does meanwhile changes nothing that was sent.
    await fill(el, 'variantId', 'var_flac');
    await fill(el, 'quantity', '3');
    expect(textOf(payButton(el))).to.equal('Paying…');
    hold.release();
    await waitUntil(() => receiptOf(el), 'no receipt');
    const receipt = textOf(receiptOf(el));
    expect(receipt).to.contain('New Album (Digital) (MP3) × 1');
    expect(receipt).to.contain('$9.99');
    expect(orderRequests()[0].body).to.deep.include({ variantId: 'var_mp3', quantity: 1 });
  });

  it('refuses an order whose total is not the total shown: nothing paid, the details to change', async () => {
    worker.use(
      http.post(GUMROAD_ORDERS, () =>
        HttpResponse.json(
          {
            id: 'ord_x',
            status: 'requires_payment',
            total: { amount: 99999, currency: 'USD' },
            payment: { type: 'stripe', clientSecret: 'pi_1_secret_2', publishableKey: 'pk_test_x' },
          },
          { status: 201 },
        ),
      ),
    );
    const el = await albumCheckout();
    fillCard(el, CARD_OK);
    const before = stripe.calls.length;
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'invalid_response', step: 'order' });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.error'))).to.equal(
      "Gumroad sent an answer that can't be used. Nothing was charged: change your details or try again.",
    );
    expect(stripe.calls.slice(before).some((call) => call.method === 'stripe.confirmPayment')).to.equal(false);
    expect(payButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect(inDialog<HTMLInputElement>(el, '[name="email"]')).to.exist;
    await expect(checkoutOf(el)).to.be.accessible();
  });

  const BAD_TOTALS: Array<[string, unknown]> = [
    ['a string amount', { amount: '12.99', currency: 'USD' }],
    ['another currency', { amount: 1299, currency: 'EUR' }],
    ['a fraction', { amount: 12.99, currency: 'USD' }],
    ['no total', undefined],
  ];
  for (const [what, total] of BAD_TOTALS) {
    it(`calls a price_changed with ${what} invalid_response, never a new total`, async () => {
      worker.use(
        http.post(GUMROAD_ORDERS, () =>
          HttpResponse.json({ error: { code: 'price_changed', message: 'New price.', total } }, { status: 409 }),
        ),
      );
      const el = await albumCheckout();
      fillCard(el, CARD_OK);
      const failed = oneEvent(el, 'buy-tweet-error');
      payButton(el).click();
      expect((await failed).detail).to.include({ code: 'invalid_response', step: 'order' });
      await checkoutOf(el).updateComplete;
      expect(textOf(payButton(el))).to.equal('Pay $9.99');
      expect(inDialog(el, '.notice')).to.equal(null);
    });
  }
});

describe('a reload loses nothing', () => {
  /** The page again, as after a reload: a new element for the same product, the same sessionStorage. */
  const reload = async (el: BuyTweetElement) => {
    el.remove();
    return card(ALBUM);
  };

  it('continues an attempt whose answer never came back: the same key, one order', async () => {
    // The partner takes the order, but its answers are lost on the way (three times: the retries
    // too), and the buyer reloads.
    let lost = 0;
    worker.use(
      http.post(GUMROAD_ORDERS, async ({ request }) => {
        const answer = await fetch(
          new Request(
            request.url.replace('https://gumroad.com/.well-known/buy-tweet', `${location.origin}/gumroad`),
            request,
          ),
        );
        return ++lost <= 3 ? HttpResponse.error() : answer;
      }),
    );
    const el = await albumCheckout();
    fillCard(el, CARD_OK);
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'network', step: 'order' });
    expect(mock.ordersCreated).to.equal(1);
    const again = await reload(el);
    await openCheckout(again);
    expect(inDialog<HTMLInputElement>(again, '[name="email"]')!.value).to.equal('buyer@example.com');
    await buy(again);
    const keys = new Set(orderRequests().map((request) => request.headers['idempotency-key']));
    expect(orderRequests()).to.have.length(4);
    expect(keys.size).to.equal(1);
    expect(mock.ordersCreated).to.equal(1);
  });

  it('continues with the order Pay made, and pays it once', async () => {
    const el = await albumCheckout();
    fillCard(el, '4000 0000 0000 0002');
    await pay(el);
    expect(mock.ordersCreated).to.equal(1);
    const [ordered] = mock.orders;
    const again = await reload(el);
    await openCheckout(again);
    await buy(again);
    expect(textOf(receiptOf(again))).to.contain(ordered.order.id);
    expect(mock.ordersCreated).to.equal(1);
    expect(orderRequests()).to.have.length(1);
    // Over: the next Buy is a new purchase.
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('buy-tweet:attempt'))).to.deep.equal([]);
  });

  it('keeps no card data and no client secret', async () => {
    const el = await albumCheckout();
    fillCard(el, '4000 0000 0000 0002');
    await pay(el);
    const kept = Object.keys(sessionStorage)
      .filter((key) => key.startsWith('buy-tweet:attempt'))
      .map((key) => sessionStorage.getItem(key))
      .join(' ');
    expect(kept).to.contain('buyer@example.com');
    expect(kept).to.contain('"orderId"');
    expect(kept).to.not.match(/_secret_|4000 ?0000/);
  });
});

describe('unclear answers and secrets', () => {
  it("checks with Stripe and the partner when the confirmation's answer is lost: the payment that went through shows its receipt", async () => {
    const el = await albumCheckout();
    fillCard(el, CARD_OK);
    // Stripe takes the payment; its answer to the page is a connection error.
    stripe.nextOutcome('lost');
    const purchased = oneEvent(el, 'buy-tweet-purchase');
    payButton(el).click();
    expect((await purchased).detail.order.status).to.equal('paid');
    expect(receiptOf(el)).to.exist;
    expect(stripe.calls.some((call) => call.method === 'stripe.retrievePaymentIntent')).to.equal(true);
    expect(mock.ordersCreated).to.equal(1);
  });

  it('checks with the partner too when the confirmation rejects outright', async () => {
    const el = await albumCheckout();
    fillCard(el, CARD_OK);
    // A rejection after the payment went through (an extension, a crashed frame): the partner knows.
    const { checkout } = checkoutOf(el).product;
    const instance = (await getStripe(checkout.type === 'stripe' ? checkout.publishableKey : '')) as unknown as {
      confirmPayment: (...args: unknown[]) => Promise<unknown>;
    };
    const confirm = instance.confirmPayment;
    instance.confirmPayment = async (...args) => {
      await confirm.apply(instance, args);
      throw new TypeError('Failed to fetch');
    };
    try {
      const purchased = oneEvent(el, 'buy-tweet-purchase');
      payButton(el).click();
      expect((await purchased).detail.order.status).to.equal('paid');
    } finally {
      // The instance is kept for the page's life: the next test pays with it.
      instance.confirmPayment = confirm;
    }
  });

  it('says a payment failed when neither Stripe nor the partner saw it go through', async () => {
    const el = await albumCheckout();
    fillCard(el, CARD_OK);
    stripe.nextOutcome({ error: { type: 'api_error', message: 'Something went wrong at Stripe.' } });
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'payment_failed', step: 'payment' });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.error'))).to.equal('Something went wrong at Stripe.');
    expect(receiptOf(el)).to.equal(null);
  });

  it('fires buy-tweet-purchase as a typed event without the payment (no client secret for every script)', async () => {
    const el = await albumCheckout();
    fillCard(el, CARD_OK);
    const purchased = oneEvent(document, 'buy-tweet-purchase');
    payButton(el).click();
    const event = await purchased;
    expect(event).to.be.instanceOf(BuyTweetPurchaseEvent);
    expect(event.detail.order).to.not.have.property('payment');
    expect(JSON.stringify(event.detail)).to.not.match(/_secret_/);
    expect(event.composed && event.bubbles).to.equal(true);
  });

  it('saves remember-me only once the order exists', async () => {
    mock.inject('404', { route: 'orders', times: 1 });
    const el = await albumCheckout();
    const box = inDialog<HTMLInputElement>(el, '[name="remember"]')!;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    fillCard(el, CARD_OK);
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    await failed;
    expect(localStorage.getItem('buy-tweet:buyer')).to.equal(null);
    await buy(el);
    expect(JSON.parse(localStorage.getItem('buy-tweet:buyer')!).email).to.equal('buyer@example.com');
  });
});
