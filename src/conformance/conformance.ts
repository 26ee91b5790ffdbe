/**
 * The conformance suite (docs/partners/conformance.md): checks a partner endpoint against protocol v1 (docs/partners/protocol.md)
 * over HTTP, as buy-tweet would use it. Products and Orders are judged by buy-tweet's own parsers,
 * so "valid" means what the element accepts. Web APIs only: it runs on Node, Deno, Bun or a page.
 *
 * Orders: unless `orders` is false it sends five `POST /orders`, and a partner that keeps to the
 * protocol creates exactly one order from them (the replay, the conflicting body, the wrong total
 * and the bad email create none). Every order id that any answer names is in `createdOrders`, so a
 * partner that breaks idempotency shows the extra orders it made. With `orders: false` it sends no
 * POST at all.
 */
import { parseOrder } from '../core/orders.js';
import type { Product } from '../core/types.js';
import { isRecord } from '../core/rules.js';
import { parseErrorBody } from '../core/failure.js';
import { parseMoney, parseProduct, text } from '../core/validate.js';
import { createExchanger, describeAnswer, listsHeader, ORIGIN, type Exchange } from './exchange.js';
import { money, planOrder, sameMoney } from './plan.js';

export interface Check {
  /** Stable, e.g. `orders.replay`. */
  id: string;
  title: string;
  /** What the suite sent. */
  sent: string;
  /** What docs/partners/protocol.md asks for. */
  expected: string;
  /** What came back. */
  got: string;
  pass: boolean;
}

export interface Report {
  endpoint: string;
  checks: Check[];
  /** Ids of the orders the partner said it created (on a conforming partner one, or none without orders). */
  createdOrders: string[];
  passed: number;
  failed: number;
}

export interface ConformanceOptions {
  /** Links of products the endpoint sells: needed for the lookup and order checks. */
  productUrls?: readonly string[];
  /** Whether to create an order (default true); false sends no POST. */
  orders?: boolean;
  fetch?: typeof fetch;
  /** Per request, in milliseconds (default 10 000). */
  timeout?: number;
}

/** The POST requests the order checks send; one order results on a conforming partner. */
export const ORDER_REQUESTS = 5;

/** The most links one lookup may hold (docs/partners/protocol.md). */
const MAX_LINKS = 20;

const EMAIL = 'conformance@example.com';

const ADDRESS = {
  name: 'Conformance Test',
  line1: '1 Test Street',
  line2: '',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};

const randomKey = (): string => `conformance-${crypto.randomUUID()}`;

const lookupPath = (links: readonly string[]): string =>
  `/products${links.length ? `?${links.map((link) => `url=${encodeURIComponent(link)}`).join('&')}` : ''}`;

/** A lookup as the report shows it: the links unencoded, so they can be read. */
const lookupName = (links: readonly string[]): string =>
  links.length > 4
    ? `GET /products with ${links.length} url parameters`
    : `GET /products${links.length ? `?url=${links.join('&url=')}` : ''}`;

/** The entries of a lookup answer, or `null` when it is not `{"products": [...]}`. */
const entriesOf = (exchange: Exchange): unknown[] | null =>
  exchange.status === 200 && isRecord(exchange.body) && Array.isArray(exchange.body.products)
    ? exchange.body.products
    : null;

/** An entry in a word: the product's id, or the link of an error entry. */
const entryName = (entry: unknown): string => {
  const product = parseProduct(entry);
  if (product) return product.id;
  if (isRecord(entry) && typeof entry.url === 'string' && parseErrorBody(entry)) return `error for ${entry.url}`;
  return 'not a valid entry';
};

const isError = (exchange: Exchange, status: number, code: string): boolean =>
  exchange.status === status && parseErrorBody(exchange.body)?.code === code;

