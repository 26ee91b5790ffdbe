// What the reference partner's tests share: the stores to run each suite on (PGlite always;
// PostgreSQL when DATABASE_URL names a server), and a partner wired to the Stripe stand-in.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createPartner, openStore } from '@buy-tweet/partner';
import { freshSchema, startStripeApi } from '@buy-tweet/partner/test-kit';

export const SECRET_KEY = `sk_test_${randomBytes(12).toString('hex')}`;
export const WEBHOOK_SECRET = 'whsec_test_partner';
export const PUBLISHABLE_KEY = 'pk_test_partner';

export const exampleCatalog = JSON.parse(
  await readFile(new URL('../../examples/partner/catalog.json', import.meta.url), 'utf8'),
);

/**
 * The stores a suite runs on: `{name, open(dataDir?)}`, where `open` gives options for
 * `openStore` (a data folder for PGlite, else memory; a schema of its own on a server).
 */
export const storeKinds = [
  { name: 'PGlite', options: async (dataDir) => ({ dataDir: dataDir ?? 'memory://' }) },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          options: async (schemaUrl) => ({
            databaseUrl: schemaUrl ?? (await freshSchema(process.env.DATABASE_URL)).databaseUrl,
          }),
        },
      ]
    : []),
];

/** A partner on `store`, with the test's keys for the Stripe stand-in `stripe`, and `options`. */
export const partnerOn = (store, stripe, options) =>
  createPartner({
    store,
    stripe: {
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      publishableKey: PUBLISHABLE_KEY,
      apiBase: stripe.apiBase,
    },
    ...options,
  });

/** A partner over the example catalogue, a store of `kind` and a fresh Stripe stand-in. */
export const startPartner = async (kind, { storeOptions, stripeApi, catalog = exampleCatalog, ...rest } = {}) => {
  const stripe = stripeApi ?? (await startStripeApi());
  const options = storeOptions ?? (await kind.options());
  const store = await openStore(options);
  const partner = partnerOn(store, stripe, { catalog, ...rest });
  return {
    partner,
    store,
    stripe,
    storeOptions: options,
    /** Stops the store, and the stand-in unless it was given. */
    close: async () => {
      await store.close();
      if (!stripeApi) await stripe.close();
    },
  };
};

export const ORIGIN = 'https://partner.example';

/** `GET /v1/products?url=...` */
export const lookup = (partner, ...links) =>
  partner(new Request(`${ORIGIN}/v1/products?${links.map((link) => `url=${encodeURIComponent(link)}`).join('&')}`));

/** A buyer's shipping address in the protocol's shape, for products that ship. */
export const address = {
  name: 'Ann Lee',
  line1: '1 Main St',
  line2: '',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};

export const albumOrder = (overrides = {}) => ({
  productId: 'prod_album',
  variantId: 'var_flac',
  quantity: 1,
  email: 'buyer@example.com',
  shipping: null,
  expectedTotal: { amount: 1299, currency: 'USD' },
  source: { tweetId: '509074208133345280', pageUrl: 'https://blog.example/post' },
  ...overrides,
});

/** `POST /v1/orders` with this key and body (an object is sent as JSON). */
export const postOrder = (partner, key, body, headers = {}) =>
  partner(
    new Request(`${ORIGIN}/v1/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

export const readOrder = (partner, id) => partner(new Request(`${ORIGIN}/v1/orders/${id}`));

/** Sends a webhook with this body and signature. */
export const postWebhook = (partner, payload, signature) =>
  partner(
    new Request(`${ORIGIN}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(signature && { 'Stripe-Signature': signature }) },
      body: payload,
    }),
  );

export const newKey = () => randomBytes(16).toString('hex');
