/**
 * `npm run demo:partner`: a purchase against the reference partner (`npx buy-tweet-partner`), all
 * on this machine: the partner over examples/partner/catalog.json with its embedded Postgres in a
 * throwaway folder; the stand-in for Stripe's API of its test kit (`@buy-tweet/partner/test-kit`: not Stripe)
 * where the partner creates its PaymentIntents; the test-mode fake Stripe in the page; and, in
 * between, what Stripe itself would do once a test card pays: mark the PaymentIntent paid and send
 * the partner a signed `payment_intent.*` webhook, which turns the order paid with its receipt.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPartnerServer } from '@buy-tweet/partner/node';
import { paymentIntentEvent, signedEvent, startStripeApi } from '@buy-tweet/partner/test-kit';
import { host, moduleAnswer, startPageServer } from './static-server.mjs';

const KEYS = { secret: 'sk_test_demo_partner', publishable: 'pk_test_demo_partner', webhook: 'whsec_demo_partner' };
const EVENTS = new Set(['payment_intent.succeeded', 'payment_intent.processing', 'payment_intent.payment_failed']);

export const startPartnerDemo = async ({ port = 8080, partnerPort = 8791 } = {}) => {
  const stripe = await startStripeApi();
  const dataDir = await mkdtemp(join(tmpdir(), 'buy-tweet-demo-partner-'));
  // The example's pictures live on a made-up host; the demo shows its products without them.
  const catalog = JSON.parse(await readFile(new URL('../examples/partner/catalog.json', import.meta.url), 'utf8'));
  for (const product of catalog.products) delete product.image;
  const catalogFile = join(dataDir, 'catalog.json');
  await writeFile(catalogFile, JSON.stringify(catalog));
  const partner = await startPartnerServer({
    catalogFile,
    port: partnerPort,
    host,
    dataDir: join(dataDir, 'db'),
    env: {
      STRIPE_SECRET_KEY: KEYS.secret,
      STRIPE_PUBLISHABLE_KEY: KEYS.publishable,
      STRIPE_WEBHOOK_SECRET: KEYS.webhook,
      STRIPE_API_BASE: stripe.apiBase,
    },
  });

  /** The fake Stripe's word that a test card paid (`{type, clientSecret}`), as Stripe would act on it. */
  const stripeEvents = async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    let event;
    try {
      event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      event = null;
    }
    const id = typeof event?.clientSecret === 'string' ? event.clientSecret.split('_secret_')[0] : '';
    const intent = stripe.paymentIntents.get(id);
    if (!intent || !EVENTS.has(event.type)) {
      res.writeHead(400);
      return res.end();
    }
    const object = event.type === 'payment_intent.succeeded' ? stripe.succeed(id) : intent;
    const { payload, signature } = await signedEvent(paymentIntentEvent(event.type, object), KEYS.webhook);
    const answer = await fetch(`${partner.origin}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body: payload,
    });
    res.writeHead(answer.status);
    res.end();
  };

  const pages = await startPageServer({
    port,
    page: '/demo/partner.html',
    routes: {
      '/demo/partner-env.js': moduleAnswer(`export const partnerEndpoint = ${JSON.stringify(partner.endpoint)};\n`),
      '/demo/stripe-events': stripeEvents,
    },
    connect: [partner.origin],
  });
  return {
    url: `${pages.origin}/demo/partner.html`,
    partner,
    close: async () => {
      await pages.close();
      await partner.close();
      await stripe.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const demo = await startPartnerDemo({
    port: Number(process.env.PORT ?? 8080),
    partnerPort: Number(process.env.PARTNER_PORT ?? 8791),
  });
  console.log(`buy-tweet demo against the reference partner: ${demo.url}`);
  console.log(`reference partner:                            ${demo.partner.endpoint}`);
  console.log('Pay with 4242 4242 4242 4242. Stop with Ctrl+C.');
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
