// `npx buy-tweet conformance`: the real CLI process against the mock partner over real HTTP on
// 127.0.0.1, and against partners broken on purpose: each a proxy to the mock that corrupts one
// thing. Runs against the build.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { getResponse } from 'msw';
import { catalogue, createPartnerMock } from 'buy-tweet/mock';
import { runConformance } from '../../dist/esm/conformance/index.js';
import { startMockPartnerServer } from 'buy-tweet/mock/server';
import { listen } from '../../dist/esm/node/listen.js';
import { cli } from './cli-process.mjs';

/**
 * Runs `buy-tweet ...args` to its end: `{code, stdout, stderr}`. Without cli-process.mjs's t.co
 * preload: msw's interception in the process drops the CORS headers of answers it lets through,
 * which is the very thing the suite checks.
 */
const runCli = (args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

const gumroad = Object.values(catalogue).filter((entry) => entry.partner === 'gumroad');
const productUrls = gumroad.map((entry) => entry.product.url);
const productArgs = productUrls.flatMap((url) => ['--product-url', url]);

/** The report's lines of checks: `{id, pass}` each. */
const checkLines = (stdout) =>
  [...stdout.matchAll(/^(pass|FAIL) ([\w.-]+): /gm)].map(([, verdict, id]) => ({ id, pass: verdict === 'pass' }));
const failing = (stdout) =>
  checkLines(stdout)
    .filter((c) => !c.pass)
    .map((c) => c.id);
const createdOrders = (stdout) => /^created orders: (.*)$/m.exec(stdout)?.[1];

/**
 * A partner in front of `origin` (the mock) that forwards every request and lets `corrupt` change
 * one thing: `request({method, path, headers, body})` before it goes, `answer({method, path,
 * request}, {status, headers, body})` before it comes back. Counts the methods it was sent.
 */
const startBrokenPartner = async (origin, corrupt = {}) => {
  const methods = [];
  const server = createServer(async (req, res) => {
    methods.push(req.method);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = { ...req.headers };
    for (const name of ['host', 'connection', 'content-length']) delete headers[name];
    const request = { method: req.method, path: req.url, headers, body: Buffer.concat(chunks).toString('utf8') };
    corrupt.request?.(request);
    const response = await fetch(`${origin}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body || undefined,
    });
    const answer = {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
    delete answer.headers['content-length'];
    corrupt.answer?.(request, answer);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  const { origin: url, close } = await listen(server, 0, '127.0.0.1');
  return { endpoint: `${url}/gumroad/v1`, methods, close };
};

/** Changes a JSON answer's body. */
const rewrite = (answer, change) => {
  const body = JSON.parse(answer.body);
  change(body);
  answer.body = JSON.stringify(body);
};

describe('buy-tweet conformance', () => {
  let mock;
  before(async () => {
    mock = await startMockPartnerServer({ port: 0 });
  });
  after(() => mock?.close());
  beforeEach(() => mock.mock.reset());

  test('passes every check on the mock partner, and lists the one order it created', async () => {
    const { code, stdout, stderr } = await runCli(['conformance', mock.endpoints.gumroad, ...productArgs]);
    assert.equal(code, 0, stdout + stderr);
    const checks = checkLines(stdout);
    assert.ok(checks.length >= 20, stdout);
    assert.deepEqual(failing(stdout), []);
    for (const id of [
      'lookup.entries',
      'lookup.not-found',
      'lookup.cache-control',
      'lookup.too-many',
      'lookup.none',
      'cors.preflight',
      'cors.allow-origin',
      'cors.expose-retry-after',
      'errors.shape',
      'orders.create',
      'orders.replay',
      'orders.conflict',
      'orders.price-changed',
      'orders.invalid-email',
      'orders.read',
      'orders.unknown',
    ]) {
      assert.ok(
        checks.some((c) => c.id === id),
        `no check ${id}`,
      );
    }
    assert.match(stdout, new RegExp(`^${checks.length} passed, 0 failed, against ${mock.endpoints.gumroad}$`, 'm'));
    // One order, of a variant priced apart from the product, two of it: 2 × 12.99.
    assert.equal(mock.mock.ordersCreated, 1);
    const [{ order, request }] = mock.mock.orders;
    assert.deepEqual([request.productId, request.variantId, request.quantity], ['prod_album', 'var_flac', 2]);
    assert.deepEqual(order.total, { amount: 2598, currency: 'USD' });
    assert.equal(createdOrders(stdout), order.id);
    assert.equal(stderr, '');
  });

  test('--json prints the same checks as one JSON document', async () => {
    const text = await runCli(['conformance', mock.endpoints.gumroad, ...productArgs, '--no-orders']);
    const json = await runCli(['conformance', mock.endpoints.gumroad, ...productArgs, '--no-orders', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.deepEqual(
      report.checks.map(({ id, pass }) => ({ id, pass })),
      checkLines(text.stdout),
    );
    for (const check of report.checks)
      assert.deepEqual(Object.keys(check), ['id', 'title', 'sent', 'expected', 'got', 'pass']);
    assert.deepEqual([report.passed, report.failed, report.createdOrders], [report.checks.length, 0, []]);
    assert.equal(report.endpoint, mock.endpoints.gumroad);
  });

  test('--no-orders sends no POST and creates no order', async () => {
    const partner = await startBrokenPartner(mock.url);
    try {
      const { code, stdout } = await runCli(['conformance', partner.endpoint, ...productArgs, '--no-orders']);
      assert.equal(code, 0, stdout);
      assert.ok(partner.methods.length > 5, partner.methods.join());
      assert.ok(!partner.methods.includes('POST'), partner.methods.join());
      assert.equal(mock.mock.ordersCreated, 0);
      assert.equal(createdOrders(stdout), 'none');
      assert.ok(!checkLines(stdout).some((c) => c.id === 'orders.create'));
    } finally {
      await partner.close();
    }
  });

  /** Each broken partner, and exactly the checks it must fail. */
  const broken = [
    {
      name: 'no CORS on errors',
      corrupt: {
        answer: (_request, answer) => answer.status >= 400 && delete answer.headers['access-control-allow-origin'],
      },
      fails: ['cors.allow-origin'],
    },
    {
      name: 'no idempotency: every POST gets a key of its own, so a replay makes a second order',
      corrupt: {
        request: (request) => request.method === 'POST' && (request.headers['idempotency-key'] = crypto.randomUUID()),
      },
      fails: ['orders.replay', 'orders.conflict'],
    },
    {
      name: 'lookup entries out of order',
      corrupt: {
        answer: (request, answer) =>
          request.path.includes('/products?') &&
          answer.status === 200 &&
          rewrite(answer, (body) => body.products.reverse()),
      },
      fails: ['lookup.entries'],
    },
    {
      name: 'no Cache-Control on lookups',
      corrupt: {
        answer: (request, answer) => request.path.includes('/products') && delete answer.headers['cache-control'],
      },
      fails: ['lookup.cache-control'],
    },
    {
      // Prices every order at the product's first variant: 2 × 9.99, not 2 × 12.99.
      name: 'a total that ignores the variant',
      corrupt: {
        request: (request) => {
          if (request.method !== 'POST') return;
          const body = JSON.parse(request.body);
          const entry = gumroad.find(({ product }) => product.id === body.productId);
          request.body = JSON.stringify({ ...body, variantId: entry?.product.variants[0]?.id ?? body.variantId });
        },
      },
      // No order: replay, conflict and read cannot be checked, and fail saying so.
      fails: ['orders.create', 'orders.replay', 'orders.conflict', 'orders.price-changed', 'orders.read'],
    },
  ];

  for (const { name, corrupt, fails } of broken) {
    test(`fails a partner with ${name}: ${fails.join(', ')}, exit 1`, async () => {
      const partner = await startBrokenPartner(mock.url, corrupt);
      try {
        const { code, stdout, stderr } = await runCli(['conformance', partner.endpoint, ...productArgs]);
        assert.equal(code, 1, stdout + stderr);
        assert.deepEqual(failing(stdout), fails, stdout);
        assert.match(stdout, new RegExp(`^\\d+ passed, ${fails.length} failed, `, 'm'));
        // Never more orders than the report names.
        const listed = createdOrders(stdout);
        assert.deepEqual(
          listed === 'none' ? [] : listed.split(', '),
          mock.mock.orders.map(({ order }) => order.id),
        );
      } finally {
        await partner.close();
      }
    });
  }

  test('the suite names the orders a partner without idempotency made: three', async () => {
    const partner = await startBrokenPartner(mock.url, broken[1].corrupt);
    try {
      const { stdout } = await runCli(['conformance', partner.endpoint, ...productArgs, '--json']);
      const report = JSON.parse(stdout);
      assert.equal(report.createdOrders.length, 3);
      assert.equal(mock.mock.ordersCreated, 3);
      assert.match(report.checks.find((c) => c.id === 'orders.replay').got, /^201 order ord_/);
    } finally {
      await partner.close();
    }
  });

  test("runConformance takes any fetch: the mock's handlers alone, without the server that adds CORS, fail only CORS", async () => {
    // On loopback, so that the redirect checkout's http: link is a safe one; nothing goes to port 9.
    const handlers = createPartnerMock();
    const fetchHandlers = async (url, init) =>
      (await getResponse(handlers.handlers, new Request(url, init), { quiet: true })) ??
      new Response(null, { status: 404 });
    const report = await runConformance('http://127.0.0.1:9/gumroad/v1', { productUrls, fetch: fetchHandlers });
    assert.deepEqual(
      report.checks.filter((c) => !c.pass).map((c) => c.id),
      ['cors.preflight', 'cors.allow-origin', 'cors.expose-retry-after'],
    );
    assert.deepEqual(
      report.createdOrders,
      handlers.orders.map(({ order }) => order.id),
    );
    assert.equal(report.createdOrders.length, 1);
  });

  test('an endpoint that does not answer fails every check, without crashing', async () => {
    const gone = await startBrokenPartner(mock.url);
    await gone.close();
    const { code, stdout, stderr } = await runCli(['conformance', gone.endpoint, '--product-url', productUrls[0]]);
    assert.equal(code, 1, stderr);
    assert.equal(stderr, '');
    const checks = checkLines(stdout);
    assert.ok(checks.length > 10);
    assert.deepEqual(
      failing(stdout),
      checks.map((c) => c.id),
    );
    assert.match(stdout, /Got: no answer \(fetch failed\)\./);
    assert.match(stdout, /cors\.allow-origin: .* Got: no answer came\./);
    assert.equal(createdOrders(stdout), 'none');
  });

  test('without --product-url it says what it needs and exits 2, asking nothing', async () => {
    const partner = await startBrokenPartner(mock.url);
    try {
      const { code, stdout, stderr } = await runCli(['conformance', partner.endpoint]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /give at least one --product-url/);
      assert.deepEqual(partner.methods, []);
    } finally {
      await partner.close();
    }
  });

  test('--help says which orders it creates; a wrong endpoint exits 2', async () => {
    const help = await runCli(['conformance', '--help']);
    assert.equal(help.code, 0);
    assert.match(
      help.stdout,
      /sends 5 POST \/orders, from which a partner that keeps to the protocol creates\s+exactly 1 order/,
    );
    assert.match(help.stdout, /--no-orders/);
    const plain = await runCli(['conformance', 'http://partner.example/v1', '--product-url', productUrls[0]]);
    assert.equal(plain.code, 2);
    assert.match(plain.stderr, /https URL/);
  });
});
