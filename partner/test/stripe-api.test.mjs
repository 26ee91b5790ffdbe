// The Stripe stand-in keeps Stripe's rules (src/test-kit/stripe-rules.mjs), asked through the real
// SDK: an Idempotency-Key on any POST, reused with other parameters, is 400 idempotency_error;
// lists honour limit and starting_after; events carry the SDK's pinned API version. And it hangs,
// or loses its answers, when a test asks.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Stripe from 'stripe';
import { paymentIntentEvent, startStripeApi } from '@buy-tweet/partner/test-kit';
import { stripeConfig } from '../dist/stripe-config.js';

describe('the Stripe stand-in', { timeout: 30_000 }, () => {
  let api;
  let stripe;
  before(async () => {
    api = await startStripeApi();
    stripe = new Stripe('sk_test_stand_in', stripeConfig(api.apiBase, 300));
  });
  after(() => api.close());

  const intent = (amount, idempotencyKey) =>
    stripe.paymentIntents.create({ amount, currency: 'usd' }, idempotencyKey && { idempotencyKey });

  test('a key reused with the same parameters replays the first answer; with others it is 400 idempotency_error', async () => {
    const first = await intent(1299, 'order:ord_same');
    const again = await intent(1299, 'order:ord_same');
    assert.equal(again.id, first.id);
    assert.equal(again.lastResponse.headers['idempotent-replayed'], 'true');
    await assert.rejects(intent(999, 'order:ord_same'), (error) => {
      assert.equal(error.type, 'StripeIdempotencyError');
      assert.equal(error.statusCode, 400);
      assert.equal(error.raw.type, 'idempotency_error');
      assert.match(
        error.message,
        /^Keys for idempotent requests can only be used with the same parameters they were first used with\. Try using a key other than 'order:ord_same'/,
      );
      return true;
    });
    assert.equal(api.paymentIntents.size, 1);
  });

  test('a key holds on every POST, and for one endpoint only', async () => {
    const key = 'domain-once';
    const domain = await stripe.paymentMethodDomains.create({ domain_name: 'shop.example' }, { idempotencyKey: key });
    // A retry of a request whose answer was lost gets the domain, not "already exists".
    const retry = await stripe.paymentMethodDomains.create({ domain_name: 'shop.example' }, { idempotencyKey: key });
    assert.equal(retry.id, domain.id);
    assert.equal(api.paymentMethodDomains.length, 1);
    await assert.rejects(
      stripe.paymentIntents.create({ amount: 500, currency: 'usd' }, { idempotencyKey: key }),
      (error) =>
        error.raw.type === 'idempotency_error' &&
        /used for the same endpoint they were first used for \('\/v1\/payment_method_domains' vs '\/v1\/payment_intents'\)/.test(
          error.message,
        ),
    );
  });

  test('a request that fails validation saves nothing under its key', async () => {
    await assert.rejects(intent(0, 'order:ord_zero'), (error) => error.statusCode === 400);
    assert.equal((await intent(700, 'order:ord_zero')).amount, 700);
  });

  test('lists are newest first, limit 1 to 100 (10 by default), paged by starting_after', async () => {
    const made = Array.from({ length: 23 }, (_, i) =>
      api.addPaymentLink({ name: `Print ${i}`, amount: 100 + i, currency: 'USD' }),
    );
    const first = await stripe.paymentLinks.list();
    assert.equal(first.data.length, 10);
    assert.equal(first.has_more, true);
    assert.deepEqual(
      first.data.map((link) => link.id),
      made
        .slice(-10)
        .reverse()
        .map((link) => link.id),
    );
    const next = await stripe.paymentLinks.list({ limit: 20, starting_after: first.data[9].id });
    assert.equal(next.data.length, 13);
    assert.equal(next.has_more, false);
    const all = [];
    for await (const link of stripe.paymentLinks.list({ limit: 7 })) all.push(link.id);
    assert.deepEqual(all, made.map((link) => link.id).reverse());
    for (const limit of [0, 101]) {
      await assert.rejects(stripe.paymentLinks.list({ limit }), (error) => error.raw.param === 'limit');
    }
    await assert.rejects(
      stripe.paymentLinks.list({ starting_after: 'plink_nothing' }),
      (error) => error.raw.code === 'resource_missing',
    );
  });

  test("events carry the API version the SDK is pinned to, as the SDK's requests do", async () => {
    const event = paymentIntentEvent('payment_intent.succeeded', await intent(100));
    assert.equal(event.api_version, Stripe.API_VERSION);
    assert.equal(stripe.getApiField('version'), Stripe.API_VERSION);
  });

  test('hangs when asked: the SDK times out and retries once, then the stand-in recovers', async () => {
    api.faults.hang(({ path }) => path === '/v1/payment_intents');
    const before = api.requests;
    const started = Date.now();
    await assert.rejects(intent(1000, 'order:ord_hung'), (error) => error.type === 'StripeConnectionError');
    assert.equal(api.requests - before, 2, 'the call and its one retry');
    // Two timeouts of 300 ms and the SDK's wait of 0.5 s before its retry.
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    api.faults.recover();
    assert.equal((await intent(1000, 'order:ord_hung')).amount, 1000);
  });

  test('loses its answers when asked: what was done is there for the same key afterwards', async () => {
    const size = api.paymentIntents.size;
    api.faults.loseAnswers();
    await assert.rejects(intent(4200, 'order:ord_lost'), (error) => error.type === 'StripeConnectionError');
    api.faults.recover();
    assert.equal(api.paymentIntents.size, size + 1);
    const found = await intent(4200, 'order:ord_lost');
    assert.equal(found.lastResponse.headers['idempotent-replayed'], 'true');
    assert.equal(api.paymentIntents.size, size + 1);
  });
});
