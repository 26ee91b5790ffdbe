/**
 * The mock partner (docs/partners/mock-partner.md): msw request handlers for protocol v1 of the four seed partners,
 * the oEmbed endpoint, t.co, and the pictures, receipts and checkout pages their answers link to.
 * The same handlers serve a service worker (`browser.ts`) and a real HTTP server (`server.ts`).
 * Each group of routes is a module of `routes/` that takes the mock's state (`routes/state.ts`);
 * this one composes them and keeps the public API.
 *
 * Where it answers (any origin, so it also works on a test page's own origin):
 *   https://{gumroad.com|fancy.com|musictoday.com|buy.stripe.com}/.well-known/buy-tweet/v1/...
 *   {origin}/{gumroad|fancy|musictoday|stripe}/v1/...
 *       GET products?url=...  POST orders  GET orders/{id}
 *   https://publish.twitter.com/oembed?url=...  and  {origin}/oembed?url=...
 *   https://t.co/{code}                    as t.co answers (GET or HEAD): a 301 to where the link
 *       goes (`tcoLinks`) with t.co's little redirecting page, or a 404 for a code it does not know
 *   {origin}/links?url=https://t.co/...    a link endpoint (docs/publishers/real-tweets.md): `createLinkEndpoint` of
 *       `buy-tweet/server`, asking the mock's t.co above; `links?tweet={status URL}` asks the
 *       mock's publish.twitter.com. It keeps nothing between requests.
 *   https://platform.twitter.com/widgets.js  and  {origin}/widgets.js   a stand-in for Twitter's
 *       script that renders embed code as widgets.js does (`widgets.ts`); the tweets in
 *       `deletedTweets` are drawn as deleted ones
 *   {origin}/__mock/images/{name}.svg      product pictures
 *   {origin}/__mock/receipts/{orderId}     receipt pages of paid orders
 *   {origin}/__mock/checkout/{slug}        the partner's own checkout page (redirect checkout)
 *   POST {origin}/__mock/stripe/events     {type, clientSecret}: what Stripe's webhook would tell
 *       the partner; `payment_intent.succeeded` marks the order paid and gives it a receiptUrl
 *   GET {origin}/__mock/state, POST {origin}/__mock/reset, POST {origin}/__mock/faults
 *       {fault, route?, times?}: the mock's state and controls over HTTP, for tests that run the
 *       mock in another process
 *
 * Faults
 * ------
 * A fault makes the mock misbehave on purpose. Choose one per request, in any of these ways (the
 * first that names a fault wins):
 *   1. `mock.inject(fault, {route?, times?})` (or POST /__mock/faults): queued faults, first in
 *      first out, each used by the next `times` (default 1) requests of its route
 *      (`products`, `orders`, `order`, `oembed`, `tco` or `links`; any of them when no route is
 *      given).
 *   2. the request header `X-Buy-Tweet-Fault: <fault>`.
 *   3. the query parameter `fault=<fault>` of the request itself: `/products?url=...&fault=500`.
 *   4. lookups only: a `fault` query parameter on a product link being looked up, e.g.
 *      `https://gumroad.com/l/new-album?fault=503`. The link still finds its product (the
 *      parameter is ignored for matching), and the fault concerns that link only.
 *
 * Faults:
 *   500             500 {"error": {"code": "internal_error"}}
 *   503             503 {"error": {"code": "unavailable"}} with `Retry-After: 1`
 *   429             429 {"error": {"code": "rate_limited"}} with `Retry-After: 1`
 *   404             404 {"error": {"code": "not_found"}}
 *   network         no answer: the connection fails (`HttpResponse.error()`)
 *   slow            the normal answer, after 3 s; `slow-<ms>` waits <ms> milliseconds instead
 *   hang            never answers (`delay('infinite')`): for loading states and timeouts
 *   malformed       200 with a body that is not JSON
 *   schema          200 with JSON that breaks the protocol: a product without `title` whose
 *                   `price.amount` is a string; an order without `id` and with a string amount;
 *                   an oEmbed answer whose `html` is a number
 *   html-title      lookups: a product whose title, description, image alt and merchant name hold
 *                   `<img src=x onerror=alert(1)>`, image URL `javascript:alert(1)` and merchant
 *                   url `http://evil.example`; oEmbed: markup and author name with live HTML.
 *                   Hostile input the element must show as text or drop. Other routes: no effect.
 *   partner-error   lookups: the entry is an error with a code no client knows
 *                   (`partner_specific_error`); other routes: 400 with that code.
 * `schema`, `html-title` and `partner-error` change the entries of a lookup (every entry when the
 * whole request asks for them, that link's entry when a link does); the others the whole answer.
 * A count suffix `*N` (`503*2`) limits a fault to the first N requests for the same subject (the
 * looked-up links, the product link, the Idempotency-Key, the order id, the tweet URL or the t.co
 * code); later ones are answered normally: this is how to test automatic retries. An unknown fault
 * is a 400 `invalid_request`. Answers shaped by a fault are never cacheable. `reset()` forgets all
 * faults and counts.
 */
