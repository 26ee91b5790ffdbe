// `npx buy-tweet-partner` as a real process: it starts on the catalogue, prints its endpoint and
// answers protocol v1 over HTTP with the Stripe stand-in behind it; a bad catalogue is exit 2.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startStripeApi } from '@buy-tweet/partner/test-kit';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const catalog = fileURLToPath(new URL('../../examples/partner/catalog.json', import.meta.url));
const secretKey = 'sk_test_cli_secret_0123456789';

const start = (args, env) =>
  spawn(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_PUBLISHABLE_KEY: 'pk_test_cli',
      STRIPE_WEBHOOK_SECRET: 'whsec_cli',
      ...env,
    },
  });

const ended = (child) => new Promise((resolve) => child.once('close', (code) => resolve(code)));

describe('buy-tweet-partner', () => {
  let stripe;
  let dataDir;
  before(async () => {
    stripe = await startStripeApi();
    dataDir = await mkdtemp(join(tmpdir(), 'buy-tweet-cli-'));
  });
  after(async () => {
    await stripe.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('prints its endpoint once listening and serves lookups and orders', async () => {
    const child = start(['--catalog', catalog, '--port', '0', '--data', join(dataDir, 'db')], {
      STRIPE_API_BASE: stripe.apiBase,
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const endpoint = await new Promise((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout.trim());
      });
      child.once('close', () => reject(new Error(`It ended: ${stderr}`)));
    });
    try {
      assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      const lookup = await fetch(
        `${endpoint}/products?url=${encodeURIComponent('https://theband.example/shop/vinyl')}`,
      );
      assert.equal((await lookup.json()).products[0].id, 'prod_vinyl');
      const order = await fetch(`${endpoint}/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'cli-order-1' },
        body: JSON.stringify({
          productId: 'prod_album',
          variantId: 'var_mp3',
          quantity: 1,
          email: 'b@example.com',
          shipping: null,
          expectedTotal: { amount: 999, currency: 'USD' },
          source: {},
        }),
      });
      assert.equal(order.status, 201);
      assert.equal(stripe.paymentIntents.size, 1);
    } finally {
      child.kill('SIGTERM');
      await ended(child);
    }
    assert.ok(!`${stdout}${stderr}`.includes(secretKey));
  });

  test('an invalid catalogue is exit 2 with what is wrong', async () => {
    const file = join(dataDir, 'bad.json');
    await writeFile(file, JSON.stringify({ products: [{ id: 'prod_x', title: 'No price' }] }));
    const child = start(['--catalog', file, '--port', '0', '--data', join(dataDir, 'never')], {});
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    assert.equal(await ended(child), 2);
    assert.match(stderr, /products\[0\] \(prod_x\): not a valid Product/);
  });

  test('--help prints the usage', async () => {
    const child = start(['--help'], {});
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    assert.equal(await ended(child), 0);
    assert.match(stdout, /Usage: buy-tweet-partner \[--catalog FILE\] \[--port N\]/);
  });
});
