// Which signed Stripe events change an order, on each store: only those about the order's own
// PaymentIntent, for its amount and currency; refunds and disputes as Stripe sends them; anything
// else answers 200 `applied: false`. Every event is signed as Stripe signs (`t=...,v1=...`, an
// HMAC-SHA256 of `${t}.${payload}`), so each would pass a real signature check.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Stripe from 'stripe';
import { paymentIntentEvent, signedEvent, stripeEvent } from '@buy-tweet/partner/test-kit';
import {
  albumOrder,
  newKey,
  postOrder,
  postWebhook,
  readOrder,
  SECRET_KEY,
  startPartner,
  storeKinds,
  WEBHOOK_SECRET,
} from './harness.mjs';

for (const kind of storeKinds) {
  describe(`partner webhook rules on ${kind.name}`, () => {
    let running;
    /** The real SDK, pointed at the stand-in: how a merchant's other code makes PaymentIntents. */
    let sdk;
    /** The partner's clock. */
    let time = Date.now();
    before(async () => {
      running = await startPartner(kind, { now: () => time });
      const { hostname, port } = new URL(running.stripe.apiBase);
      sdk = new Stripe(SECRET_KEY, { host: hostname, port, protocol: 'http', telemetry: false });
    });
    after(() => running.close());

    /** A new order (album, FLAC: 12.99 USD) and its PaymentIntent at the stand-in. */
    const newOrder = async () => {
      const order = await (await postOrder(running.partner, newKey(), albumOrder())).json();
      return { order, intentId: order.payment.clientSecret.split('_secret_')[0] };
    };
    const send = async (event) => {
      const { payload, signature } = await signedEvent(event, WEBHOOK_SECRET);
      const response = await postWebhook(running.partner, payload, signature);
      assert.equal(response.status, 200);
      return response.json();
    };
    const read = async (id) => (await readOrder(running.partner, id)).json();
    const paidOrder = async () => {
      const { order, intentId } = await newOrder();
      const paid = paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(intentId));
      assert.deepEqual(await send(paid), { received: true, applied: true });
      return { order, intentId };
    };
    const NOT_APPLIED = { received: true, applied: false };

    test('another PaymentIntent that names the order in its metadata does not pay it', async () => {
      const { order } = await newOrder();
      const other = await sdk.paymentIntents.create({
        amount: 1299,
        currency: 'usd',
        metadata: { order_id: order.id },
      });
      assert.deepEqual(
        await send(paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(other.id))),
        NOT_APPLIED,
      );
      assert.equal((await read(order.id)).status, 'requires_payment');
    });

    test('a PaymentIntent of 1 cent does not pay a $12.99 order, its own id or another', async () => {
      const { order, intentId } = await newOrder();
      const cent = await sdk.paymentIntents.create({ amount: 1, currency: 'usd', metadata: { order_id: order.id } });
      assert.deepEqual(
        await send(paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(cent.id))),
        NOT_APPLIED,
      );
      const own = { ...running.stripe.paymentIntents.get(intentId), status: 'succeeded', amount: 1 };
      assert.deepEqual(await send(paymentIntentEvent('payment_intent.succeeded', own)), NOT_APPLIED);
      assert.equal((await read(order.id)).status, 'requires_payment');
    });

    test('a PaymentIntent in another currency does not pay the order', async () => {
      const { order, intentId } = await newOrder();
      const euros = { ...running.stripe.paymentIntents.get(intentId), status: 'succeeded', currency: 'eur' };
      assert.deepEqual(await send(paymentIntentEvent('payment_intent.succeeded', euros)), NOT_APPLIED);
      const failedInEuros = { ...euros, status: 'requires_payment_method' };
      assert.deepEqual(await send(paymentIntentEvent('payment_intent.payment_failed', failedInEuros)), NOT_APPLIED);
      assert.equal((await read(order.id)).status, 'requires_payment');
    });

    test('a whole refund makes the order refunded', async () => {
      const { order, intentId } = await paidOrder();
      const charge = running.stripe.refund(intentId);
      assert.equal(charge.refunded, true);
      assert.deepEqual(await send(stripeEvent('charge.refunded', charge)), { received: true, applied: true });
      const refunded = await read(order.id);
      assert.equal(refunded.status, 'refunded');
      assert.deepEqual(refunded.amountRefunded, { amount: 1299, currency: 'USD' });
      assert.equal(refunded.payment, undefined);
      // The same state delivered again (another event id) changes nothing more.
      assert.deepEqual(await send(stripeEvent('charge.refunded', charge)), NOT_APPLIED);
    });

    test('a partial refund keeps the order paid and adds amountRefunded; the rest makes it refunded', async () => {
      const { order, intentId } = await paidOrder();
      const part = structuredClone(running.stripe.refund(intentId, 500));
      assert.equal(part.refunded, false);
      assert.deepEqual(await send(stripeEvent('charge.refunded', part)), { received: true, applied: true });
      const partly = await read(order.id);
      assert.equal(partly.status, 'paid');
      assert.deepEqual(partly.amountRefunded, { amount: 500, currency: 'USD' });
      assert.match(partly.receiptUrl, /^https:\/\/pay\.stripe\.com\/receipts\//);

      const rest = running.stripe.refund(intentId);
      assert.deepEqual(await send(stripeEvent('charge.refunded', rest)), { received: true, applied: true });
      // Delivered out of order, the older partial refund takes nothing back.
      assert.deepEqual(await send(stripeEvent('charge.refunded', part)), NOT_APPLIED);
      const whole = await read(order.id);
      assert.equal(whole.status, 'refunded');
      assert.deepEqual(whole.amountRefunded, { amount: 1299, currency: 'USD' });
    });

    test('a refund of a charge in another currency or of another PaymentIntent changes nothing', async () => {
      const { order, intentId } = await paidOrder();
      const charge = structuredClone(running.stripe.refund(intentId));
      assert.deepEqual(await send(stripeEvent('charge.refunded', { ...charge, currency: 'eur' })), NOT_APPLIED);
      assert.deepEqual(
        await send(stripeEvent('charge.refunded', { ...charge, payment_intent: 'pi_not_this_one' })),
        NOT_APPLIED,
      );
      assert.equal((await read(order.id)).status, 'paid');
    });

    test('a dispute is recorded on the order, which stays paid', async () => {
      const { order, intentId } = await paidOrder();
      const dispute = running.stripe.dispute(intentId);
      assert.deepEqual(await send(stripeEvent('charge.dispute.created', dispute)), {
        received: true,
        applied: true,
      });
      const stored = await running.store.getOrder(order.id);
      assert.equal(stored.disputeId, dispute.id);
      assert.equal(stored.disputeStatus, 'needs_response');
      const shown = await read(order.id);
      assert.equal(shown.status, 'paid');
      assert.deepEqual(Object.keys(shown).sort(), ['id', 'receiptUrl', 'status', 'total']);
      // A dispute of a charge no order has is no order's.
      assert.deepEqual(
        await send(stripeEvent('charge.dispute.created', { ...dispute, payment_intent: 'pi_unknown' })),
        NOT_APPLIED,
      );
    });

    test('an event about no order of the partner, or of a type it does not handle, answers 200, applied false', async () => {
      // A PaymentIntent of the merchant's made elsewhere (no order names it, nor it an order).
      const elsewhere = await sdk.paymentIntents.create({ amount: 1299, currency: 'usd' });
      for (const type of ['payment_intent.processing', 'payment_intent.payment_failed', 'payment_intent.canceled'])
        assert.deepEqual(await send(paymentIntentEvent(type, elsewhere)), NOT_APPLIED);
      assert.deepEqual(
        await send(paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(elsewhere.id))),
        NOT_APPLIED,
      );
      const { order, intentId } = await paidOrder();
      const intent = running.stripe.paymentIntents.get(intentId);
      for (const type of ['customer.created', 'payment_intent.created', 'charge.succeeded'])
        assert.deepEqual(await send(stripeEvent(type, intent)), NOT_APPLIED);
      assert.equal((await read(order.id)).status, 'paid');
    });

    test('an event without its object answers 200, applied false, every time', async () => {
      for (const type of ['payment_intent.succeeded', 'charge.refunded', 'charge.dispute.created']) {
        const empty = stripeEvent(type, null);
        assert.deepEqual(await send(empty), NOT_APPLIED);
        assert.deepEqual(await send(empty), NOT_APPLIED);
        const { data: _, ...noData } = stripeEvent(type, null);
        assert.deepEqual(await send(noData), NOT_APPLIED);
      }
    });

    test('a receipt that cannot be read does not keep the order unpaid; it is read later', async () => {
      const { order, intentId } = await newOrder();
      const heal = running.stripe.fail({ method: 'GET', path: /^\/v1\/charges\// });
      const paid = paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(intentId));
      assert.deepEqual(await send(paid), { received: true, applied: true });
      const unreceipted = await read(order.id);
      assert.equal(unreceipted.status, 'paid');
      assert.equal(unreceipted.receiptUrl, undefined);

      heal();
      // Read again on a sweep once due (a sweep in between may have found Stripe still failing).
      time += 11 * 60_000;
      await running.partner.sweep();
      assert.match((await read(order.id)).receiptUrl, /^https:\/\/pay\.stripe\.com\/receipts\//);
    });
  });
}
