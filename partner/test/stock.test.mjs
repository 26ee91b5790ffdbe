// Stock at the reference partner, on each store: units held by unpaid orders and counted by SQL
// under concurrency, sold once paid, given back on failure and after 30 minutes unpaid (the clock
// injected), when the order's PaymentIntent is canceled at the Stripe stand-in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CatalogError, openStore, readCatalog } from '@buy-tweet/partner';
import { paymentIntentEvent, signedEvent, startStripeApi } from '@buy-tweet/partner/test-kit';
import {
  exampleCatalog,
  lookup,
  newKey,
  partnerOn,
  postOrder,
  postWebhook,
  readOrder,
  storeKinds,
  WEBHOOK_SECRET,
} from './harness.mjs';

const MINUTE = 60_000;

/** The example catalogue, and a signed print (3 units) and a shirt whose size S has 1; `n` tells products apart. */
const stockCatalog = (n = '') => ({
  products: [
    ...exampleCatalog.products,
    {
      id: `prod_print${n}`,
      url: `https://theband.example/shop/print${n}`,
      title: 'Signed Print',
      merchant: { name: 'The Band' },
      price: { amount: 4000, currency: 'USD' },
      availability: 'in_stock',
      maxQuantity: 3,
      stock: 3,
    },
    {
      id: `prod_shirt${n}`,
      url: `https://theband.example/shop/shirt${n}`,
      title: 'Tour Shirt',
      merchant: { name: 'The Band' },
      price: { amount: 2500, currency: 'USD' },
      availability: 'in_stock',
      variants: [
        { id: 'var_s', title: 'S', stock: 1 },
        { id: 'var_m', title: 'M' },
      ],
    },
  ],
});

const printOrder = (n, quantity = 1) => ({
  productId: `prod_print${n}`,
  quantity,
  email: 'buyer@example.com',
  shipping: null,
  expectedTotal: { amount: 4000 * quantity, currency: 'USD' },
  source: {},
});

const shirtOrder = (n, variantId) => ({
  productId: `prod_shirt${n}`,
  variantId,
  quantity: 1,
  email: 'buyer@example.com',
  shipping: null,
  expectedTotal: { amount: 2500, currency: 'USD' },
  source: {},
});

let made = 0;

/**
 * A partner over a stock catalogue of products of its own (on a store that may hold others'),
 * its clock in the test's hands.
 */
const stockedPartner = (store, stripe) => {
  const n = `_${(made += 1)}`;
  let time = Date.now();
  const partner = partnerOn(store, stripe, { catalog: stockCatalog(n), paymentLinks: false, now: () => time });
  const intentsBefore = stripe.paymentIntents.size;
  return {
    partner,
    stripe,
    later: (ms) => {
      time += ms;
    },
    printOrder: (quantity) => printOrder(n, quantity),
    shirtOrder: (variantId) => shirtOrder(n, variantId),
    intentsMade: () => stripe.paymentIntents.size - intentsBefore,
    availability: async (what = 'print') =>
      (await (await lookup(partner, `https://theband.example/shop/${what}${n}`)).json()).products[0],
    order: async (body, key = newKey()) => {
      const response = await postOrder(partner, key, body);
      return { status: response.status, body: await response.json() };
    },
    statusOf: async (id) => (await (await readOrder(partner, id)).json()).status,
    event: async (type, intent) => {
      const { payload, signature } = await signedEvent(paymentIntentEvent(type, intent), WEBHOOK_SECRET);
      return (await postWebhook(partner, payload, signature)).json();
    },
  };
};

const intentOf = (order) => order.payment.clientSecret.split('_secret_')[0];

describe('catalogue stock', () => {
  test('reads a stock on an entry and on its variants', () => {
    const entries = readCatalog(stockCatalog(), 'pk_test_example');
    assert.deepEqual(
      entries.flatMap((entry) => entry.stock),
      [
        { productId: 'prod_print', variantId: null, units: 3 },
        { productId: 'prod_shirt', variantId: 'var_s', units: 1 },
      ],
    );
  });

  for (const [why, stock] of [
    ['negative', -1],
    ['fractional', 1.5],
    ['text', '3'],
    ['too large', 2 ** 31],
  ]) {
    test(`refuses a ${why} stock, on an entry and on a variant`, () => {
      const [print, shirt] = stockCatalog().products.slice(-2);
      for (const products of [[{ ...print, stock }], [{ ...shirt, variants: [{ id: 'var_s', title: 'S', stock }] }]]) {
        assert.throws(
          () => readCatalog({ products }, 'pk_test_example'),
          (error) => error instanceof CatalogError && /stock .*must be a whole number of units/.test(error.message),
        );
      }
    });
  }
});