import { http, type HttpHandler } from 'msw';
import type { Order, OrderRequest, Product } from '../core/types.js';
import type { FaultRoute } from './faults.js';
import type { PartnerId } from './fixtures.js';
import { preflight } from './routes/answers.js';
import { controlRoutes } from './routes/controls.js';
import { partnerEndpoints } from './routes/endpoints.js';
import { queueFault } from './routes/faults.js';
import { orderRoutes, settlePayment } from './routes/orders.js';
import { pageRoutes } from './routes/pages.js';
import { productRoutes, updateProduct } from './routes/products.js';
import { createMockState, resetState } from './routes/state.js';
import { twitterRoutes } from './routes/twitter.js';

export type { FaultRoute } from './faults.js';

/** The header that chooses a fault for one request. */
export { FAULT_HEADER } from './faults.js';

/** What a logged request was for. */
export type MockRoute = FaultRoute | 'image' | 'receipt' | 'checkout' | 'stripe-event' | 'widgets';

export interface LoggedRequest {
  method: string;
  url: string;
  route: MockRoute;
  /** Of protocol routes: whose endpoint was asked. */
  partner?: PartnerId;
  /** Names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON when it is JSON, else the text; absent without a body. */
  body?: unknown;
}

export interface MockOrder {
  partner: PartnerId;
  /** The order as the partner answers it now (it changes when it is paid). */
  order: Order;
  /** The body the order was created from, as the partner kept it. */
  request: OrderRequest;
  idempotencyKey: string;
}

export type PaymentEventType =
  'payment_intent.succeeded' | 'payment_intent.processing' | 'payment_intent.payment_failed';

export interface PartnerMockOptions {
  /** `Cache-Control` of a successful lookup. Default `public, max-age=60`. */
  lookupCacheControl?: string;
  /**
   * Tweet ids the widgets.js stand-in treats as deleted: their embed code stays, marked
   * `twitter-tweet-error`, beside an empty shell. A test can choose per test instead:
   * `worker.use(http.get(WIDGETS_JS_URL, () => widgetsAnswer({deleted: [id]})))`.
   */
  deletedTweets?: readonly string[];
  /**
   * How many generated products the mock's Gumroad sells besides the seed catalogue, at
   * `https://gumroad.com/l/generated-{1..n}` (`generatedProductUrl`): for benchmarks that need more
   * distinct products than the fixtures hold. Default 0: tests see the seed catalogue only.
   */
  generatedProducts?: number;
}

export interface InjectOptions {
  /** Which route the fault is for; any protocol or oEmbed route when absent. */
  route?: FaultRoute;
  /** How many requests it applies to (default: the spec's `*N`, else 1). */
  times?: number;
}

export interface PartnerMock {
  readonly handlers: HttpHandler[];
  /** Every request the mock answered (controls and preflights aside), oldest first. */
  readonly requests: readonly LoggedRequest[];
  /** The orders created, oldest first (replays of a key create none). */
  readonly orders: readonly MockOrder[];
  readonly ordersCreated: number;
  /** Queues a fault (see the list above) for the next matching requests. */
  inject(fault: string, options?: InjectOptions): void;
  /** Changes a product for this mock only (a new price, sold out...), until `reset()`. */
  updateProduct(productId: string, patch: Partial<Product>): void;
  /** What the Stripe webhook stand-in does; gives the order, or `undefined` for an unknown secret. */
  settlePayment(clientSecret: string, type: PaymentEventType): Order | undefined;
  /** Forgets requests, orders, idempotency keys, faults and product changes. */
  reset(): void;
}

export const createPartnerMock = (options: PartnerMockOptions = {}): PartnerMock => {
  const state = createMockState(options);
  const handlers: HttpHandler[] = [
    ...productRoutes(state),
    ...orderRoutes(state),
    ...partnerEndpoints.map(({ base }) => http.options(`${base}/*`, preflight)),
    ...twitterRoutes(state),
    ...pageRoutes(state),
    ...controlRoutes(state),
  ];
  return {
    handlers,
    requests: state.requests,
    orders: state.orders,
    get ordersCreated() {
      return state.orders.length;
    },
    inject: (fault, injectOptions) => queueFault(state, fault, injectOptions),
    updateProduct: (productId, patch) => updateProduct(state, productId, patch),
    settlePayment: (clientSecret, type) => settlePayment(state, clientSecret, type),
    reset: () => resetState(state),
  };
};
