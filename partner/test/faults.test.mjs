// A Stripe that does not answer, as a merchant meets it (docs/partners/reference-partner.md, "When
// things go wrong"), on each store: an order request ends in 503 with Retry-After within a bound,
// and the retry after Stripe recovers makes the one order with one PaymentIntent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { albumOrder, newKey, postOrder, readOrder, startPartner, storeKinds } from './harness.mjs';

const piCreate = ({ method, path }) => method === 'POST' && path === '/v1/payment_intents';
/** A test that waits on Stripe fails, rather than hangs, when nothing bounds the wait. */
const BOUNDED = { timeout: 10_000 };

/** Waits for `check()` to be true: a positive signal, polled, never a bare sleep. */
const until = async (check, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('It never happened');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** The partner's answer while Stripe does not: 503, try again in a second, open to any page. */
const assertUnavailable = async (response) => {
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('Retry-After'), '1');
  assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
  assert.equal((await response.json()).error.code, 'unavailable');
};

for (const kind of storeKinds) {
  describe(`a Stripe that does not answer, on ${kind.name}`, () => {
    let running;
    before(async () => {
      running = await startPartner(kind, { stripeTimeout: 200 });
    });
    after(() => running.close());

    test(
      'an order ends in 503 with Retry-After within the bound; the retry after Stripe recovers makes the one order',
      BOUNDED,
      async () => {
        const { partner, stripe, store } = running;
        const key = newKey();
        stripe.faults.hang(piCreate);
        const asked = stripe.requests;
        const started = Date.now();
        const response = await postOrder(partner, key, albumOrder());
        const took = Date.now() - started;
        await assertUnavailable(response);
        // Two calls of 200 ms and the SDK's 0.5 s before its one retry; at 10 s each, 20.5 s.
        assert.equal(stripe.requests - asked, 2, 'one call to Stripe and one retry');
        assert.ok(took < 3000, `took ${took} ms`);
        // The order waits for its PaymentIntent under its key, for the retry to finish.
        const waiting = await store.findByKey(key);
        assert.equal(waiting.paymentIntentId, null);

        stripe.faults.recover();
        const retry = await postOrder(partner, key, albumOrder());
        assert.equal(retry.status, 200);
        const order = await retry.json();
        assert.equal(order.id, waiting.id);
        assert.equal(order.status, 'requires_payment');
        assert.match(order.payment.clientSecret, /^pi_\w+_secret_\w+$/);
        assert.equal(stripe.paymentIntents.size, 1);
        assert.equal(
          (await (await readOrder(partner, order.id)).json()).payment.clientSecret,
          order.payment.clientSecret,
        );
      },
    );

    test(
      'an answer lost on its way back: the retry gets the PaymentIntent Stripe made, not a second one',
      BOUNDED,
      async () => {
        const { partner, stripe } = running;
        const key = newKey();
        const made = stripe.paymentIntents.size;
        stripe.faults.loseAnswers(piCreate);
        assert.equal((await postOrder(partner, key, albumOrder())).status, 503);
        stripe.faults.recover();
        assert.equal(stripe.paymentIntents.size, made + 1, 'Stripe made it, and nobody heard');
        const order = await (await postOrder(partner, key, albumOrder())).json();
        const [lost] = [...stripe.paymentIntents.values()].slice(made);
        assert.equal(order.payment.clientSecret, lost.client_secret);
        assert.equal(stripe.paymentIntents.size, made + 1);
      },
    );
  });

  describe(`a request past its deadline, on ${kind.name}`, () => {
    let running;
    before(async () => {
      running = await startPartner(kind, { stripeTimeout: 1000, deadline: 300 });
    });
    after(() => running.close());

    test('answers 503 with Retry-After at the deadline, and its work goes on for the retry', BOUNDED, async () => {
      const { partner, stripe } = running;
      const key = newKey();
      stripe.faults.hang(piCreate);
      const started = Date.now();
      const response = await postOrder(partner, key, albumOrder());
      const took = Date.now() - started;
      await assertUnavailable(response);
      assert.ok(took >= 250 && took < 1000, `took ${took} ms, before Stripe's own timeout`);
      // Stripe recovers before the SDK's retry: the request still running makes the PaymentIntent.
      stripe.faults.recover();
      await until(() => stripe.paymentIntents.size === 1);
      const retry = await postOrder(partner, key, albumOrder());
      assert.equal(retry.status, 200);
      assert.equal(stripe.paymentIntents.size, 1);
    });
  });
}
