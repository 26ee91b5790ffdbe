// The reference partner's protocol v1 (docs/partners/protocol.md and docs/partners/reference-partner.md) over its fetch handler, on each store.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPartner } from '@buy-tweet/partner';
import {
  address,
  albumOrder,
  exampleCatalog,
  WEBHOOK_SECRET,
  lookup,
  newKey,
  ORIGIN,
  postOrder,
  PUBLISHABLE_KEY,
  readOrder,
  SECRET_KEY,
  startPartner,
  storeKinds,
} from './harness.mjs';

for (const kind of storeKinds) {
  describe(`partner protocol on ${kind.name}`, () => {
    let running;
    let partner;
    /** Every answer's text, to look for the secret key in. */
    const answers = [];
    const keep = async (response) => {
      answers.push(`${[...response.headers].join('\n')}\n${await response.clone().text()}`);
      return response;
    };
    before(async () => {
      running = await startPartner(kind);
      partner = async (request) => keep(await running.partner(request));
    });
    after(() => running.close());

    test('a lookup answers one entry per url, in order, unknown links as product_not_found, cacheable', async () => {
      const response = await lookup(
        partner,
        'https://www.TheBand.example/shop/vinyl/?utm_source=x#top',
        'https://nowhere.example/thing',
        'https://bit.example/new-album',
      );
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'public, max-age=60');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
      assert.match(response.headers.get('Access-Control-Expose-Headers') ?? '', /Retry-After/i);
      const { products } = await response.json();
      assert.deepEqual(
        products.map((entry) => entry.id ?? entry.error.code),
        ['prod_vinyl', 'product_not_found', 'prod_album'],
      );
      assert.equal(products[1].url, 'https://nowhere.example/thing');
      assert.deepEqual(products[2].checkout, { type: 'stripe', publishableKey: PUBLISHABLE_KEY });
    });

    test('a lookup with no url, or more than 20, is refused with CORS', async () => {
      for (const response of [
        await partner(new Request(`${ORIGIN}/v1/products`)),
        await lookup(partner, ...Array.from({ length: 21 }, (_, i) => `https://theband.example/${i}`)),
      ]) {
        assert.equal(response.status, 400);
        assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
        assert.equal((await response.json()).error.code, 'invalid_request');
      }
    });

    test('a preflight allows Content-Type and Idempotency-Key and exposes Retry-After', async () => {
      const response = await partner(
        new Request(`${ORIGIN}/v1/orders`, {
          method: 'OPTIONS',
          headers: {
            Origin: 'https://blog.example',
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type,idempotency-key',
          },
        }),
      );
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
      assert.match(response.headers.get('Access-Control-Allow-Headers'), /Idempotency-Key/i);
      assert.match(response.headers.get('Access-Control-Allow-Headers'), /Content-Type/i);
      assert.match(response.headers.get('Access-Control-Expose-Headers') ?? '', /Retry-After/i);
    });

    test('an order is 201 with its PaymentIntent; the same key and body again is 200 with the same order', async () => {
      const key = newKey();
      const first = await postOrder(partner, key, albumOrder());
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('Access-Control-Allow-Origin'), '*');
      const order = await first.json();
      assert.equal(order.status, 'requires_payment');
      assert.deepEqual(order.total, { amount: 1299, currency: 'USD' });
      assert.equal(order.payment.type, 'stripe');
      assert.equal(order.payment.publishableKey, PUBLISHABLE_KEY);
      const intentId = order.payment.clientSecret.split('_secret_')[0];
      const intent = running.stripe.paymentIntents.get(intentId);
      assert.ok(intent, 'the PaymentIntent is at Stripe');
      assert.deepEqual(
        {
          amount: intent.amount,
          currency: intent.currency,
          metadata: intent.metadata,
          automatic: intent.automatic_payment_methods?.enabled,
        },
        { amount: 1299, currency: 'usd', metadata: { order_id: order.id }, automatic: true },
      );

      // Keys in another order say the same thing.
      const { source, ...rest } = albumOrder();
      const again = await postOrder(partner, key, { source, ...rest });
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), order);

      const read = await readOrder(partner, order.id);
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('Cache-Control'), 'no-store');
      assert.deepEqual(await read.json(), order);
    });

    test('the same key with another body is 409 idempotency_conflict, and makes nothing', async () => {
      const key = newKey();
      assert.equal((await postOrder(partner, key, albumOrder())).status, 201);
      const before = running.stripe.paymentIntents.size;
      const other = await postOrder(partner, key, albumOrder({ email: 'someone@example.com' }));
      assert.equal(other.status, 409);
      assert.equal((await other.json()).error.code, 'idempotency_conflict');
      assert.equal(running.stripe.paymentIntents.size, before);
    });

    test('the total comes from the catalogue: a wrong expectedTotal is 409 price_changed with the right total', async () => {
      const response = await postOrder(
        partner,
        newKey(),
        albumOrder({ quantity: 2, expectedTotal: { amount: 1299, currency: 'USD' } }),
      );
      assert.equal(response.status, 409);
      const { error } = await response.json();
      assert.equal(error.code, 'price_changed');
      assert.deepEqual(error.total, { amount: 2598, currency: 'USD' });
    });

    test('a variant without a price of its own costs the product price', async () => {
      const response = await postOrder(
        partner,
        newKey(),
        albumOrder({ variantId: 'var_mp3', quantity: 3, expectedTotal: { amount: 2997, currency: 'USD' } }),
      );
      assert.equal(response.status, 201);
      assert.deepEqual((await response.json()).total, { amount: 2997, currency: 'USD' });
    });

    test('a sold-out product is 409 sold_out', async () => {
      const response = await postOrder(partner, newKey(), {
        productId: 'prod_tour_shirt',
        quantity: 1,
        email: 'buyer@example.com',
        shipping: address,
        expectedTotal: { amount: 2000, currency: 'USD' },
        source: {},
      });
      assert.equal(response.status, 409);
      assert.equal((await response.json()).error.code, 'sold_out');
    });

    test('bad input is 422 invalid_request naming each field', async () => {
      const response = await postOrder(
        partner,
        newKey(),
        albumOrder({ email: 'not an email', quantity: 9, variantId: 'var_cassette' }),
      );
      assert.equal(response.status, 422);
      const { error } = await response.json();
      assert.equal(error.code, 'invalid_request');
      assert.deepEqual(Object.keys(error.fields).sort(), ['email', 'quantity', 'variantId']);
      const unknown = await postOrder(partner, newKey(), albumOrder({ productId: 'prod_nothing' }));
      assert.equal(unknown.status, 422);
      assert.ok((await unknown.json()).error.fields.productId);
    });

    test('an order without Idempotency-Key, or not JSON, is 400; a body over the cap is 413', async () => {
      assert.equal((await postOrder(partner, '', albumOrder())).status, 400);
      assert.equal((await postOrder(partner, newKey(), '{"productId":')).status, 400);
      const huge = await postOrder(
        partner,
        newKey(),
        albumOrder({ source: { pageUrl: `https://blog.example/${'a'.repeat(40_000)}` } }),
      );
      assert.equal(huge.status, 413);
      assert.equal(huge.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal((await huge.json()).error.code, 'payload_too_large');
    });

    test('an unknown order is 404 with CORS; an unknown path is 404', async () => {
      const response = await readOrder(partner, 'ord_nothing');
      assert.equal(response.status, 404);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal((await partner(new Request(`${ORIGIN}/v2/products`))).status, 404);
    });

    test('when Stripe cannot be reached the answer is 503 with Retry-After, and a retry of the order makes its PaymentIntent', async () => {
      const key = newKey();
      // The same store, and a Stripe that refuses connections.
      const broken = createPartner({
        catalog: exampleCatalog,
        store: running.store,
        stripe: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, publishableKey: PUBLISHABLE_KEY },
        stripeApiBase: 'http://127.0.0.1:9',
      });
      const response = await keep(await postOrder(broken, key, albumOrder()));
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('Retry-After'), '1');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
      // The retry, through a partner pointed at the stand-in by docs/partners/reference-partner.md's option name.
      const mended = createPartner({
        catalog: exampleCatalog,
        store: running.store,
        stripe: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, publishableKey: PUBLISHABLE_KEY },
        stripeApiBase: running.stripe.apiBase,
      });
      const retry = await keep(await postOrder(mended, key, albumOrder()));
      assert.equal(retry.status, 200);
      const { clientSecret } = (await retry.json()).payment;
      assert.ok(running.stripe.paymentIntents.get(clientSecret.split('_secret_')[0]));
    });

    test('the secret key is in no answer', () => {
      assert.ok(answers.length > 20);
      for (const answer of answers) assert.ok(!answer.includes(SECRET_KEY));
      assert.ok(!answers.some((answer) => answer.includes('sk_test_')));
    });
  });
}