export const runConformance = async (endpoint: string, options: ConformanceOptions = {}): Promise<Report> => {
  const {
    productUrls = [],
    orders = true,
    fetch: fetcher = globalThis.fetch.bind(globalThis),
    timeout = 10_000,
  } = options;
  const base = endpoint.replace(/\/+$/, '');
  const { ask, exchanges } = createExchanger(base, fetcher, timeout);
  const checks: Check[] = [];
  const check = (id: string, title: string, sent: string, expected: string, got: string, pass: boolean) =>
    void checks.push({ id, title, sent, expected, got, pass });
  const createdOrders: string[] = [];
  const post = async (body: unknown, key: string): Promise<Exchange> => {
    const answer = await ask('/orders', { method: 'POST', headers: { 'Idempotency-Key': key }, body });
    if (answer.status !== undefined && answer.status >= 200 && answer.status < 300) {
      const id = (isRecord(answer.body) && text(answer.body.id, 200)) || '(an order without a readable id)';
      if (!createdOrders.includes(id)) createdOrders.push(id);
    }
    return answer;
  };

  // Lookups -----------------------------------------------------------------------------------

  const known = productUrls.slice(0, MAX_LINKS - 2);
  // One product per link, asked alone: what each entry of the mixed lookup below must be.
  const products: Product[] = [];
  const alone: string[] = [];
  for (const [i, link] of known.entries()) {
    const answer = await ask(lookupPath([link]), { name: lookupName([link]) });
    const entries = entriesOf(answer);
    const product = entries?.length === 1 ? parseProduct(entries[0]) : null;
    if (product) products.push(product);
    alone.push(entries?.length === 1 ? entryName(entries[0]) : 'no entry');
    check(
      `lookup.product.${i + 1}`,
      `A product link gives one valid Product`,
      lookupName([link]),
      '200 {"products": [a Product that buy-tweet accepts]}',
      product ? `200 with product ${product.id}` : describeAnswer(answer),
      Boolean(product),
    );
  }

  // Links no partner sells: one placed after the first known link, one at the end.
  const unknownAt = (n: number) =>
    new URL(`/buy-tweet-conformance/no-such-product-${n}-${crypto.randomUUID().slice(0, 8)}`, known[0] ?? base).href;
  const unknown = [unknownAt(1), unknownAt(2)];
  const mixed = [...known.slice(0, 1), unknown[0], ...known.slice(1), unknown[1]];
  const expectedNames = [...alone.slice(0, 1), `error for ${unknown[0]}`, ...alone.slice(1), `error for ${unknown[1]}`];
  const mixedAnswer = await ask(lookupPath(mixed), { name: lookupName(mixed) });
  const mixedEntries = entriesOf(mixedAnswer);
  const gotNames = mixedEntries?.map(entryName);
  check(
    'lookup.entries',
    'One entry per url, in the order asked (unknown links among known ones)',
    lookupName(mixed),
    `200 with ${mixed.length} entries: ${expectedNames.join(', ')}`,
    gotNames
      ? `${mixedAnswer.status} with ${gotNames.length} entries: ${gotNames.join(', ')}`
      : describeAnswer(mixedAnswer),
    Boolean(gotNames && gotNames.join('\n') === expectedNames.join('\n')),
  );

  // Found by their url, so that this check says its own thing when the order is wrong.
  const notFound = unknown.map((link) =>
    mixedEntries?.find((entry) => isRecord(entry) && entry.url === link && parseErrorBody(entry)),
  );
  check(
    'lookup.not-found',
    'Unknown links are product_not_found entries',
    lookupName(mixed),
    `entries {"url": <the link>, "error": {"code": "product_not_found", "message"}} for ${unknown.join(', ')}`,
    mixedEntries
      ? notFound.map((entry, i) => (entry ? JSON.stringify(entry) : `no error entry for ${unknown[i]}`)).join(', ')
      : describeAnswer(mixedAnswer),
    notFound.every(
      (entry) =>
        parseErrorBody(entry)?.code === 'product_not_found' &&
        typeof (entry as { error: { message?: unknown } }).error.message === 'string',
    ),
  );

  const twenty = Array.from({ length: MAX_LINKS }, (_, i) => mixed[i % mixed.length]);
  const twentyAnswer = await ask(lookupPath(twenty), { name: lookupName(twenty) });
  check(
    'lookup.twenty',
    'A lookup of 20 links is answered',
    lookupName(twenty),
    '200 with 20 entries',
    entriesOf(twentyAnswer) ? `200 with ${entriesOf(twentyAnswer)?.length} entries` : describeAnswer(twentyAnswer),
    entriesOf(twentyAnswer)?.length === MAX_LINKS,
  );

  for (const [id, links] of [
    ['lookup.too-many', [...twenty, mixed[0]]],
    ['lookup.none', []],
  ] as const) {
    const answer = await ask(lookupPath(links), { name: lookupName(links) });
    const status = answer.status ?? 0;
    check(
      id,
      `A lookup of ${links.length} links is refused`,
      lookupName(links),
      '4xx {"error": {"code", "message"}}',
      describeAnswer(answer),
      status >= 400 && status < 500 && Boolean(parseErrorBody(answer.body)),
    );
  }

  const lookups = exchanges.filter(
    (exchange) => exchange.request.startsWith('GET /products') && exchange.status === 200,
  );
  const uncached = lookups.filter((exchange) => !exchange.headers.get('Cache-Control'));
  check(
    'lookup.cache-control',
    'Lookup answers say how long they may be cached',
    `the ${lookups.length} lookups answered 200`,
    'a Cache-Control header on each',
    lookups.length === 0
      ? 'no lookup was answered 200'
      : uncached.length
        ? `none on ${uncached.map((exchange) => exchange.request).join('; ')}`
        : [...new Set(lookups.map((exchange) => exchange.headers.get('Cache-Control')))].join('; '),
    lookups.length > 0 && uncached.length === 0,
  );

  // Orders ------------------------------------------------------------------------------------

  const preflight = await ask('/orders', {
    method: 'OPTIONS',
    preflight: true,
    headers: {
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type, idempotency-key',
    },
  });
  const allowMethods = preflight.headers.get('Access-Control-Allow-Methods');
  const allowHeaders = preflight.headers.get('Access-Control-Allow-Headers');
  check(
    'cors.preflight',
    'The preflight of POST /orders allows it',
    'OPTIONS /orders, Access-Control-Request-Method: POST, Access-Control-Request-Headers: content-type, idempotency-key',
    '2xx, Access-Control-Allow-Methods with POST, Access-Control-Allow-Headers with Content-Type and Idempotency-Key',
    preflight.status === undefined
      ? describeAnswer(preflight)
      : `${preflight.status}, Allow-Methods: ${allowMethods ?? '(none)'}, Allow-Headers: ${allowHeaders ?? '(none)'}`,
    preflight.status !== undefined &&
      preflight.status >= 200 &&
      preflight.status < 300 &&
      listsHeader(allowMethods, 'POST') &&
      listsHeader(allowHeaders, 'Content-Type') &&
      listsHeader(allowHeaders, 'Idempotency-Key'),
  );

  if (orders) {
    const plan = planOrder(products);
    const body = plan && {
      productId: plan.product.id,
      variantId: plan.variant?.id ?? null,
      quantity: plan.quantity,
      email: EMAIL,
      shipping: plan.product.requiresShipping ? ADDRESS : null,
      expectedTotal: plan.total,
      source: { pageUrl: `${ORIGIN}/buy-tweet-conformance` },
    };
    const describe = (sent: typeof body, key: string) =>
      sent &&
      `POST /orders, Idempotency-Key: ${key}, ${sent.productId}${sent.variantId ? ` variant ${sent.variantId}` : ''} × ${sent.quantity}, ` +
        `email ${sent.email}, expectedTotal ${money(sent.expectedTotal)}`;

    const key = randomKey();
    const created = body && (await post(body, key));
    const order = created && parseOrder(created.body);
    check(
      'orders.create',
      'An order is created at the total the buyer saw',
      describe(body, key) ?? 'nothing: no product among the links can be ordered',
      `201 with a valid Order whose total is ${plan ? money(plan.total) : 'the expectedTotal'}`,
      !created
        ? 'give a --product-url of a product in stock with Stripe checkout (or use --no-orders)'
        : order
          ? `${created.status} order ${order.id}, total ${money(order.total)}`
          : describeAnswer(created),
      Boolean(created?.status === 201 && order && plan && sameMoney(order.total, plan.total)),
    );

    // What needs an order was not checked without one: each says so, and fails.
    const notChecked = 'not checked: no order was created';
    const orderId = order?.id;
    const replay = body && orderId ? await post(body, key) : undefined;
    const replayed = replay && parseOrder(replay.body);
    check(
      'orders.replay',
      'The same key and body again replay the order',
      describe(body, key) ?? 'nothing',
      `200 with the same order ${orderId ?? ''}`.trimEnd(),
      !replay ? notChecked : replayed ? `${replay.status} order ${replayed.id}` : describeAnswer(replay),
      Boolean(replay?.status === 200 && replayed?.id === orderId),
    );

    const other = body && { ...body, email: 'conformance+other@example.com' };
    const conflict = other && orderId ? await post(other, key) : undefined;
    check(
      'orders.conflict',
      'The same key with another body is refused',
      describe(other, key) ?? 'nothing',
      '409 {"error": {"code": "idempotency_conflict"}}',
      conflict ? describeAnswer(conflict) : notChecked,
      Boolean(conflict && isError(conflict, 409, 'idempotency_conflict')),
    );

    const wrongTotal = body && {
      ...body,
      expectedTotal: { ...body.expectedTotal, amount: body.expectedTotal.amount + 1 },
    };
    const wrongKey = randomKey();
    const priceChanged = wrongTotal && (await post(wrongTotal, wrongKey));
    const newTotal = priceChanged && parseMoney(parseErrorBody(priceChanged.body)?.extra.total);
    check(
      'orders.price-changed',
      'A wrong expectedTotal is refused with the right total',
      describe(wrongTotal, wrongKey) ?? 'nothing: no product among the links can be ordered',
      `409 {"error": {"code": "price_changed", "total": ${plan ? JSON.stringify(plan.total) : 'the right total'}}}`,
      priceChanged ? describeAnswer(priceChanged) : 'not checked',
      Boolean(
        priceChanged && isError(priceChanged, 409, 'price_changed') && plan && sameMoney(newTotal ?? null, plan.total),
      ),
    );

    const badEmail = body && { ...body, email: 'not-an-email' };
    const badKey = randomKey();
    const invalid = badEmail && (await post(badEmail, badKey));
    const fields = invalid && parseErrorBody(invalid.body)?.extra.fields;
    check(
      'orders.invalid-email',
      'A bad email is refused, naming the field',
      describe(badEmail, badKey) ?? 'nothing: no product among the links can be ordered',
      '422 {"error": {"code": "invalid_request", "fields": {"email": "..."}}}',
      invalid ? describeAnswer(invalid) : 'not checked',
      Boolean(
        invalid && isError(invalid, 422, 'invalid_request') && isRecord(fields) && typeof fields.email === 'string',
      ),
    );

    const read = orderId ? await ask(`/orders/${encodeURIComponent(orderId)}`) : undefined;
    const readOrder = read && parseOrder(read.body);
    check(
      'orders.read',
      'GET /orders/{id} gives the order',
      `GET /orders/${orderId ?? '{id}'}`,
      `200 with a valid Order ${orderId ?? ''} of total ${plan ? money(plan.total) : ''}`.replace(/ +/g, ' '),
      !read
        ? notChecked
        : readOrder
          ? `${read.status} order ${readOrder.id}, total ${money(readOrder.total)}`
          : describeAnswer(read),
      Boolean(
        read?.status === 200 && readOrder && readOrder.id === orderId && plan && sameMoney(readOrder.total, plan.total),
      ),
    );
  }

  const missing = `ord_conformance_missing_${crypto.randomUUID().replace(/-/g, '')}`;
  const unknownOrder = await ask(`/orders/${missing}`);
  check(
    'orders.unknown',
    'An unknown order id is a 404',
    `GET /orders/${missing}`,
    '404 {"error": {"code", "message"}}',
    describeAnswer(unknownOrder),
    unknownOrder.status === 404 && Boolean(parseErrorBody(unknownOrder.body)),
  );

  // Every answer ------------------------------------------------------------------------------

  const answered = exchanges.filter((exchange) => exchange.status !== undefined);
  const closed = answered.filter((exchange) => {
    const allowed = exchange.headers.get('Access-Control-Allow-Origin');
    return allowed !== '*' && allowed !== ORIGIN;
  });
  check(
    'cors.allow-origin',
    'Every answer is open to any page, errors and preflights too',
    `${exchanges.length} requests with Origin: ${ORIGIN}`,
    `Access-Control-Allow-Origin: * (or ${ORIGIN}) on every answer`,
    answered.length === 0
      ? 'no answer came'
      : closed.length
        ? `missing on ${closed.map((exchange) => `${exchange.request} → ${exchange.status}`).join('; ')}`
        : `on all ${answered.length} answers`,
    answered.length > 0 && closed.length === 0,
  );

  const errors = answered.filter((exchange) => !exchange.preflight && (exchange.status ?? 0) >= 400);
  const unexposed = errors.filter(
    (exchange) => !listsHeader(exchange.headers.get('Access-Control-Expose-Headers'), 'Retry-After'),
  );
  check(
    'cors.expose-retry-after',
    'Error answers let pages read Retry-After',
    `the ${errors.length} requests answered with an error`,
    'Access-Control-Expose-Headers naming Retry-After on each',
    errors.length === 0
      ? 'no error answer to look at'
      : unexposed.length
        ? `missing on ${unexposed.map((exchange) => `${exchange.request} → ${exchange.status}`).join('; ')}`
        : `on all ${errors.length}`,
    errors.length > 0 && unexposed.length === 0,
  );

  const misshapen = errors.filter((exchange) => {
    const error = isRecord(exchange.body) && exchange.body.error;
    return !isRecord(error) || typeof error.code !== 'string' || !error.code || typeof error.message !== 'string';
  });
  check(
    'errors.shape',
    'Every error answer is an error object',
    `the ${errors.length} requests answered with an error`,
    '{"error": {"code": string, "message": string}} on each',
    misshapen.length
      ? misshapen.map((exchange) => `${exchange.request} → ${describeAnswer(exchange)}`).join('; ')
      : errors.length
        ? `on all ${errors.length}`
        : 'no error answer to look at',
    errors.length > 0 && misshapen.length === 0,
  );

  const failed = checks.filter((c) => !c.pass).length;
  return { endpoint: base, checks, createdOrders, passed: checks.length - failed, failed };
};

/** The report as text: one line per check, then the summary and the orders created. */
export const formatReport = (report: Report): string => {
  const lines = report.checks.map(
    (c) => `${c.pass ? 'pass' : 'FAIL'} ${c.id}: ${c.title}. Sent: ${c.sent}. Expected: ${c.expected}. Got: ${c.got}.`,
  );
  lines.push(
    `${report.passed} passed, ${report.failed} failed, against ${report.endpoint}`,
    `created orders: ${report.createdOrders.length ? report.createdOrders.join(', ') : 'none'}`,
  );
  return `${lines.join('\n')}\n`;
};
