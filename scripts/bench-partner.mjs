/**
 * `npm run bench:partner`: how many lookups and orders a second the reference partner answers at
 * 50 concurrent connections, with p50 and p99 latency, on PGlite and (with DATABASE_URL) on a
 * PostgreSQL server. Loopback only: the partner on 127.0.0.1, Stripe's API answered by the test
 * stand-in of its test kit (`@buy-tweet/partner/test-kit`), so an order's time includes one PaymentIntent request
 * over local HTTP, not Stripe's own latency. A bounded number of requests per run (LOOKUPS,
 * ORDERS). Needs both packages built (`npm run build`, `npm run build -w @buy-tweet/partner`); a benchmark, not a test: the numbers vary from run to run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createPartner, openStore } from '@buy-tweet/partner';
import { serve } from '@buy-tweet/partner/node';
import { freshSchema, startStripeApi } from '@buy-tweet/partner/test-kit';

const CONNECTIONS = 50;
const LOOKUPS = Number(process.env.LOOKUPS ?? 20_000);
const ORDERS = Number(process.env.ORDERS ?? 3_000);

const catalog = JSON.parse(await readFile(new URL('../examples/partner/catalog.json', import.meta.url), 'utf8'));
// One FLAC album of the example catalogue, at its price: what a buyer's page would send.
const album = catalog.products.find((product) => product.id === 'prod_album');
const flac = album.variants.find((variant) => variant.id === 'var_flac');
const order = JSON.stringify({
  productId: album.id,
  variantId: flac.id,
  quantity: 1,
  email: 'buyer@example.com',
  shipping: null,
  expectedTotal: flac.price,
  source: {},
});

const run = (options) =>
  new Promise((resolve, reject) =>
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result))),
  );

const line = (what, result) =>
  `${what.padEnd(26)} ${String(Math.round(result.requests.total / result.duration)).padStart(6)}/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms` +
  (result.non2xx || result.errors ? `   (${result.non2xx} not 2xx, ${result.errors} errors)` : '');

const bench = async (name, storeOptions) => {
  const stripe = await startStripeApi();
  const store = await openStore(storeOptions);
  const partner = createPartner({
    catalog,
    store,
    stripe: {
      secretKey: 'sk_test_bench',
      webhookSecret: 'whsec_bench',
      publishableKey: 'pk_test_bench',
      apiBase: stripe.apiBase,
    },
    paymentLinks: false,
  });
  const server = await serve(partner, 0, '127.0.0.1');
  try {
    const lookups = await run({
      url: `${server.origin}/v1/products?url=${encodeURIComponent('https://theband.example/shop/new-album')}&url=${encodeURIComponent('https://theband.example/shop/vinyl')}`,
      amount: LOOKUPS,
    });
    let n = 0;
    const prefix = randomBytes(4).toString('hex');
    const orders = await run({
      url: `${server.origin}/v1/orders`,
      amount: ORDERS,
      requests: [
        {
          method: 'POST',
          body: order,
          // A new purchase attempt each time: a fresh Idempotency-Key, one order, one PaymentIntent.
          setupRequest: (request) => ({
            ...request,
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `${prefix}-${(n += 1)}` },
          }),
        },
      ],
    });
    console.log(line(`${name} lookups`, lookups));
    console.log(line(`${name} orders`, orders));
  } finally {
    await server.close();
    await store.close();
    await stripe.close();
  }
};

console.log(
  `reference partner, ${CONNECTIONS} connections, ${LOOKUPS} lookups and ${ORDERS} orders per store, on this machine`,
);
const dataDir = await mkdtemp(join(tmpdir(), 'buy-tweet-bench-'));
try {
  await bench('PGlite', { dataDir });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
if (process.env.DATABASE_URL) {
  const schema = await freshSchema(process.env.DATABASE_URL, 'partner_bench');
  try {
    await bench('PostgreSQL', { databaseUrl: schema.databaseUrl });
  } finally {
    await schema.drop();
  }
} else {
  console.log('PostgreSQL: set DATABASE_URL to a server to measure it too');
}