for (const kind of storeKinds) {
  describe(`partner stock on ${kind.name}`, () => {
    let store;
    let stripe;
    before(async () => {
      store = await openStore(await kind.options());
      stripe = await startStripeApi();
    });
    after(async () => {
      await store.close();
      await stripe.close();
    });
    test('50 concurrent orders for 3 units make 3 orders, 3 PaymentIntents and 47 sold_out', async () => {
      const running = stockedPartner(store, stripe);
      const results = await Promise.all(Array.from({ length: 50 }, () => running.order(running.printOrder())));
      assert.equal(results.filter(({ status }) => status === 201).length, 3);
      const refused = results.filter(({ status }) => status === 409);
      assert.equal(refused.length, 47);
      for (const { body } of refused) assert.equal(body.error.code, 'sold_out');
      assert.equal(running.intentsMade(), 3);
      assert.equal((await running.availability()).availability, 'sold_out');
    });

    test('a replay of one Idempotency-Key holds its units once', async () => {
      const running = stockedPartner(store, stripe);
      const key = newKey();
      const replays = await Promise.all(Array.from({ length: 10 }, () => running.order(running.printOrder(2), key)));
      assert.equal(new Set(replays.map(({ body }) => body.id)).size, 1);
      assert.deepEqual(replays.map(({ status }) => status).sort(), [...Array(9).fill(200), 201]);
      // Two of three units held, once: one more unit is free, and no more.
      assert.equal((await running.order(running.printOrder())).status, 201);
      const refused = await running.order(running.printOrder());
      assert.equal(refused.status, 409);
      assert.deepEqual(refused.body, { error: { code: 'sold_out', message: 'Sold out.' } });
    });

    test('an order for more units than are free is sold_out, and says how many are', async () => {
      const running = stockedPartner(store, stripe);
      assert.equal((await running.order(running.printOrder(2))).status, 201);
      const refused = await running.order(running.printOrder(2));
      assert.equal(refused.status, 409);
      assert.deepEqual(refused.body.error, { code: 'sold_out', message: 'Only 1 left.' });
      assert.equal((await running.availability()).availability, 'in_stock');
    });

    test('held units come back 30 minutes later: the PaymentIntent canceled, the order canceled', async () => {
      const running = stockedPartner(store, stripe);
      const { body: order } = await running.order(running.printOrder(3));
      assert.equal((await running.availability()).availability, 'sold_out');
      running.later(29 * MINUTE);
      await running.partner.sweep();
      assert.equal((await running.availability()).availability, 'sold_out');
      assert.equal(await running.statusOf(order.id), 'requires_payment');

      running.later(2 * MINUTE);
      await running.partner.sweep();
      const intent = running.stripe.paymentIntents.get(intentOf(order));
      assert.equal(intent.status, 'canceled');
      assert.equal(intent.cancellation_reason, 'abandoned');
      assert.equal(await running.statusOf(order.id), 'canceled');
      assert.equal((await running.availability()).availability, 'in_stock');
      assert.equal((await running.order(running.printOrder(3))).status, 201);
    });

    test("a paid order's units stay sold", async () => {
      const running = stockedPartner(store, stripe);
      const { body: order } = await running.order(running.printOrder(3));
      const paid = await running.event('payment_intent.succeeded', running.stripe.succeed(intentOf(order)));
      assert.deepEqual(paid, { received: true, applied: true });
      running.later(31 * MINUTE);
      await running.partner.sweep();
      assert.equal(await running.statusOf(order.id), 'paid');
      assert.equal((await running.availability()).availability, 'sold_out');
      assert.equal((await running.order(running.printOrder())).status, 409);
    });

    test('a failed payment gives its units back, and its PaymentIntent is canceled 30 minutes on', async () => {
      const running = stockedPartner(store, stripe);
      const { body: order } = await running.order(running.printOrder(3));
      const intent = running.stripe.paymentIntents.get(intentOf(order));
      assert.deepEqual(await running.event('payment_intent.payment_failed', intent), {
        received: true,
        applied: true,
      });
      assert.equal(await running.statusOf(order.id), 'failed');
      assert.equal((await running.availability()).availability, 'in_stock');
      assert.equal((await running.order(running.printOrder(3))).status, 201);

      running.later(31 * MINUTE);
      await running.partner.sweep();
      assert.equal(intent.status, 'canceled');
      assert.equal(await running.statusOf(order.id), 'canceled');
    });

    test("a variant's stock: its own units, and the lookup says which variant is sold out", async () => {
      const running = stockedPartner(store, stripe);
      assert.equal((await running.order(running.shirtOrder('var_s'))).status, 201);
      const refused = await running.order(running.shirtOrder('var_s'));
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'sold_out');
      assert.equal((await running.order(running.shirtOrder('var_m'))).status, 201);
      const shirt = await running.availability('shirt');
      assert.equal(shirt.availability, 'in_stock');
      assert.deepEqual(
        shirt.variants.map(({ id, availability }) => [id, availability ?? shirt.availability]),
        [
          ['var_s', 'sold_out'],
          ['var_m', 'in_stock'],
        ],
      );
    });

    test('a cancel that fails at Stripe still gives the units back, and is tried again later', async () => {
      const running = stockedPartner(store, stripe);
      const { body: order } = await running.order(running.printOrder(3));
      const intent = running.stripe.paymentIntents.get(intentOf(order));
      const heal = running.stripe.fail({ method: 'POST', path: /\/cancel$/ });
      running.later(31 * MINUTE);
      await running.partner.sweep();
      assert.equal(await running.statusOf(order.id), 'canceled');
      assert.equal((await running.availability()).availability, 'in_stock');
      assert.equal(intent.status, 'requires_payment_method');

      heal();
      running.later(2 * MINUTE);
      await running.partner.sweep();
      assert.equal(intent.status, 'canceled');
      const settled = await store.getOrder(order.id);
      assert.equal(settled.cancelDueAt, null, 'nothing more to try');
      assert.equal(settled.status, 'canceled');
    });

    test('an order paid at Stripe without its webhook yet is paid, not canceled, when it expires', async () => {
      const running = stockedPartner(store, stripe);
      const { body: order } = await running.order(running.printOrder(3));
      // Stripe refuses to cancel a succeeded PaymentIntent (payment_intent_unexpected_state).
      running.stripe.succeed(intentOf(order));
      running.later(31 * MINUTE);
      await running.partner.sweep();
      const read = await (await readOrder(running.partner, order.id)).json();
      assert.equal(read.status, 'paid');
      assert.match(read.receiptUrl, /^https:\/\/pay\.stripe\.com\/receipts\//);
      assert.equal(running.stripe.paymentIntents.get(intentOf(order)).status, 'succeeded');
      assert.equal((await running.availability()).availability, 'sold_out');
    });
  });
}
