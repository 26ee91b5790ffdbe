// Orders under concurrency and across a restart, on each store: the database, not the process,
// keeps one order per Idempotency-Key, and Stripe's idempotency keeps one PaymentIntent per order.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { albumOrder, newKey, postOrder, readOrder, startPartner, storeKinds } from './harness.mjs';

for (const kind of storeKinds) {
  describe(`partner orders on ${kind.name}`, () => {
    let running;
    before(async () => {
      running = await startPartner(kind);
    });
    after(() => running.close());

    test('20 identical concurrent requests make one order and one PaymentIntent', async () => {
      const key = newKey();
      const before = running.stripe.paymentIntents.size;
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => postOrder(running.partner, key, albumOrder())),
      );
      const orders = await Promise.all(responses.map((response) => response.json()));
      assert.deepEqual(
        responses.map((response) => response.status).sort((a, b) => a - b),
        [...Array(19).fill(200), 201],
      );
      assert.equal(new Set(orders.map((order) => order.id)).size, 1);
      assert.equal(new Set(orders.map((order) => order.payment.clientSecret)).size, 1);
      assert.equal(running.stripe.paymentIntents.size - before, 1);
    });

    test('200 concurrent requests over 50 keys make 50 orders and 50 PaymentIntents', async () => {
      const keys = Array.from({ length: 50 }, newKey);
      const before = running.stripe.paymentIntents.size;
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          postOrder(running.partner, keys[i % 50], albumOrder({ email: `buyer${i % 50}@example.com` })),
        ),
      );
      const orders = await Promise.all(responses.map((response) => response.json()));
      assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([200, 201]));
      assert.equal(responses.filter((response) => response.status === 201).length, 50);
      const ids = new Set(orders.map((order) => order.id));
      assert.equal(ids.size, 50);
      assert.equal(running.stripe.paymentIntents.size - before, 50);
      const orderIds = [...running.stripe.paymentIntents.values()]
        .slice(before)
        .map((intent) => intent.metadata.order_id);
      assert.deepEqual(new Set(orderIds), ids);
    });
  });

  describe(`partner orders outlive a restart on ${kind.name}`, () => {
    let dataDir;
    before(async () => {
      if (kind.name === 'PGlite') dataDir = await mkdtemp(join(tmpdir(), 'buy-tweet-partner-'));
    });
    after(() => dataDir && rm(dataDir, { recursive: true, force: true }));

    test('an order made before a restart is read, and replayed, after it', async () => {
      const storeOptions = await kind.options(dataDir);
      const first = await startPartner(kind, { storeOptions });
      const key = newKey();
      let order;
      try {
        const response = await postOrder(first.partner, key, albumOrder());
        assert.equal(response.status, 201);
        order = await response.json();
      } finally {
        await first.store.close();
      }
      const second = await startPartner(kind, { storeOptions, stripeApi: first.stripe });
      try {
        assert.deepEqual(await (await readOrder(second.partner, order.id)).json(), order);
        const replay = await postOrder(second.partner, key, albumOrder());
        assert.equal(replay.status, 200);
        assert.deepEqual(await replay.json(), order);
        assert.equal(first.stripe.paymentIntents.size, 1);
      } finally {
        await second.store.close();
        await first.stripe.close();
      }
    });
  });
}
