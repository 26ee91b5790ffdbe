#!/usr/bin/env node
/**
 * `npx buy-tweet-partner`: the reference partner on Node (./node.ts), with the flags and the
 * environment `npx buy-tweet partner` took before the partner became its own package; and
 * `npx buy-tweet-partner domains add|list`, the publisher domains where Stripe may show wallets
 * (./domains-cli.ts); and `npx buy-tweet-partner orders`, the merchant's orders (./orders-cli.ts).
 * `--help` prints usage (exit 0); a wrong call or a wrong setting prints what is wrong to stderr
 * (exit 2); a partner that cannot start exits 1.
 */
import { parseArgs } from 'node:util';
import { PartnerSetupError, startPartnerServer } from './node.js';
import { runDomains } from './domains-cli.js';
import { runOrders } from './orders-cli.js';

const USAGE = `Usage: buy-tweet-partner [--catalog FILE] [--port N] [--host H] [--data DIR]
       buy-tweet-partner domains add <domain> [--json]
       buy-tweet-partner domains list [--json]
       buy-tweet-partner orders [--status S] [--json] [--data DIR]

  Serves protocol v1 for products sold through your own Stripe account; prints its endpoint,
  http://127.0.0.1:{port}/v1, once listening. Stripe's webhook is POST /webhooks/stripe.
  --catalog        a JSON file {"products": [...]}: Products of protocol v1, each with optional "links"
  --port           the port to listen on (default 8791; 0 picks a free one)
  --host           the address to listen on (default 127.0.0.1, this machine only)
  --data           where the embedded Postgres keeps orders (default ./.buy-tweet-partner)

  Environment: STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY (required), STRIPE_WEBHOOK_SECRET
  (whsec_...: without it every webhook is refused), DATABASE_URL (a Postgres server instead of
  the embedded one), STRIPE_API_BASE (another Stripe API origin, for tests).
  With STRIPE_SECRET_KEY, your active Stripe Payment Links are sold too.

  domains add      registers a publisher's domain (shop.example) on your Stripe account, where
                   Stripe may then show wallets (Apple Pay, Google Pay, Link) in the checkout
  domains list     the registered domains and their wallets' statuses (domains --help: more)
  orders           your orders, newest first; --status paid (or requires_payment, failed,
                   canceled, refunded) lists those alone (orders --help: more)`;

/** A wrong call: what is wrong (and the usage, when it helps) to stderr, exit 2. */
const wrongCall = (message: string, usage = true) => {
  process.stderr.write(`${[message, usage && USAGE].filter(Boolean).join('\n\n')}\n`);
  process.exitCode = 2;
};

const main = async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        catalog: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return wrongCall(`buy-tweet-partner: ${(error as Error).message}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const port = values.port === undefined ? 8791 : Number(values.port);
  if (positionals.length) return wrongCall('');
  if (!/^\d{1,5}$/.test(values.port ?? '0') || port > 65535)
    return wrongCall(`buy-tweet-partner: --port takes 0 to 65535, not ${values.port}`);
  const host = values.host ?? '127.0.0.1';
  let server;
  try {
    server = await startPartnerServer({
      catalogFile: values.catalog,
      port,
      host,
      dataDir: values.data,
      env: process.env,
    });
  } catch (error) {
    if (error instanceof PartnerSetupError) return wrongCall(error.message, false);
    process.stderr.write(`buy-tweet-partner: cannot start on ${host}:${port}: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const stop = () => void server.close().finally(() => process.exit());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${server.endpoint}\n`);
};

if (process.argv[2] === 'domains') process.exitCode = await runDomains(process.argv.slice(3), process.env);
else if (process.argv[2] === 'orders') process.exitCode = await runOrders(process.argv.slice(3), process.env);
else await main();
