/**
 * The reference partner (docs/partners/reference-partner.md) as a WHATWG fetch handler, routed by Hono: protocol v1 at
 * `/v1/products`, `/v1/orders` and `/v1/orders/:id` over a catalogue, orders in Postgres
 * (./store.ts), one Stripe PaymentIntent per order, and Stripe's webhook at `/webhooks/stripe`.
 * Web APIs only, so the same handler runs on Node (`npx buy-tweet-partner`), Deno, Bun and edge
 * runtimes.
 *
 * The secret key goes to Stripe's SDK and nowhere else: no answer and no log carries it, nor any
 * message of Stripe's (which may quote a key).
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import Stripe from 'stripe';
import {
  checkOrder,
  isStorableText,
  newId,
  orderFingerprint,
  parseOrderBody,
  type Merchant,
  type Money,
  type Order,
  type Product,
} from 'buy-tweet/rules';
import { fixedCatalog, joinCatalogs, paymentLinksCatalog, readCatalog, type Catalog } from './catalog.js';
import type { PartnerOrderStatus, PartnerStore, StoredOrder } from './store.js';
import { DEADLINE_MS, deadline } from './deadline.js';
import { stripeConfig } from './stripe-config.js';
import { SoldOut, sharedReads, withStock } from './stock.js';
import { createSweeper, type SweepReport } from './expiry.js';
import { applyStripeEvent } from './webhook-events.js';

export interface PartnerStripeOptions {
  /** `sk_...` or `rk_...`: creates PaymentIntents and reads charges and Payment Links. */
  secretKey: string;
  /** `whsec_...`: checks the signature of Stripe's webhook. */
  webhookSecret: string;
  /** `pk_...`: what buyers' browsers load Stripe.js with. */
  publishableKey: string;
  /** Another origin for Stripe's API (tests: a stand-in), e.g. `http://127.0.0.1:12111`. */
  apiBase?: string;
}

export interface PartnerOptions {
  /** A catalogue file's JSON, `{"products": [...]}`: checked here (a CatalogError when it fails). */
  catalog?: unknown;
  stripe: PartnerStripeOptions;
  /** The same as `stripe.apiBase`, by docs/partners/reference-partner.md's name (`STRIPE_API_BASE`). */
  stripeApiBase?: string;
  /** How long one call to Stripe may take, in milliseconds, before its one retry: at most and by default 10,000. */
  stripeTimeout?: number;
  /** How long a request of protocol v1 may take before it answers 503 with `Retry-After`, in milliseconds. Default 25,000. */
  deadline?: number;
  store: PartnerStore;
  /** Sell the merchant's Stripe Payment Links too. Default true. */
  paymentLinks?: boolean | { ttl?: number; merchant?: Merchant };
  /** The largest request body read, in bytes. Default 32 KB (orders), and 512 KB for webhooks. */
  maxBody?: number;
  /** The clock, in milliseconds since 1970 (tests): when orders are made, paid and expire. */
  now?: () => number;
}

export type FetchHandler = (request: Request) => Promise<Response>;

/** An Order of protocol v1 as this partner answers it: `refunded`, and `amountRefunded`, too. */
export type PartnerOrder = Omit<Order, 'status'> & { status: PartnerOrderStatus; amountRefunded?: Money };

/** Lookups change when the catalogue does: a minute at a CDN or in a browser is fine. */
const LOOKUP_CACHE = 'public, max-age=60';
const MAX_LINKS = 20;
const MAX_WEBHOOK_BODY = 512 * 1024;

class TooLarge extends Error {}

/** The body as text, read no further than `limit` bytes whatever Content-Length says. */
const readText = async (request: Request, limit: number): Promise<string> => {
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (declared > limit) throw new TooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
};

const sha256 = async (text: string): Promise<string> =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/**
 * The Order of docs/partners/protocol.md. The client secret goes with it while the buyer may still
 * pay; the receipt once paid (a refunded payment's too); `amountRefunded` once anything is. A
 * dispute is the merchant's and the bank's business: the order shows none (`orders` does).
 */
const orderAnswer = (order: StoredOrder): PartnerOrder => ({
  id: order.id,
  status: order.status,
  total: order.total,
  ...(order.clientSecret &&
    (order.status === 'requires_payment' || order.status === 'failed') && {
      payment: {
        type: 'stripe' as const,
        clientSecret: order.clientSecret,
        ...(order.publishableKey && { publishableKey: order.publishableKey }),
      },
    }),
  ...((order.status === 'paid' || order.status === 'refunded') && order.receiptUrl && { receiptUrl: order.receiptUrl }),
  ...(order.amountRefunded > 0 && { amountRefunded: { amount: order.amountRefunded, currency: order.total.currency } }),
});

