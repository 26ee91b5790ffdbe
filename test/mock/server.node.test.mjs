// The mock partner over real HTTP (docs/partners/protocol.md and docs/partners/mock-partner.md). Runs against the build:
//   npx tsc -p . && node --test test/mock/
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { startMockPartnerServer } from '../../dist/esm/mock/server.js';
import { catalogue, notForSale, productAt, unlistedLinks } from '../../dist/esm/mock/fixtures.js';
import {
  album,
  albumOrder,
  endpoint,
  lookup,
  mock,
  postOrder,
  poster,
  server,
  useMockPartnerServer,
} from './server-helpers.mjs';

useMockPartnerServer();

describe('lookups', () => {
  test('answer one entry per link, in order, found through other spellings of the link', async () => {
    const spellings = [
      'https://WWW.theband.gumroad.com/l/tour-poster/?utm_source=twitter&ref=home#buy',
      'https://gumroad.com/l/new-album?s=20&t=abc&fbclid=1&gclid=2',
    ];
    const response = await lookup('gumroad', spellings);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
    assert.deepEqual(await response.json(), {
      products: [productAt(poster, server.url), productAt(album, server.url)],
    });
  });

  test('give images and redirect checkouts on the origin that served the lookup', async () => {
    const course = catalogue.photoCourse.product;
    const { products } = await (await lookup('gumroad', [course.url, album.url])).json();
    assert.equal(products[0].checkout.url, `${server.url}/__mock/checkout/photo-course`);
    assert.equal(products[1].image.url, `${server.url}/__mock/images/new-album.svg`);
    const image = await fetch(products[1].image.url);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/svg+xml');
    assert.match(await image.text(), /^<svg[^>]*>.*New Album.*<\/svg>$/s);
  });

  test('know only their own partner’s products', async () => {
    const lamp = catalogue.walnutLamp.product.url;
    const links = [lamp, notForSale.privateDemo.url, unlistedLinks.gumroad, 'not a url'];
    const { products } = await (await lookup('gumroad', links)).json();
    assert.deepEqual(
      products.map((entry) => [entry.url, entry.error?.code]),
      [
        [lamp, 'product_not_found'],
        [notForSale.privateDemo.url, 'not_for_sale'],
        [unlistedLinks.gumroad, 'product_not_found'],
        ['not a url', 'product_not_found'],
      ],
    );
    const atFancy = await (await lookup('fancy', [lamp, 'https://fancy.com/things/1234567'])).json();
    assert.deepEqual(
      atFancy.products.map((entry) => entry.id),
      ['prod_walnut_lamp', 'prod_walnut_lamp'],
    );
    const atStripe = await (await lookup('stripe', [unlistedLinks.stripe])).json();
    assert.equal(atStripe.products[0].error.code, 'product_not_found');
  });

  test('take 1 to 20 links', async () => {
    const none = await fetch(`${endpoint('gumroad')}/products`);
    assert.equal(none.status, 400);
    assert.equal((await none.json()).error.code, 'invalid_request');
    const many = await lookup(
      'gumroad',
      Array.from({ length: 21 }, () => album.url),
    );
    assert.equal(many.status, 400);
    const twenty = await lookup(
      'gumroad',
      Array.from({ length: 20 }, () => album.url),
    );
    assert.equal((await twenty.json()).products.length, 20);
  });

  test('are logged with their partner, headers and route', async () => {
    await lookup('musictoday', [catalogue.tourTee.product.url], { headers: { 'X-Test': 'yes' } });
    assert.equal(mock.requests.length, 1);
    const [logged] = mock.requests;
    assert.equal(logged.route, 'products');
    assert.equal(logged.partner, 'musictoday');
    assert.equal(logged.method, 'GET');
    assert.equal(logged.headers['x-test'], 'yes');
    assert.equal(new URL(logged.url).searchParams.get('url'), catalogue.tourTee.product.url);
  });
});

describe('CORS', () => {
  const expected = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'Content-Type, Idempotency-Key, X-Buy-Tweet-Fault',
    'access-control-expose-headers': 'Retry-After',
  };
  const corsOf = (response) =>
    Object.fromEntries(Object.keys(expected).map((name) => [name, response.headers.get(name)]));

  test('is open on answers, errors included', async () => {
    assert.deepEqual(corsOf(await lookup('gumroad', [album.url])), expected);
    assert.deepEqual(corsOf(await fetch(`${endpoint('gumroad')}/orders/ord_nope`)), expected);
    assert.deepEqual(
      corsOf(await lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': '503' } })),
      expected,
    );
  });

  test('answers preflights with 204 and logs nothing', async () => {
    const response = await fetch(`${endpoint('fancy')}/orders`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://blog.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(response.status, 204);
    assert.deepEqual(corsOf(response), expected);
    assert.equal(mock.requests.length, 0);
  });
});

describe('the mock’s own controls and who may reach it', () => {
  /** A raw request, so that the test chooses the Host header (fetch does not let it). */
  const raw = (path, { host = `127.0.0.1:${server.port}`, method = 'GET', body } = {}) =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { Host: host } }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });

  test('open no CORS on /__mock/: no other page reads its orders or steers it', async () => {
    for (const path of ['/__mock/state', '/__mock/nothing-here']) {
      const response = await fetch(`${server.url}${path}`, { headers: { Origin: 'https://evil.example' } });
      assert.equal(response.headers.get('access-control-allow-origin'), null, path);
    }
    const preflight = await fetch(`${server.url}/__mock/reset`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    // The protocol stays open.
    assert.equal((await lookup('gumroad', [album.url])).headers.get('access-control-allow-origin'), '*');
  });

  test('answer only requests addressed to this server', async () => {
    assert.equal((await raw('/gumroad/v1/orders/ord_nope')).status, 404);
    assert.equal((await raw('/gumroad/v1/orders/ord_nope', { host: `localhost:${server.port}` })).status, 404);
    for (const host of [`evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      const response = await raw('/__mock/state', { host });
      assert.equal(response.status, 421, `Host: ${host}`);
      assert.doesNotMatch(response.body, /orders/);
    }
  });

  test('refuse bodies over 1 MB with 413, creating nothing', async () => {
    const big = JSON.stringify({ ...albumOrder(), email: `${'a'.repeat(1024 * 1024)}@example.com` });
    const response = await postOrder('gumroad', big);
    assert.equal(response.status, 413);
    assert.equal((await response.json()).error.code, 'payload_too_large');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(mock.ordersCreated, 0);
  });

  test('warn when bound beyond loopback', async () => {
    const warned = [];
    const original = console.warn;
    console.warn = (...args) => warned.push(args.join(' '));
    let open;
    try {
      open = await startMockPartnerServer({ port: 0, host: '0.0.0.0' });
    } finally {
      console.warn = original;
    }
    await open.close();
    assert.equal(warned.length, 1);
    assert.match(warned[0], /beyond this machine/);
    const quiet = await startMockPartnerServer({ port: 0, host: 'localhost' });
    await quiet.close();
  });
});
