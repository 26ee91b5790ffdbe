/**
 * The mock partner (CONTRACT 6): msw request handlers for protocol v1 of the four seed partners,
 * the oEmbed endpoint, t.co, and the pictures, receipts and checkout pages their answers link to.
 * The same handlers serve a service worker (`browser.ts`) and a real HTTP server (`server.ts`).
 *
 * Where it answers (any origin, so it also works on a test page's own origin):
 *   https://{gumroad.com|fancy.com|musictoday.com|buy.stripe.com}/.well-known/buy-tweet/v1/...
 *   {origin}/{gumroad|fancy|musictoday|stripe}/v1/...
 *       GET products?url=...  POST orders  GET orders/{id}
 *   https://publish.twitter.com/oembed?url=...  and  {origin}/oembed?url=...
 *   https://t.co/{code}                    as t.co answers (GET or HEAD): a 301 to where the link
 *       goes (`tcoLinks`) with t.co's little redirecting page, or a 404 for a code it does not know
 *   {origin}/links?url=https://t.co/...    a link endpoint (CONTRACT 7): `createLinkEndpoint` of
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
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { formatMoney as formatMoneyIn } from '../core/money.js';
import type { Money, Order, OrderRequest, Product } from '../core/types.js';
import {
  catalogue,
  fixtureTweets,
  mockImages,
  mockPartners,
  notForSale,
  productAt,
  tcoLinks,
  type CatalogueEntry,
  type FixtureTweet,
  type NotForSaleEntry,
  type PartnerId,
} from './fixtures.js';
import { FAULT_HEADER, FAULT_NAMES, FAULT_ROUTES, isEntryFault, parseFault, type Fault, type FaultRoute } from './faults.js';
import { escapeHtml, oembedFor } from './oembed.js';
import { checkOrder, newId, orderFingerprint, parseStatusUrl, productLinkKey, randomHex, type ProtocolError } from '../core/rules.js';
import { createLinkEndpoint } from '../server/link-endpoint.js';
import { TWITTER_OEMBED } from '../server/oembed.js';
import { tcoAnswer } from './tco.js';
import { widgetsAnswer } from './widgets.js';

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
  | 'payment_intent.succeeded'
  | 'payment_intent.processing'
  | 'payment_intent.payment_failed';

export interface PartnerMockOptions {
  /** `Cache-Control` of a successful lookup. Default `public, max-age=60`. */
  lookupCacheControl?: string;
  /**
   * Tweet ids the widgets.js stand-in treats as deleted: their embed code stays, marked
   * `twitter-tweet-error`, beside an empty shell. A test can choose per test instead:
   * `worker.use(http.get(WIDGETS_JS_URL, () => widgetsAnswer({deleted: [id]})))`.
   */
  deletedTweets?: readonly string[];
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

const JSON_TYPE = 'application/json; charset=utf-8';

/** What the `malformed` fault answers, cut short where a reader would least expect it. */
const MALFORMED: Partial<Record<FaultRoute, string>> = {
  products: '{"products": [{"id": "prod_album", "title": "New Al',
  links: '{"links": [{"url": "https://t.co/',
};

const HOSTILE = '<img src=x onerror=alert(1)>';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new HttpResponse(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_TYPE, ...headers } });

const errorAnswer = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Response => json({ error: { code, message } }, status, headers);

const protocolError = ({ status, error }: ProtocolError): Response => json({ error }, status);

const html = (title: string, body: string, status = 200): Response =>
  new HttpResponse(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<body style="font:16px system-ui;margin:2rem"><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );

const parseUrl = (input: string): URL | null => {
  try {
    return new URL(input);
  } catch {
    return null;
  }
};

/** How the mock recognises a product link: as every partner does, less its own `fault` parameter. */
const linkKey = (url: URL): string => {
  const link = new URL(url.href);
  link.searchParams.delete('fault');
  return productLinkKey(link) ?? link.href;
};

const parseBody = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** As core formats money (Stripe's digits, not the locale's), in English like the mock's pages. */
const formatMoney = (money: Money): string => formatMoneyIn(money, 'en');