export const createPartner = (
  options: PartnerOptions,
): FetchHandler & { app: Hono; sweep: () => Promise<SweepReport> } => {
  const { stripe: keys, store } = options;
  const maxBody = options.maxBody ?? 32 * 1024;
  const now = options.now ?? Date.now;
  const stripe = new Stripe(keys.secretKey, stripeConfig(keys.apiBase ?? options.stripeApiBase, options.stripeTimeout));
  const sweeper = createSweeper({ stripe, store, now });

  const entries = options.catalog === undefined ? [] : readCatalog(options.catalog, keys.publishableKey);
  const catalogs: Catalog[] = [fixedCatalog(entries)];
  // The catalogue's stock goes to the store once, before the first request that needs it.
  const counts = entries.flatMap((entry) => entry.stock);
  const stocked = new Set(counts.map((count) => count.productId));
  let synced: Promise<void> | undefined;
  const stockReady = () =>
    (synced ??= store.syncStock(counts, now()).catch((error: unknown) => {
      synced = undefined;
      throw error;
    }));
  const freeUnits = sharedReads((productId) => store.freeUnits(productId));
  /** The Product as a lookup shows it: sold out while none of its units are free. */
  const available = async (product: Product) => {
    if (!stocked.has(product.id)) return product;
    await stockReady();
    return withStock(product, await freeUnits(product.id));
  };
  if (options.paymentLinks !== false) {
    const linkOptions = typeof options.paymentLinks === 'object' ? options.paymentLinks : {};
    catalogs.push(paymentLinksCatalog(stripe, { publishableKey: keys.publishableKey, ...linkOptions }));
  }
  const catalog = joinCatalogs(...catalogs);

  /** An error answer of the protocol, `{"error": {code, message, ...}}`, never cached. */
  const refuse = (
    c: Context,
    status: ContentfulStatusCode,
    error: { code: string; message: string; [extra: string]: unknown },
  ) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ error }, status);
  };

  /** The order's PaymentIntent, created once: Stripe's idempotency key is the order's own. */
  const withPayment = async (order: StoredOrder): Promise<StoredOrder> => {
    // An order that expired before its PaymentIntent was made needs none.
    if (order.clientSecret || order.status !== 'requires_payment') return order;
    // Stripe API reference, "Create a PaymentIntent": amount in the smallest unit, currency in
    // lower case, `automatic_payment_methods[enabled]`, `metadata`; "Idempotent requests": the
    // same key with the same parameters gives the same PaymentIntent, so concurrent replays of
    // one order meet at one PaymentIntent.
    const intent = await stripe.paymentIntents.create(
      {
        amount: order.total.amount,
        currency: order.total.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        metadata: { order_id: order.id },
        receipt_email: order.email,
      },
      { idempotencyKey: `order:${order.id}` },
    );
    if (!intent.client_secret) throw new Error('Stripe gave a PaymentIntent without a client secret');
    return (await store.attachPayment(order.id, intent.id, intent.client_secret)) ?? order;
  };

  /** The partner is unwell (Stripe did not answer, say): the element asks again after `Retry-After`. */
  const unavailable = (c: Context) => {
    c.header('Retry-After', '1');
    return refuse(c, 503, { code: 'unavailable', message: 'The partner could not complete this request; try again.' });
  };

  const app = new Hono();

  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After'],
      maxAge: 86400,
    }),
  );
  app.use('/v1/*', deadline(options.deadline ?? DEADLINE_MS, unavailable));

  app.get('/v1/products', async (c) => {
    const links = new URL(c.req.url).searchParams.getAll('url');
    if (links.length < 1 || links.length > MAX_LINKS) {
      return refuse(c, 400, { code: 'invalid_request', message: `Give from 1 to ${MAX_LINKS} url parameters.` });
    }
    sweeper.soon();
    const products = await Promise.all(
      links.map(async (url) => {
        const product = await catalog.byLink(url);
        return product
          ? available(product)
          : { url, error: { code: 'product_not_found', message: 'No product is sold at this link.' } };
      }),
    );
    c.header('Cache-Control', LOOKUP_CACHE);
    return c.json({ products });
  });

  app.post('/v1/orders', async (c) => {
    sweeper.soon();
    const key = c.req.header('Idempotency-Key')?.trim();
    if (!key || key.length > 255) {
      return refuse(c, 400, {
        code: 'invalid_request',
        message: 'Send an Idempotency-Key header of 1 to 255 characters.',
      });
    }
    let text: string;
    try {
      text = await readText(c.req.raw, maxBody);
    } catch (error) {
      if (error instanceof TooLarge)
        return refuse(c, 413, { code: 'payload_too_large', message: `An order is at most ${maxBody} bytes.` });
      throw error;
    }
    // Not JSON is 400; nested past the limit is 422, before the fingerprint walks it.
    const parsed = parseOrderBody(text);
    if (!parsed.ok) return refuse(c, parsed.answer.status as ContentfulStatusCode, parsed.answer.error);
    const body = parsed.body;
    const fingerprint = await sha256(orderFingerprint(body));
    const replay = (order: StoredOrder, status: 200 | 201) =>
      order.fingerprint === fingerprint
        ? withPayment(order).then((paid) => {
            c.header('Cache-Control', 'no-store');
            return c.json(orderAnswer(paid), status);
          })
        : refuse(c, 409, {
            code: 'idempotency_conflict',
            message: 'This Idempotency-Key was used with a different body.',
          });

    // A retry answers with its order even when the catalogue has changed since.
    const known = await store.findByKey(key);
    if (known) return replay(known, 200);

    const productId = (body as { productId?: unknown } | null)?.productId;
    const product: Product | undefined = typeof productId === 'string' ? await catalog.byId(productId) : undefined;
    // The rules of an order body are the mock partner's too: one module says them.
    const check = checkOrder(body, product);
    if (!check.ok) return refuse(c, check.answer.status as ContentfulStatusCode, check.answer.error);

    if (stocked.has(check.product.id)) await stockReady();
    const { order, created } = await store.createOrder({
      id: newId('ord'),
      idempotencyKey: key,
      fingerprint,
      productId: check.request.productId,
      variantId: check.request.variantId ?? null,
      quantity: check.request.quantity,
      email: check.request.email,
      shipping: check.request.shipping,
      source: check.request.source,
      total: check.total,
      publishableKey: check.product.checkout.type === 'stripe' ? check.product.checkout.publishableKey : null,
      madeAt: now(),
      counted: stocked.has(check.product.id),
    });
    return replay(order, created ? 201 : 200);
  });

  app.get('/v1/orders/:id', async (c) => {
    sweeper.soon();
    // An id this partner never makes (NUL, a lone surrogate: text no database keeps) is no order.
    const id = c.req.param('id');
    const order = id.length <= 255 && isStorableText(id) ? await store.getOrder(id) : null;
    if (!order) return refuse(c, 404, { code: 'order_not_found', message: 'No such order.' });
    c.header('Cache-Control', 'no-store');
    return c.json(orderAnswer(order));
  });

  app.post('/webhooks/stripe', async (c) => {
    const signature = c.req.header('Stripe-Signature');
    let payload: string;
    try {
      payload = await readText(c.req.raw, MAX_WEBHOOK_BODY);
    } catch (error) {
      if (error instanceof TooLarge)
        return refuse(c, 413, { code: 'payload_too_large', message: 'The event is too large.' });
      throw error;
    }
    let event: Stripe.Event;
    try {
      // Stripe's scheme: `Stripe-Signature: t=…,v1=…`, v1 an HMAC-SHA256 of `${t}.${payload}`
      // under the endpoint's secret; the async form runs on Web Crypto too (edge runtimes).
      event = await stripe.webhooks.constructEventAsync(payload, signature ?? '', keys.webhookSecret);
    } catch {
      return refuse(c, 400, {
        code: 'invalid_signature',
        message: 'The Stripe-Signature header does not match this event.',
      });
    }
    const applied = await applyStripeEvent({ stripe, store, now }, event);
    return c.json({ received: true, applied });
  });

  app.notFound((c) =>
    refuse(c, 404, { code: 'not_found', message: 'Protocol v1 lives at /v1/products and /v1/orders.' }),
  );
  // Nothing of an error goes out or to a log: Stripe's messages may quote a key.
  app.onError((error, c) => {
    // Too few free units: the store did not make the order (docs/partners/protocol.md: 409 sold_out).
    if (error instanceof SoldOut) return refuse(c, 409, { code: 'sold_out', message: error.message });
    return unavailable(c);
  });

  const handler = (request: Request) => Promise.resolve(app.fetch(request));
  return Object.assign(handler, { app, sweep: sweeper.sweep });
};
