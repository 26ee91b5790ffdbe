// The mock partner over real HTTP (docs/partners/protocol.md and docs/partners/mock-partner.md): its orders. Runs against the build:
//   npx tsc -p . && node --test test/mock/
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogue, fixtureTweets } from '../../dist/esm/mock/fixtures.js';
import {
  address,
  album,
  albumOrder,
  endpoint,
  flac,
  lookup,
  mock,
  postOrder,
  poster,
  posterOrder,
  server,
  useMockPartnerServer,
} from './server-helpers.mjs';

useMockPartnerServer();

describe('orders', () => {
  test('are created once per Idempotency-Key: 201, then 200 with the same order', async () => {
    const key = crypto.randomUUID();
    const first = await postOrder('gumroad', albumOrder(), key);
    assert.equal(first.status, 201);
    const order = await first.json();
    assert.match(order.id, /^ord_/);
    assert.equal(order.status, 'requires_payment');
    assert.deepEqual(order.total, { amount: flac.price.amount * 2, currency: 'USD' });
    assert.equal(order.payment.type, 'stripe');
    assert.match(order.payment.clientSecret, /^pi_\w+_secret_\w+$/);
    assert.equal(order.payment.publishableKey, album.checkout.publishableKey);

    const replay = await postOrder('gumroad', albumOrder(), key);
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), order);
    assert.equal(mock.ordersCreated, 1);
    assert.equal(mock.orders[0].request.source.tweetId, fixtureTweets.newAlbum.id);
  });

  test('refuse a key reused with another body: 409 idempotency_conflict', async () => {
    const key = crypto.randomUUID();
    assert.equal((await postOrder('gumroad', albumOrder(), key)).status, 201);
    const conflict = await postOrder('gumroad', albumOrder({ email: 'other@example.com' }), key);
    assert.equal(conflict.status, 409);
    assert.equal((await conflict.json()).error.code, 'idempotency_conflict');
    assert.equal(mock.ordersCreated, 1);
  });

  test('need an Idempotency-Key', async () => {
    const response = await postOrder('gumroad', albumOrder(), null);
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.code, 'invalid_request');
    assert.equal(mock.ordersCreated, 0);
  });

  test('name every field that is wrong: 422', async () => {
    const response = await postOrder(
      'gumroad',
      posterOrder({
        email: 'not-an-email',
        quantity: 9,
        variantId: 'var_nope',
        shipping: { ...address, postalCode: 'ABC', city: '' },
      }),
    );
    assert.equal(response.status, 422);
    const { error } = await response.json();
    assert.equal(error.code, 'invalid_request');
    assert.deepEqual(Object.keys(error.fields).sort(), [
      'email',
      'quantity',
      'shipping.city',
      'shipping.postalCode',
      'variantId',
    ]);
    assert.equal(error.fields.email, 'Enter a valid email');
    assert.equal(mock.ordersCreated, 0);
  });

  test('want shipping only for products that ship, and a variant only where there are some', async () => {
    const missingShipping = await (await postOrder('gumroad', posterOrder({ shipping: null }))).json();
    assert.deepEqual(missingShipping.error.fields, { shipping: 'Enter a shipping address' });
    const extraShipping = await (await postOrder('gumroad', albumOrder({ shipping: address }))).json();
    assert.deepEqual(Object.keys(extraShipping.error.fields), ['shipping']);
    const noVariant = await (await postOrder('gumroad', albumOrder({ variantId: null }))).json();
    assert.deepEqual(Object.keys(noVariant.error.fields), ['variantId']);
  });

  test('refuse a total the buyer did not see: 409 price_changed with the total', async () => {
    const response = await postOrder(
      'gumroad',
      albumOrder({ expectedTotal: { amount: album.price.amount * 2, currency: 'USD' } }),
    );
    assert.equal(response.status, 409);
    const { error } = await response.json();
    assert.equal(error.code, 'price_changed');
    assert.deepEqual(error.total, { amount: flac.price.amount * 2, currency: 'USD' });
    assert.equal(mock.ordersCreated, 0);
  });

  test('follow a price changed by the test', async () => {
    mock.updateProduct(poster.id, { price: { amount: 2900, currency: 'USD' } });
    const { products } = await (await lookup('gumroad', [poster.url])).json();
    assert.equal(products[0].price.amount, 2900);
    const response = await postOrder('gumroad', posterOrder());
    assert.equal(response.status, 409);
    assert.deepEqual((await response.json()).error.total, { amount: 2900, currency: 'USD' });
  });

  test('refuse what is sold out: 409 sold_out, for products and variants', async () => {
    const zine = catalogue.zine.product;
    const soldOut = await postOrder('gumroad', {
      productId: zine.id,
      quantity: 1,
      email: 'buyer@example.com',
      shipping: null,
      expectedTotal: zine.price,
      source: {},
    });
    assert.equal(soldOut.status, 409);
    assert.equal((await soldOut.json()).error.code, 'sold_out');

    const lamp = catalogue.walnutLamp.product;
    const ebonized = lamp.variants.find((variant) => variant.availability === 'sold_out');
    const variantSoldOut = await postOrder('fancy', {
      productId: lamp.id,
      variantId: ebonized.id,
      quantity: 1,
      email: 'buyer@example.com',
      shipping: { ...address, country: 'PT', postalCode: '1100-148' },
      expectedTotal: ebonized.price,
      source: {},
    });
    assert.equal(variantSoldOut.status, 409);
    assert.equal((await variantSoldOut.json()).error.code, 'sold_out');
    assert.equal(mock.ordersCreated, 0);
  });

  test('are not taken for redirect-checkout products, nor for another partner’s', async () => {
    const course = catalogue.photoCourse.product;
    const redirect = await postOrder('gumroad', {
      ...albumOrder(),
      productId: course.id,
      variantId: null,
      quantity: 1,
      expectedTotal: course.price,
    });
    assert.equal(redirect.status, 422);
    assert.equal((await redirect.json()).error.code, 'invalid_request');
    const elsewhere = await postOrder('fancy', albumOrder());
    assert.equal(elsewhere.status, 422);
    assert.deepEqual(Object.keys((await elsewhere.json()).error.fields), ['productId']);
  });

  test('keep only the known source fields, and take zero-decimal currencies', async () => {
    const cd = catalogue.liveCd.product;
    const response = await postOrder('musictoday', {
      productId: cd.id,
      quantity: 2,
      email: 'fan@example.jp',
      shipping: { ...address, country: 'JP', postalCode: '100-0001', region: '東京都' },
      expectedTotal: { amount: cd.price.amount * 2, currency: 'JPY' },
      source: { tweetId: '1', secret: 'x', pageUrl: 7 },
    });
    assert.equal(response.status, 201);
    assert.deepEqual((await response.json()).total, { amount: 6600, currency: 'JPY' });
    assert.deepEqual(mock.orders[0].request.source, { tweetId: '1' });
  });

  test('are paid through the Stripe webhook stand-in, then carry a receipt', async () => {
    const order = await (await postOrder('gumroad', albumOrder())).json();
    const read = async () => (await fetch(`${endpoint('gumroad')}/orders/${order.id}`)).json();
    assert.deepEqual(await read(), order);

    const notify = (type) =>
      fetch(`${server.url}/__mock/stripe/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type, clientSecret: order.payment.clientSecret }),
      });
    const processing = await notify('payment_intent.processing');
    assert.equal(processing.status, 200);
    assert.equal((await read()).status, 'requires_payment');

    const succeeded = await notify('payment_intent.succeeded');
    assert.deepEqual(await succeeded.json(), { received: true });
    const paid = await read();
    assert.equal(paid.status, 'paid');
    assert.equal(paid.receiptUrl, `${server.url}/__mock/receipts/${order.id}`);
    const receipt = await fetch(paid.receiptUrl);
    assert.equal(receipt.status, 200);
    assert.match(await receipt.text(), /New Album \(Digital\) × 2/);

    const unknown = await fetch(`${server.url}/__mock/stripe/events`, {
      method: 'POST',
      body: JSON.stringify({ type: 'payment_intent.succeeded', clientSecret: 'pi_nope_secret_nope' }),
    });
    assert.equal(unknown.status, 404);
  });

  test('are read only at their own partner: 404 order_not_found elsewhere', async () => {
    const order = await (await postOrder('gumroad', albumOrder())).json();
    const elsewhere = await fetch(`${endpoint('fancy')}/orders/${order.id}`);
    assert.equal(elsewhere.status, 404);
    assert.equal((await elsewhere.json()).error.code, 'order_not_found');
  });

  test('503*2 by header on the same key fails twice, then creates one order', async () => {
    const key = crypto.randomUUID();
    const headers = { 'X-Buy-Tweet-Fault': '503*2' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postOrder('gumroad', albumOrder(), key, headers)).status);
    assert.deepEqual(statuses, [503, 503, 201, 200]);
    assert.equal(mock.ordersCreated, 1);
  });
});

describe('orders the shared rules refuse (core/order-check.ts)', () => {
  const deep = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  for (const [name, body, field] of [
    ['JSON nested 5,000 deep', JSON.stringify(albumOrder()).replace(/}$/, `,"extra":${deep(5000)}}`), 'body'],
    ['a NUL in the email', albumOrder({ email: 'buyer\u0000@example.com' }), 'email'],
    [
      'a lone surrogate in the tweet URL',
      albumOrder({ source: { tweetUrl: 'https://x.com/\ud800' } }),
      'source.tweetUrl',
    ],
    [
      'a page URL of 2049 characters',
      albumOrder({ source: { pageUrl: `https://b.example/${'a'.repeat(2031)}` } }),
      'source.pageUrl',
    ],
  ]) {
    test(`${name}: 422 naming ${field}, no order`, async () => {
      const response = await postOrder('gumroad', body);
      assert.equal(response.status, 422);
      const { error } = await response.json();
      assert.equal(error.code, 'invalid_request');
      assert.deepEqual(Object.keys(error.fields), [field]);
      assert.equal(mock.ordersCreated, 0);
    });
  }
});
