// The reference partner's HTTP server on Node (src/node.ts), as a merchant runs it: a client that
// sends its headers or its body slowly, or keeps an idle connection, is cut off (timeouts made short
// here, Node's own defaults are a minute and more).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, describe, test } from 'node:test';
import { startPartnerServer } from '@buy-tweet/partner/node';
import { startStripeApi } from '@buy-tweet/partner/test-kit';

const catalog = fileURLToPath(new URL('../../examples/partner/catalog.json', import.meta.url));
const TIMEOUTS = { headersTimeout: 300, requestTimeout: 600, keepAliveTimeout: 200, connectionsCheckingInterval: 50 };
/** The tests fail, rather than wait, when Node's defaults (60 s, 300 s, checked every 30 s) apply. */
const BOUNDED = { timeout: 5000 };

/** The raw connections still open: a test that fails closes its own. */
const clients = new Set();

/** A raw connection to `origin`: what it has received, and when the server closes it. */
const rawClient = (origin) => {
  const { hostname, port } = new URL(origin);
  const socket = connect(Number(port), hostname);
  clients.add(socket);
  socket.once('close', () => clients.delete(socket));
  socket.setEncoding('utf8');
  // Writing on after the server has closed is the point of a slow client: EPIPE is expected.
  socket.on('error', () => {});
  const client = { socket, received: '' };
  socket.on('data', (chunk) => (client.received += chunk));
  client.closed = once(socket, 'close').then(() => client.received);
  return client;
};

/** Writes `text` every `ms` until the connection closes. */
const drip = (client, text, ms = 50) => {
  const timer = setInterval(() => client.socket.writable && client.socket.write(text), ms);
  void client.closed.finally(() => clearInterval(timer));
};

describe('the partner server cuts off slow clients', () => {
  let stripe;
  let server;
  const warnings = [];
  before(async () => {
    stripe = await startStripeApi();
    server = await startPartnerServer({
      catalogFile: catalog,
      port: 0,
      host: '127.0.0.1',
      dataDir: 'memory://',
      env: {
        STRIPE_SECRET_KEY: 'sk_test_server_0123456789',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_server',
        STRIPE_WEBHOOK_SECRET: 'whsec_server',
        STRIPE_API_BASE: stripe.apiBase,
      },
      timeouts: TIMEOUTS,
      warn: (message) => warnings.push(message),
    });
  });
  afterEach(() => {
    for (const socket of clients) socket.destroy();
  });
  after(async () => {
    await server.close();
    await stripe.close();
  });

  test('headers sent a line at a time: 408 and closed once headersTimeout has passed', BOUNDED, async () => {
    const client = rawClient(server.origin);
    const started = Date.now();
    client.socket.write('GET /v1/orders/ord_slow HTTP/1.1\r\nHost: partner.example\r\n');
    drip(client, 'X-Slow: 1\r\n');
    const received = await client.closed;
    assert.match(received, /^HTTP\/1\.1 408 /);
    assert.ok(Date.now() - started < 2000, `closed after ${Date.now() - started} ms`);
  });

  test('a body sent a byte at a time: cut off once requestTimeout has passed, and no order made', BOUNDED, async () => {
    const client = rawClient(server.origin);
    const started = Date.now();
    client.socket.write(
      'POST /v1/orders HTTP/1.1\r\nHost: partner.example\r\nContent-Type: application/json\r\n' +
        'Idempotency-Key: slow-body\r\nContent-Length: 4000\r\n\r\n{',
    );
    drip(client, ' ');
    const received = await client.closed;
    assert.doesNotMatch(received, /^HTTP\/1\.1 2/);
    assert.ok(Date.now() - started < 3000, `closed after ${Date.now() - started} ms`);
    assert.equal(stripe.paymentIntents.size, 0);
  });

  test('an idle connection is closed once keepAliveTimeout has passed', BOUNDED, async () => {
    const client = rawClient(server.origin);
    client.socket.write('GET /v1/orders/ord_none HTTP/1.1\r\nHost: partner.example\r\n\r\n');
    await new Promise((resolve) => client.socket.on('data', () => client.received.includes('}') && resolve()));
    const answered = Date.now();
    const received = await client.closed;
    assert.match(received, /^HTTP\/1\.1 404 /);
    assert.ok(Date.now() - answered < 2000, `closed after ${Date.now() - answered} ms`);
  });

  test('a client that does not dawdle is served', async () => {
    const link = encodeURIComponent('https://theband.example/shop/vinyl');
    const response = await fetch(`${server.endpoint}/products?url=${link}`);
    assert.equal(response.status, 200);
    assert.equal((await response.json()).products[0].id, 'prod_vinyl');
    assert.deepEqual(warnings, []);
  });
});
