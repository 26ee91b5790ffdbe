// Stripe's webhook at the reference partner, on each store: signed events move orders, once each.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  albumOrder,
  newKey,
  postOrder,
  postWebhook,
  readOrder,
  startPartner,
  storeKinds,
  WEBHOOK_SECRET,
} from './harness.mjs';
import { paymentIntentEvent, signedEvent } from '@buy-tweet/partner/test-kit';

for (const kind of storeKinds) {
  describe(`partner webhook on ${kind.name}`, () => {
    let running;
    before(async () => {
      running = await startPartner(kind);
    });
    after(() => running.close());

    /** A new order and its PaymentIntent at the stand-in. */
    const newOrder = async () => {
      const order = await (await postOrder(running.partner, newKey(), albumOrder())).json();
      return { order, intentId: order.payment.clientSecret.split('_secret_')[0] };
    };
    const statusOf = async (id) => (await (await readOrder(running.partner, id)).json()).status;

    test('a wrong signature is 400 and changes nothing', async () => {
      const { order, intentId } = await newOrder();
      const event = paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(intentId));
      const { payload } = await signedEvent(event, WEBHOOK_SECRET);
      const { signature: wrong } = await signedEvent(event, 'whsec_someone_else');
      for (const signature of [wrong, undefined, 't=1,v1=00']) {
        const response = await postWebhook(running.partner, payload, signature);
        assert.equal(response.status, 400);
        assert.equal((await response.json()).error.code, 'invalid_signature');
      }
      // A body changed after signing fails too.
      const { signature } = await signedEvent(event, WEBHOOK_SECRET);
      assert.equal(
        (await postWebhook(running.partner, payload.replace('"succeeded"', '"canceled"'), signature)).status,
        400,
      );
      assert.equal(await statusOf(order.id), 'requires_payment');
      // The event itself, signed right, still applies: the refusals recorded nothing.
      assert.equal((await postWebhook(running.partner, payload, signature)).status, 200);
      assert.equal(await statusOf(order.id), 'paid');
    });

    test("payment_intent.succeeded marks the order paid with the latest charge's receipt", async () => {
      const { order, intentId } = await newOrder();
      const event = paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(intentId));
      const { payload, signature } = await signedEvent(event, WEBHOOK_SECRET);
      const response = await postWebhook(running.partner, payload, signature);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { received: true, applied: true });
      const paid = await (await readOrder(running.partner, order.id)).json();
      assert.equal(paid.status, 'paid');
      assert.match(paid.receiptUrl, /^https:\/\/pay\.stripe\.com\/receipts\//);
      assert.equal(paid.payment, undefined, 'a paid order no longer offers its client secret');
    });

    test('an event id sent twice is applied once', async () => {
      const { order, intentId } = await newOrder();
      const failed = paymentIntentEvent('payment_intent.payment_failed', running.stripe.paymentIntents.get(intentId));
      const once = await signedEvent(failed, WEBHOOK_SECRET);
      assert.deepEqual(await (await postWebhook(running.partner, once.payload, once.signature)).json(), {
        received: true,
        applied: true,
      });
      assert.equal(await statusOf(order.id), 'failed');
      // Paid on a second attempt, then the old failure is delivered again: it is not applied twice.
      const succeeded = paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(intentId));
      const paid = await signedEvent(succeeded, WEBHOOK_SECRET);
      await postWebhook(running.partner, paid.payload, paid.signature);
      const again = await signedEvent(failed, WEBHOOK_SECRET);
      assert.deepEqual(await (await postWebhook(running.partner, again.payload, again.signature)).json(), {
        received: true,
        applied: false,
      });
      assert.equal(await statusOf(order.id), 'paid');
    });

    test('processing keeps the order waiting; canceled cancels it; a paid order stays paid', async () => {
      const { order, intentId } = await newOrder();
      const intent = running.stripe.paymentIntents.get(intentId);
      for (const type of ['payment_intent.processing', 'payment_intent.canceled']) {
        const { payload, signature } = await signedEvent(paymentIntentEvent(type, intent), WEBHOOK_SECRET);
        assert.equal((await postWebhook(running.partner, payload, signature)).status, 200);
        if (type === 'payment_intent.processing') assert.equal(await statusOf(order.id), 'requires_payment');
      }
      assert.equal(await statusOf(order.id), 'canceled');

      const other = await newOrder();
      const paid = await signedEvent(
        paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(other.intentId)),
        WEBHOOK_SECRET,
      );
      await postWebhook(running.partner, paid.payload, paid.signature);
      const late = await signedEvent(
        paymentIntentEvent('payment_intent.canceled', running.stripe.paymentIntents.get(other.intentId)),
        WEBHOOK_SECRET,
      );
      await postWebhook(running.partner, late.payload, late.signature);
      assert.equal(await statusOf(other.order.id), 'paid');
    });
  });
}
