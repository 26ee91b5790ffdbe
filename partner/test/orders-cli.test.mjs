// `npx buy-tweet-partner orders` as a real process, on each store: the merchant's orders newest
// first, filtered by status, as text or JSON, from the data folder or DATABASE_URL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { paymentIntentEvent, signedEvent, stripeEvent } from '@buy-tweet/partner/test-kit';
import { albumOrder, newKey, postOrder, postWebhook, startPartner, storeKinds, WEBHOOK_SECRET } from './harness.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** Runs `buy-tweet-partner orders ...args`: its exit code, stdout and stderr. */
const orders = (args, env = {}) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'orders', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

for (const kind of storeKinds) {
  describe(`buy-tweet-partner orders on ${kind.name}`, () => {
    let folder;
    /** How the command finds the store: `--data` for PGlite, DATABASE_URL for a server. */
    let where;
    /** Made oldest first: paid (then partly refunded and disputed), failed, waiting. */
    const made = [];
    before(async () => {
      folder = await mkdtemp(join(tmpdir(), 'buy-tweet-orders-'));
      const storeOptions = await kind.options(kind.name === 'PGlite' ? join(folder, 'data') : undefined);
      where = storeOptions.databaseUrl
        ? { args: [], env: { DATABASE_URL: storeOptions.databaseUrl } }
        : { args: ['--data', storeOptions.dataDir], env: {} };
      let time = Date.parse('2031-05-01T10:00:00Z');
      const running = await startPartner(kind, { storeOptions, now: () => time });
      const send = async (event) => {
        const { payload, signature } = await signedEvent(event, WEBHOOK_SECRET);
        await postWebhook(running.partner, payload, signature);
      };
      try {
        for (const email of ['first@example.com', 'second@example.com', 'third@example.com']) {
          time += 60_000;
          made.push(await (await postOrder(running.partner, newKey(), albumOrder({ email }))).json());
        }
        const [paid, failed] = made.map((order) => order.payment.clientSecret.split('_secret_')[0]);
        await send(paymentIntentEvent('payment_intent.succeeded', running.stripe.succeed(paid)));
        await send(stripeEvent('charge.refunded', running.stripe.refund(paid, 299)));
        await send(stripeEvent('charge.dispute.created', running.stripe.dispute(paid)));
        await send(paymentIntentEvent('payment_intent.payment_failed', running.stripe.paymentIntents.get(failed)));
      } finally {
        await running.close();
      }
    });
    after(() => rm(folder, { recursive: true, force: true }));

    test('lists every order newest first, one line each under a header', async () => {
      const { code, stdout, stderr } = await orders(where.args, where.env);
      assert.equal(code, 0, stderr);
      const [header, ...lines] = stdout.trimEnd().split('\n');
      assert.match(header, /^created\s+order\s+status\s+total\s+email\s+product\s+payment intent$/);
      assert.deepEqual(
        lines.map((line) => line.split(/\s{2,}/).slice(0, 7)),
        [...made]
          .reverse()
          .map((order, i) => [
            `2031-05-01T10:0${3 - i}:00Z`,
            order.id,
            ['requires_payment', 'failed', 'paid'][i],
            '12.99 USD',
            ['third', 'second', 'first'][i] + '@example.com',
            'prod_album/var_flac',
            order.payment.clientSecret.split('_secret_')[0],
          ]),
      );
      assert.match(lines[2], /refunded 2\.99 USD, disputed \(needs_response, du_\w+\)$/);
    });

    test('--status lists that status alone; --json prints JSON', async () => {
      const paid = await orders([...where.args, '--status', 'paid', '--json'], where.env);
      assert.equal(paid.code, 0, paid.stderr);
      const [order, ...others] = JSON.parse(paid.stdout);
      assert.deepEqual(others, []);
      assert.equal(order.id, made[0].id);
      assert.equal(order.status, 'paid');
      assert.equal(order.createdAt, '2031-05-01T10:01:00.000Z');
      assert.deepEqual(order.total, { amount: 1299, currency: 'USD' });
      assert.deepEqual(order.amountRefunded, { amount: 299, currency: 'USD' });
      assert.equal(order.email, 'first@example.com');
      assert.match(order.paymentIntentId, /^pi_/);
      assert.match(order.receiptUrl, /^https:\/\/pay\.stripe\.com\/receipts\//);
      assert.equal(order.dispute.status, 'needs_response');
      assert.equal(JSON.stringify(order).includes('_secret_'), false, 'no client secret');

      const none = await orders([...where.args, '--status', 'refunded'], where.env);
      assert.deepEqual([none.code, none.stdout], [0, 'No refunded orders.\n']);
    });

    test('an unknown status is exit 2, saying which there are', async () => {
      const { code, stderr } = await orders([...where.args, '--status', 'shipped'], where.env);
      assert.equal(code, 2);
      assert.match(stderr, /--status takes requires_payment, paid, failed, canceled, refunded, not shipped/);
    });
  });
}

describe('buy-tweet-partner orders, called wrong', () => {
  test('a data folder that is not there is exit 2, not a new empty store', async () => {
    const { code, stderr } = await orders(['--data', join(tmpdir(), `no-such-${newKey()}`)]);
    assert.equal(code, 2);
    assert.match(stderr, /no data folder at/);
  });

  test('a data folder a running partner holds is exit 2, saying which process holds it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'buy-tweet-orders-held-'));
    try {
      // The lock as a partner running in this (living) process leaves it.
      await writeFile(join(folder, 'buy-tweet-partner.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
      const { code, stderr } = await orders(['--data', folder]);
      assert.equal(code, 2);
      assert.match(stderr, new RegExp(`is in use by process ${process.pid}`));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('--help prints its usage', async () => {
    const { code, stdout } = await orders(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: buy-tweet-partner orders \[--status S\] \[--json\] \[--data DIR\]/);
  });
});
