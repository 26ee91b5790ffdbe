// The conformance suite (docs/partners/conformance.md) against the reference partner, both for real: the partner as
// `npx buy-tweet-partner` runs it (its Node server, its store, Stripe's SDK pointed at the
// stand-in), and the suite as the element's `conformance` command, a process of its own. Run for each store.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startPartnerServer } from '@buy-tweet/partner/node';
import { PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET, storeKinds } from './harness.mjs';
import { startStripeApi } from '@buy-tweet/partner/test-kit';

const run = promisify(execFile);
// `npx buy-tweet conformance`: the bin of the element's package, as installed beside this one.
const elementManifest = import.meta.resolve('buy-tweet/package.json');
const cli = fileURLToPath(
  new URL(JSON.parse(await readFile(fileURLToPath(elementManifest), 'utf8')).bin['buy-tweet'], elementManifest),
);
const catalog = fileURLToPath(new URL('../../examples/partner/catalog.json', import.meta.url));

for (const kind of storeKinds) {
  describe(`the reference partner passes the conformance suite (${kind.name})`, () => {
    let stripe;
    let server;
    let dataDir;
    before(async () => {
      stripe = await startStripeApi();
      dataDir = await mkdtemp(join(tmpdir(), 'buy-tweet-partner-'));
      const { databaseUrl } = kind.name === 'PostgreSQL' ? await kind.options() : {};
      server = await startPartnerServer({
        catalogFile: catalog,
        port: 0,
        host: '127.0.0.1',
        dataDir,
        env: {
          STRIPE_SECRET_KEY: SECRET_KEY,
          STRIPE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
          STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
          STRIPE_API_BASE: stripe.apiBase,
          DATABASE_URL: databaseUrl,
        },
      });
    });
    after(async () => {
      await server?.close();
      await stripe?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('every check passes, with one order and its one PaymentIntent', async () => {
      const { stdout } = await run('node', [
        cli,
        'conformance',
        server.endpoint,
        '--product-url',
        'https://theband.example/shop/new-album',
        '--product-url',
        'https://theband.example/shop/vinyl',
        '--json',
      ]);
      const report = JSON.parse(stdout);
      assert.deepEqual(
        report.checks.filter((check) => !check.pass).map((check) => check.id),
        [],
      );
      assert.ok(report.checks.length >= 19);
      assert.equal(report.createdOrders.length, 1);
      assert.equal(stripe.paymentIntents.size, 1);
    });
  });
}
