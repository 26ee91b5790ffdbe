// Started without STRIPE_WEBHOOK_SECRET (or with what is no signing secret), `npx buy-tweet-partner`
// starts, and says on stderr that no order will ever be marked paid, and how to set it.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { startStripeApi } from '@buy-tweet/partner/test-kit';
import { catalog, startCli, stopAll } from './cli-process.mjs';

describe('started without a webhook secret', () => {
  let stripe;
  let root;
  before(async () => {
    stripe = await startStripeApi();
    root = await mkdtemp(join(tmpdir(), 'buy-tweet-secret-'));
  });
  afterEach(stopAll);
  after(async () => {
    await stripe.close();
    await rm(root, { recursive: true, force: true });
  });

  for (const [name, secret, said] of [
    ['unset', undefined, /STRIPE_WEBHOOK_SECRET is not set/],
    [
      'not a signing secret',
      'sk_test_pasted_by_mistake',
      /STRIPE_WEBHOOK_SECRET is not a webhook signing secret \(whsec_\.\.\.\)/,
    ],
  ]) {
    test(`${name}: it starts, and says on stderr that no order will ever be marked paid, and how to fix it`, async () => {
      const partner = startCli(['--catalog', catalog, '--port', '0', '--data', join(root, name)], {
        STRIPE_API_BASE: stripe.apiBase,
        STRIPE_WEBHOOK_SECRET: secret,
      });
      assert.match(await partner.listening, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const { stderr } = partner.output;
      assert.match(stderr, said);
      assert.match(stderr, /every Stripe webhook will be refused, so no order will ever be marked paid/);
      assert.match(stderr, /Set it to the signing secret of your webhook endpoint for POST \/webhooks\/stripe/);
      if (secret) assert.ok(!stderr.includes(secret), 'what it holds is not printed');
      assert.equal(await partner.stop(), 0);
    });
  }
});