const imageSvg = (label: string, color: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">` +
  `<rect width="600" height="600" fill="${color}"/>` +
  `<text x="300" y="320" font-family="system-ui, sans-serif" font-size="56" fill="#fff" text-anchor="middle">` +
  `${escapeHtml(label)}</text></svg>`;

const entries = Object.values(catalogue) as CatalogueEntry[];
const notForSaleEntries = Object.values(notForSale) as NotForSaleEntry[];
const tweets = Object.values(fixtureTweets) as FixtureTweet[];

interface Replay {
  fingerprint: string;
  orderId?: string;
  answer?: ProtocolError;
}

interface QueuedFault {
  fault: Fault;
  route?: FaultRoute;
  remaining: number;
}

export const createPartnerMock = (options: PartnerMockOptions = {}): PartnerMock => {
  const lookupCacheControl = options.lookupCacheControl ?? 'public, max-age=60';

  const requests: LoggedRequest[] = [];
  const orders: MockOrder[] = [];
  /** The origin each order was created through, by id: its receipt lives there. */
  const orderOrigins = new Map<string, string>();
  /** Idempotency keys, per partner: `${partner} ${key}`. */
  const replays = new Map<string, Replay>();
  const queuedFaults: QueuedFault[] = [];
  /** How often a limited fault (`503*2`) was used, per subject. */
  const faultUses = new Map<string, number>();
  const productPatches = new Map<string, Partial<Product>>();

  const productsOf = (partner: PartnerId): { product: Product; aliases: string[] }[] =>
    entries
      .filter((entry) => entry.partner === partner)
      .map((entry) => ({
        product: { ...entry.product, ...productPatches.get(entry.product.id) },
        aliases: entry.aliases ?? [],
      }));

  const log = async (route: MockRoute, request: Request, partner?: PartnerId): Promise<void> => {
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    requests.push({
      method: request.method,
      url: request.url,
      route,
      ...(partner && { partner }),
      headers: Object.fromEntries(request.headers),
      ...(text && { body: parseBody(text) }),
    });
  };

  // Faults ------------------------------------------------------------------------------------

  /** A limited fault applies while its subject has used it fewer than N times. */
  const counted = (fault: Fault, subject: string): Fault | null => {
    if (fault.times === undefined) return fault;
    const key = `${subject} ${fault.spec}`;
    const used = faultUses.get(key) ?? 0;
    if (used >= fault.times) return null;
    faultUses.set(key, used + 1);
    return fault;
  };

  const unknownFault = (spec: string): Response =>
    errorAnswer(400, 'invalid_request', `Unknown fault "${spec}". Faults: ${FAULT_NAMES.join(', ')}.`);

  /** The fault the request asks for (sources 1 to 3), or an answer saying its name is unknown. */
  const requestFault = (route: FaultRoute, request: Request, subject: string): Fault | Response | null => {
    const queued = queuedFaults.findIndex((entry) => !entry.route || entry.route === route);
    if (queued >= 0) {
      const entry = queuedFaults[queued];
      if (--entry.remaining <= 0) queuedFaults.splice(queued, 1);
      return entry.fault;
    }
    const specs = [request.headers.get(FAULT_HEADER), new URL(request.url).searchParams.get('fault')];
    for (const spec of specs) {
      if (!spec) continue;
      const fault = parseFault(spec);
      if (!fault) return unknownFault(spec);
      const chosen = counted(fault, `${route} ${subject}`);
      if (chosen) return chosen;
    }
    return null;
  };

  /**
   * The answer of a fault that replaces the whole answer, or `undefined` when the request goes on
   * (after `slow` has waited, and for the faults that change what the answer says).
   */
  const faultAnswer = async (fault: Fault, route: FaultRoute): Promise<Response | undefined> => {
    const because = `The mock partner was asked to fail (fault ${fault.spec}).`;
    switch (fault.name) {
      case '500':
        return errorAnswer(500, 'internal_error', because);
      case '503':
        return errorAnswer(503, 'unavailable', because, { 'Retry-After': '1' });
      case '429':
        return errorAnswer(429, 'rate_limited', because, { 'Retry-After': '1' });
      case '404':
        return errorAnswer(404, 'not_found', because);
      case 'network':
        return HttpResponse.error();
      case 'slow':
        await delay(fault.delayMs);
        return undefined;
      case 'hang':
        await delay('infinite');
        return undefined;
      case 'malformed':
        return new HttpResponse(MALFORMED[route] ?? '{"id": "ord_', {
          status: 200,
          headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
        });
      case 'oversize':
        // Valid JSON, past what buy-tweet reads of an answer: 1 MB for lookups, 100 KB for the rest.
        return new HttpResponse(`{"padding": "${' '.repeat(route === 'products' ? 1_100_000 : 110_000)}"}`, {
          status: 200,
          headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
        });
      case 'partner-error':
        return errorAnswer(400, 'partner_specific_error', because);
      case 'schema':
      case 'html-title':
        return undefined;
    }
  };

  // Lookups ------------------------------------------------------------------------------------

  const stubProduct = (partner: PartnerId, link: string): Product => ({
    id: 'prod_unlisted',
    url: link,
    title: 'Unlisted product',
    merchant: { name: 'Mock Partner' },
    price: { amount: 100, currency: 'USD' },
    availability: 'in_stock',
    variants: [],
    maxQuantity: 1,
    requiresShipping: false,
    checkout: { type: 'stripe', publishableKey: `pk_test_buytweet_${partner}` },
  });

  const faultyEntry = (fault: Fault, link: string, product: Product): unknown => {
    if (fault.name === 'partner-error') {
      return {
        url: link,
        error: { code: 'partner_specific_error', message: `The mock partner was asked to fail (fault ${fault.spec}).` },
      };
    }
    if (fault.name === 'schema') {
      return { ...product, title: undefined, price: { amount: String(product.price.amount), currency: product.price.currency } };
    }
    return {
      ...product,
      title: `${product.title} ${HOSTILE}`,
      description: `${HOSTILE}<script>alert(1)</script>`,
      image: { url: 'javascript:alert(1)', alt: HOSTILE },
      merchant: { name: `<b>${product.merchant.name}</b>${HOSTILE}`, url: 'http://evil.example' },
      ...(product.checkout.type === 'redirect' && { checkout: { type: 'redirect', url: 'javascript:alert(1)' } }),
    };
  };

  const lookup = async (partner: PartnerId, request: Request): Promise<Response> => {
    await log('products', request, partner);
    const url = new URL(request.url);
    const links = url.searchParams.getAll('url');
    let shaped = false;

    const chosen = requestFault('products', request, links.join(' '));
    if (chosen instanceof Response) return chosen;
    let entryFault: Fault | null = null;
    if (chosen) {
      shaped = true;
      if (isEntryFault(chosen)) entryFault = chosen;
      else {
        const answer = await faultAnswer(chosen, 'products');
        if (answer) return answer;
      }
    }

    if (links.length < 1 || links.length > 20) {
      return errorAnswer(400, 'invalid_request', 'Give from 1 to 20 `url` parameters.');
    }

    const parsed = links.map((link) => ({ link, url: parseUrl(link) }));
    const linkFaults: (Fault | null)[] = [];
    for (const { url: linkUrl } of parsed) {
      const spec = linkUrl?.searchParams.get('fault');
      const fault = spec ? parseFault(spec) : null;
      if (spec && !fault) return unknownFault(spec);
      linkFaults.push(fault && linkUrl && counted(fault, `products ${linkKey(linkUrl)}`));
    }
    for (const fault of linkFaults) {
      if (!fault || isEntryFault(fault)) continue;
      shaped = true;
      const answer = await faultAnswer(fault, 'products');
      if (answer) return answer;
    }

    const origin = url.origin;
    const known = new Map<string, Product>();
    for (const { product, aliases } of productsOf(partner)) {
      for (const link of [product.url, ...aliases]) known.set(linkKey(new URL(link)), product);
    }
    const withheld = new Map(
      notForSaleEntries.filter((entry) => entry.partner === partner).map((entry) => [linkKey(new URL(entry.url)), entry]),
    );

    const products = parsed.map(({ link, url: linkUrl }, i) => {
      const key = linkUrl && linkKey(linkUrl);
      const product = key ? known.get(key) : undefined;
      const fault = entryFault ?? linkFaults[i];
      if (fault && isEntryFault(fault)) {
        shaped = true;
        return faultyEntry(fault, link, productAt(product ?? stubProduct(partner, link), origin));
      }
      if (product) return productAt(product, origin);
      const unsold = key ? withheld.get(key) : undefined;
      if (unsold) return { url: link, error: { code: 'not_for_sale', message: unsold.message } };
      return { url: link, error: { code: 'product_not_found', message: 'No product is sold at this link.' } };
    });
    return json({ products }, 200, { 'Cache-Control': shaped ? 'no-store' : lookupCacheControl });
  };

  // Orders -------------------------------------------------------------------------------------

  const brokenOrder = { status: 'requires_payment', total: { amount: '12.99', currency: 'USD' } };

  const createOrder = async (partner: PartnerId, request: Request): Promise<Response> => {
    await log('orders', request, partner);
    const key = request.headers.get('Idempotency-Key')?.trim();
    const text = await request.text();

    const chosen = requestFault('orders', request, key || text);
    if (chosen instanceof Response) return chosen;
    if (chosen?.name === 'schema') return json(brokenOrder, 201);
    if (chosen) {
      const answer = await faultAnswer(chosen, 'orders');
      if (answer) return answer;
    }

    if (!key) return errorAnswer(400, 'invalid_request', 'The Idempotency-Key header is required.');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return errorAnswer(400, 'invalid_request', 'The body must be JSON.');
    }

    const replayKey = `${partner} ${key}`;
    const print = orderFingerprint(body);
    const previous = replays.get(replayKey);
    if (previous) {
      if (previous.fingerprint !== print) {
        return errorAnswer(409, 'idempotency_conflict', 'This Idempotency-Key was used with a different body.');
      }
      const replayed = orders.find((record) => record.order.id === previous.orderId);
      if (replayed) return json(replayed.order, 200);
      if (previous.answer) return protocolError(previous.answer);
    }

    const origin = new URL(request.url).origin;
    const productId = (body as { productId?: unknown } | null)?.productId;
    const product = productsOf(partner).find((entry) => entry.product.id === productId)?.product;
    const check = checkOrder(body, product && productAt(product, origin));
    if (!check.ok) {
      // The same attempt sent again gets the same answer; a changed one needs a new key.
      replays.set(replayKey, { fingerprint: print, answer: check.answer });
      return protocolError(check.answer);
    }

    const checkout = product!.checkout;
    const order: Order = {
      id: newId('ord', 8),
      status: 'requires_payment',
      total: check.total,
      payment: {
        type: 'stripe',
        clientSecret: `pi_${randomHex(12)}_secret_${randomHex(12)}`,
        ...(checkout.type === 'stripe' && { publishableKey: checkout.publishableKey }),
      },
    };
    orders.push({ partner, order, request: check.request, idempotencyKey: key });
    orderOrigins.set(order.id, origin);
    replays.set(replayKey, { fingerprint: print, orderId: order.id });
    return json(order, 201);
  };

  const readOrder = async (partner: PartnerId, request: Request, id: string): Promise<Response> => {
    await log('order', request, partner);
    const chosen = requestFault('order', request, id);
    if (chosen instanceof Response) return chosen;
    if (chosen?.name === 'schema') return json(brokenOrder);
    if (chosen) {
      const answer = await faultAnswer(chosen, 'order');
      if (answer) return answer;
    }
    const record = orders.find((entry) => entry.partner === partner && entry.order.id === id);
    if (!record) return errorAnswer(404, 'order_not_found', 'No order has this id.');
    return json(record.order);
  };

  const settlePayment = (clientSecret: string, type: PaymentEventType): Order | undefined => {
    const record = orders.find((entry) => entry.order.payment?.clientSecret === clientSecret);
    if (!record) return undefined;
    // A failed or processing payment leaves the order payable: the buyer may try again.
    if (type === 'payment_intent.succeeded' && record.order.status === 'requires_payment') {
      record.order.status = 'paid';
      record.order.receiptUrl = new URL(`/__mock/receipts/${record.order.id}`, orderOrigins.get(record.order.id)).href;
    }
    return record.order;
  };

  // oEmbed -------------------------------------------------------------------------------------

  // publish.twitter.com answers without CORS headers, so no page can read it (sources in
  // src/server/oembed.ts): its stand-in here sends none either, as no answer of these handlers does
  // by itself. That rule holds for Node (msw/node, the link endpoint's fetch), where nothing checks
  // CORS anyway. In a browser it cannot be enforced: msw's service worker makes the answer itself,
  // and the browser does not check CORS on an answer a service worker made (w3c/ServiceWorker#130),
  // so under the mock a page reads publish.twitter.com directly, which a real page cannot. The mock's
  // HTTP server (`server.ts`) serves this route on its own origin, open to all like its other routes.
  const oembed = async (request: Request): Promise<Response> => {
    await log('oembed', request);
    const params = new URL(request.url).searchParams;
    const tweetUrl = params.get('url') ?? '';
    const chosen = requestFault('oembed', request, tweetUrl);
    if (chosen instanceof Response) return chosen;
    if (chosen?.name === 'schema') return json({ type: 'rich', version: '1.0', html: 42 });
    if (chosen) {
      const answer = await faultAnswer(chosen, 'oembed');
      if (answer) return answer;
    }
    if (!tweetUrl) return errorAnswer(400, 'invalid_request', 'The `url` parameter is required.');
    const id = parseStatusUrl(tweetUrl)?.id ?? null;
    const tweet = tweets.find((candidate) => candidate.id === id);
    if (!tweet) return errorAnswer(404, 'not_found', 'No such tweet.');
    // As publish.twitter.com answers today: every link of the tweet written as its t.co link.
    const answer = oembedFor(tweet, { omitScript: /^(true|1)$/i.test(params.get('omit_script') ?? ''), links: 'tco' });
    if (chosen?.name === 'html-title') {
      answer.author_name = `${tweet.authorName} ${HOSTILE}`;
      answer.html = answer.html
        .replace('</p>', ` ${HOSTILE}<script>alert(1)</script></p>`)
        .replace('&mdash; ', `&mdash; ${HOSTILE}`);
    }
    return json(answer);
  };

  // t.co ---------------------------------------------------------------------------------------

  const tco = async (request: Request): Promise<Response> => {
    await log('tco', request);
    const link = new URL(request.url);
    const chosen = requestFault('tco', request, link.pathname);
    if (chosen instanceof Response) return chosen;
    if (chosen) {
      const answer = await faultAnswer(chosen, 'tco');
      if (answer) return answer;
    }
    return tcoAnswer(request.method, tcoLinks[`${link.origin}${link.pathname}`]);
  };

  // The link endpoint, over the t.co and the publish.twitter.com above: what the real one asks
  // them (`?url=` t.co, `?tweet=` publish.twitter.com's oEmbed) goes to the mock's, and shows in
  // `requests`. It keeps no answers, so that every request reaches them and counts.
  const linkEndpoint = createLinkEndpoint({
    fetch: async (url, init) => {
      if (url.startsWith('https://t.co/')) return tco(new Request(url, init));
      if (url.startsWith(`${TWITTER_OEMBED}?`)) return oembed(new Request(url, init));
      throw new TypeError(`buy-tweet mock: the link endpoint asked ${url}`);
    },
    cacheSize: 0,
  });

  const links = async (request: Request): Promise<Response> => {
    await log('links', request);
    const query = new URL(request.url).searchParams;
    const chosen = requestFault('links', request, [...query.getAll('url'), ...query.getAll('tweet')].join(' '));
    if (chosen instanceof Response) return chosen;
    if (chosen?.name === 'schema') return json({ links: 'https://t.co/AbC123' });
    if (chosen) {
      const answer = await faultAnswer(chosen, 'links');
      if (answer) return answer;
    }
    return linkEndpoint(request);
  };

  // Pages and pictures the answers link to -----------------------------------------------------

  const receipt = async (request: Request, id: string): Promise<Response> => {
    await log('receipt', request);
    const record = orders.find((entry) => entry.order.id === id && entry.order.status === 'paid');
    if (!record) return html('No such receipt', '<p>This order has no receipt.</p>', 404);
    const product = productsOf(record.partner).find((entry) => entry.product.id === record.request.productId)?.product;
    return html(
      `Receipt ${record.order.id}`,
      `<p>${escapeHtml(product?.title ?? record.request.productId)} × ${record.request.quantity}</p>` +
        `<p>Paid: ${escapeHtml(formatMoney(record.order.total))}</p>`,
    );
  };

  const checkoutPage = async (request: Request, slug: string): Promise<Response> => {
    await log('checkout', request);
    const product = mockPartners
      .flatMap((partner) => productsOf(partner.id))
      .find(({ product }) => product.checkout.type === 'redirect' && product.checkout.url === `/__mock/checkout/${slug}`)?.product;
    if (!product) return html('No such checkout', '<p>Nothing is sold here.</p>', 404);
    return html(`Checkout: ${product.title}`, `<p>${escapeHtml(formatMoney(product.price))}</p><button>Pay</button>`);
  };

  const picture = async (request: Request, file: string): Promise<Response> => {
    await log('image', request);
    const image = mockImages[file.replace(/\.svg$/, '')];
    if (!file.endsWith('.svg') || !image) return new HttpResponse('Not found', { status: 404 });
    return new HttpResponse(imageSvg(image.label, image.color), {
      headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' },
    });
  };

  const stripeEvent = async (request: Request): Promise<Response> => {
    await log('stripe-event', request);
    const event = parseBody(await request.text()) as { type?: unknown; clientSecret?: unknown } | null;
    const types: unknown[] = ['payment_intent.succeeded', 'payment_intent.processing', 'payment_intent.payment_failed'];
    if (!event || typeof event.clientSecret !== 'string' || !types.includes(event.type)) {
      return errorAnswer(400, 'invalid_request', 'Send {type, clientSecret} with a payment_intent event type.');
    }
    const order = settlePayment(event.clientSecret, event.type as PaymentEventType);
    if (!order) return errorAnswer(404, 'order_not_found', 'No order has this client secret.');
    return json({ received: true });
  };

  // The mock itself ----------------------------------------------------------------------------

  const inject = (spec: string, { route, times }: InjectOptions = {}): void => {
    const fault = parseFault(spec);
    if (!fault) throw new TypeError(`buy-tweet mock: unknown fault "${spec}"`);
    queuedFaults.push({ fault, route, remaining: times ?? fault.times ?? 1 });
  };

  const updateProduct = (productId: string, patch: Partial<Product>): void => {
    if (!entries.some((entry) => entry.product.id === productId)) {
      throw new TypeError(`buy-tweet mock: no product "${productId}"`);
    }
    productPatches.set(productId, { ...productPatches.get(productId), ...patch });
  };

  const reset = (): void => {
    requests.length = 0;
    orders.length = 0;
    orderOrigins.clear();
    replays.clear();
    queuedFaults.length = 0;
    faultUses.clear();
    productPatches.clear();
  };

  const preflight = () => new HttpResponse(null, { status: 204 });

  const endpointHandlers = mockPartners.flatMap(({ id, host }) =>
    [`https://${host}/.well-known/buy-tweet/v1`, `*/${id}/v1`].flatMap((base) => [
      http.get(`${base}/products`, ({ request }) => lookup(id, request)),
      http.post(`${base}/orders`, ({ request }) => createOrder(id, request)),
      http.get(`${base}/orders/:id`, ({ request, params }) => readOrder(id, request, String(params.id))),
      http.options(`${base}/*`, preflight),
    ]),
  );

  const handlers: HttpHandler[] = [
    ...endpointHandlers,
    http.get('*/oembed', ({ request }) => oembed(request)),
    http.options('*/oembed', preflight),
    http.get('https://t.co/:code', ({ request }) => tco(request)),
    http.head('https://t.co/:code', ({ request }) => tco(request)),
    http.get('*/links', ({ request }) => links(request)),
    http.options('*/links', preflight),
    // On any origin: platform.twitter.com for pages (through the service worker), the server's own
    // origin for pages that load it from there.
    http.get('*/widgets.js', async ({ request }) => {
      await log('widgets', request);
      return widgetsAnswer({ deleted: options.deletedTweets });
    }),
    http.get('*/__mock/images/:file', ({ request, params }) => picture(request, String(params.file))),
    http.get('*/__mock/receipts/:id', ({ request, params }) => receipt(request, String(params.id))),
    http.get('*/__mock/checkout/:slug', ({ request, params }) => checkoutPage(request, String(params.slug))),
    http.post('*/__mock/stripe/events', ({ request }) => stripeEvent(request)),
    http.get('*/__mock/state', () => json({ orders, requests })),
    http.post('*/__mock/reset', () => {
      reset();
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('*/__mock/faults', async ({ request }) => {
      const body = parseBody(await request.text()) as { fault?: unknown; route?: unknown; times?: unknown } | null;
      const routes: unknown[] = [...FAULT_ROUTES, undefined];
      if (!body || typeof body.fault !== 'string' || !parseFault(body.fault) || !routes.includes(body.route)) {
        return errorAnswer(400, 'invalid_request', `Send {fault, route?, times?}. Faults: ${FAULT_NAMES.join(', ')}.`);
      }
      inject(body.fault, {
        route: body.route as FaultRoute | undefined,
        times: Number.isInteger(body.times) ? (body.times as number) : undefined,
      });
      return new HttpResponse(null, { status: 204 });
    }),
    http.options('*/__mock/*', preflight),
  ];

  return {
    handlers,
    requests,
    orders,
    get ordersCreated() {
      return orders.length;
    },
    inject,
    updateProduct,
    settlePayment,
    reset,
  };
};
