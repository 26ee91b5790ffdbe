// The mock partner over real HTTP (CONTRACT 4 and 6). Runs against the build:
//   npx tsc -p . && node --test test/mock/
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { getResponse } from 'msw';
import { startMockPartnerServer } from '../../dist/esm/mock/server.js';
import { catalogue, fixtureTweets, notForSale, productAt, tweetUrl, unlistedLinks } from '../../dist/esm/mock/fixtures.js';

let server;
let mock;

before(async () => {
  server = await startMockPartnerServer({ port: 0 });
  mock = server.mock;
});
after(() => server.close());
beforeEach(() => mock.reset());

const endpoint = (partner) => server.endpoints[partner];

const lookup = (partner, urls, init) => {
  const query = urls.map((url) => `url=${encodeURIComponent(url)}`).join('&');
  return fetch(`${endpoint(partner)}/products?${query}`, init);
};

const postOrder = (partner, body, key = crypto.randomUUID(), headers = {}) =>
  fetch(`${endpoint(partner)}/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const album = catalogue.album.product;
const flac = album.variants.find((variant) => variant.title === 'FLAC');
const albumOrder = (changes = {}) => ({
  productId: album.id,
  variantId: flac.id,
  quantity: 2,
  email: 'buyer@example.com',
  shipping: null,
  expectedTotal: { amount: flac.price.amount * 2, currency: flac.price.currency },
  source: { tweetId: fixtureTweets.newAlbum.id, tweetUrl: tweetUrl(fixtureTweets.newAlbum), pageUrl: 'https://blog.example/post' },
  ...changes,
});

const poster = catalogue.tourPoster.product;
const address = {
  name: 'Ada Buyer',
  line1: '1 Main St',
  line2: '',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};
const posterOrder = (changes = {}) => ({
  productId: poster.id,
  quantity: 1,
  email: 'buyer@example.com',
  shipping: address,
  expectedTotal: poster.price,
  source: {},
  ...changes,
});

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
    assert.deepEqual(atFancy.products.map((entry) => entry.id), ['prod_walnut_lamp', 'prod_walnut_lamp']);
    const atStripe = await (await lookup('stripe', [unlistedLinks.stripe])).json();
    assert.equal(atStripe.products[0].error.code, 'product_not_found');
  });

  test('take 1 to 20 links', async () => {
    const none = await fetch(`${endpoint('gumroad')}/products`);
    assert.equal(none.status, 400);
    assert.equal((await none.json()).error.code, 'invalid_request');
    const many = await lookup('gumroad', Array.from({ length: 21 }, () => album.url));
    assert.equal(many.status, 400);
    const twenty = await lookup('gumroad', Array.from({ length: 20 }, () => album.url));
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
  const corsOf = (response) => Object.fromEntries(Object.keys(expected).map((name) => [name, response.headers.get(name)]));

  test('is open on answers, errors included', async () => {
    assert.deepEqual(corsOf(await lookup('gumroad', [album.url])), expected);
    assert.deepEqual(corsOf(await fetch(`${endpoint('gumroad')}/orders/ord_nope`)), expected);
    assert.deepEqual(corsOf(await lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': '503' } })), expected);
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
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
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

describe('faults', () => {
  test('500 by header', async () => {
    const response = await lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': '500' } });
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal((await response.json()).error.code, 'internal_error');
  });

  test('503 and 429 by the request’s own query, with Retry-After', async () => {
    for (const [fault, code] of [['503', 'unavailable'], ['429', 'rate_limited']]) {
      const response = await fetch(`${endpoint('gumroad')}/products?url=${encodeURIComponent(album.url)}&fault=${fault}`);
      assert.equal(response.status, Number(fault));
      assert.equal(response.headers.get('retry-after'), '1');
      assert.equal((await response.json()).error.code, code);
    }
  });

  test('malformed: 200 that is not JSON', async () => {
    const response = await lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': 'malformed' } });
    assert.equal(response.status, 200);
    await assert.rejects(response.json(), SyntaxError);
  });

  test('503*2 on a product link: two failures, then the product', async () => {
    const link = `${album.url}?fault=503*2`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await lookup('gumroad', [link])).status);
    assert.deepEqual(statuses, [503, 503, 200]);
    const { products } = await (await lookup('gumroad', [link])).json();
    assert.equal(products[0].id, album.id);
    mock.reset();
    assert.equal((await lookup('gumroad', [link])).status, 503, 'reset() forgets the count');
  });

  test('injected faults are first in, first out, per route', async () => {
    mock.inject('429', { route: 'orders' });
    mock.inject('500', { route: 'products', times: 2 });
    mock.inject('404');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await lookup('gumroad', [album.url])).status);
    assert.deepEqual(statuses, [500, 500, 404, 200]);
    assert.equal((await postOrder('gumroad', albumOrder())).status, 429);
    assert.equal(mock.ordersCreated, 0);
    assert.throws(() => mock.inject('teapot'), TypeError);
  });

  test('network: the connection fails', async () => {
    await assert.rejects(lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': 'network' } }), TypeError);
  });

  test('slow-<ms> answers normally, late: after a request sent later', async () => {
    const answered = [];
    const slow = lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': 'slow-1000' } }).then((response) => {
      answered.push('slow');
      return response;
    });
    await lookup('gumroad', [album.url]).then(() => answered.push('prompt'));
    const response = await slow;
    assert.deepEqual(answered, ['prompt', 'slow']);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('hang never answers', async () => {
    await assert.rejects(
      lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': 'hang' }, signal: AbortSignal.timeout(300) }),
      { name: 'TimeoutError' },
    );
  });

  test('entry faults change only the entry of the link that asks', async () => {
    const links = [`${album.url}?fault=schema`, `${poster.url}?fault=html-title`, `${album.url}?fault=partner-error`, poster.url];
    const { products } = await (await lookup('gumroad', links)).json();
    assert.equal(products[0].title, undefined);
    assert.equal(products[0].price.amount, String(album.price.amount));
    assert.match(products[1].title, /<img src=x onerror=alert\(1\)>/);
    assert.equal(products[1].image.url, 'javascript:alert(1)');
    assert.equal(products[1].merchant.url, 'http://evil.example');
    assert.deepEqual(products[2].error.code, 'partner_specific_error');
    assert.equal(products[2].url, links[2]);
    assert.deepEqual(products[3], productAt(poster, server.url));
  });

  test('an unknown fault is a 400', async () => {
    const response = await lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': 'teapot' } });
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.code, 'invalid_request');
  });

  test('can be injected over HTTP', async () => {
    const injected = await fetch(`${server.url}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify({ fault: '503', route: 'products' }),
    });
    assert.equal(injected.status, 204);
    assert.equal((await lookup('gumroad', [album.url])).status, 503);
    assert.equal((await lookup('gumroad', [album.url])).status, 200);
  });
});

describe('orders', () => {
  test('are created once per Idempotency-Key: 201, then 200 with the same order', async () => {
    const key = crypto.randomUUID();
    const first = await postOrder('gumroad', albumOrder(), key);
    assert.equal(first.status, 201);
    const order = await first.json();
    assert.match(order.id, /^ord_/);
    assert.equal(order.status, 'requires_payment');
    assert.deepEqual(order.total, { amount: flac.price.amount * 2, currency: 'USD' });
    assert.equal(order.payment.type, 'stripe');
    assert.match(order.payment.clientSecret, /^pi_\w+_secret_\w+$/);
    assert.equal(order.payment.publishableKey, album.checkout.publishableKey);

    const replay = await postOrder('gumroad', albumOrder(), key);
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), order);
    assert.equal(mock.ordersCreated, 1);
    assert.equal(mock.orders[0].request.source.tweetId, fixtureTweets.newAlbum.id);
  });

  test('refuse a key reused with another body: 409 idempotency_conflict', async () => {
    const key = crypto.randomUUID();
    assert.equal((await postOrder('gumroad', albumOrder(), key)).status, 201);
    const conflict = await postOrder('gumroad', albumOrder({ email: 'other@example.com' }), key);
    assert.equal(conflict.status, 409);
    assert.equal((await conflict.json()).error.code, 'idempotency_conflict');
    assert.equal(mock.ordersCreated, 1);
  });

  test('need an Idempotency-Key', async () => {
    const response = await postOrder('gumroad', albumOrder(), null);
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error.code, 'invalid_request');
    assert.equal(mock.ordersCreated, 0);
  });

  test('name every field that is wrong: 422', async () => {
    const response = await postOrder(
      'gumroad',
      posterOrder({
        email: 'not-an-email',
        quantity: 9,
        variantId: 'var_nope',
        shipping: { ...address, postalCode: 'ABC', city: '' },
      }),
    );
    assert.equal(response.status, 422);
    const { error } = await response.json();
    assert.equal(error.code, 'invalid_request');
    assert.deepEqual(Object.keys(error.fields).sort(), [
      'email',
      'quantity',
      'shipping.city',
      'shipping.postalCode',
      'variantId',
    ]);
    assert.equal(error.fields.email, 'Enter a valid email');
    assert.equal(mock.ordersCreated, 0);
  });

  test('want shipping only for products that ship, and a variant only where there are some', async () => {
    const missingShipping = await (await postOrder('gumroad', posterOrder({ shipping: null }))).json();
    assert.deepEqual(missingShipping.error.fields, { shipping: 'Enter a shipping address' });
    const extraShipping = await (await postOrder('gumroad', albumOrder({ shipping: address }))).json();
    assert.deepEqual(Object.keys(extraShipping.error.fields), ['shipping']);
    const noVariant = await (await postOrder('gumroad', albumOrder({ variantId: null }))).json();
    assert.deepEqual(Object.keys(noVariant.error.fields), ['variantId']);
  });

  test('refuse a total the buyer did not see: 409 price_changed with the total', async () => {
    const response = await postOrder('gumroad', albumOrder({ expectedTotal: { amount: album.price.amount * 2, currency: 'USD' } }));
    assert.equal(response.status, 409);
    const { error } = await response.json();
    assert.equal(error.code, 'price_changed');
    assert.deepEqual(error.total, { amount: flac.price.amount * 2, currency: 'USD' });
    assert.equal(mock.ordersCreated, 0);
  });

  test('follow a price changed by the test', async () => {
    mock.updateProduct(poster.id, { price: { amount: 2900, currency: 'USD' } });
    const { products } = await (await lookup('gumroad', [poster.url])).json();
    assert.equal(products[0].price.amount, 2900);
    const response = await postOrder('gumroad', posterOrder());
    assert.equal(response.status, 409);
    assert.deepEqual((await response.json()).error.total, { amount: 2900, currency: 'USD' });
  });

  test('refuse what is sold out: 409 sold_out, for products and variants', async () => {
    const zine = catalogue.zine.product;
    const soldOut = await postOrder('gumroad', {
      productId: zine.id,
      quantity: 1,
      email: 'buyer@example.com',
      shipping: null,
      expectedTotal: zine.price,
      source: {},
    });
    assert.equal(soldOut.status, 409);
    assert.equal((await soldOut.json()).error.code, 'sold_out');

    const lamp = catalogue.walnutLamp.product;
    const ebonized = lamp.variants.find((variant) => variant.availability === 'sold_out');
    const variantSoldOut = await postOrder('fancy', {
      productId: lamp.id,
      variantId: ebonized.id,
      quantity: 1,
      email: 'buyer@example.com',
      shipping: { ...address, country: 'PT', postalCode: '1100-148' },
      expectedTotal: ebonized.price,
      source: {},
    });
    assert.equal(variantSoldOut.status, 409);
    assert.equal((await variantSoldOut.json()).error.code, 'sold_out');
    assert.equal(mock.ordersCreated, 0);
  });

  test('are not taken for redirect-checkout products, nor for another partner’s', async () => {
    const course = catalogue.photoCourse.product;
    const redirect = await postOrder('gumroad', { ...albumOrder(), productId: course.id, variantId: null, quantity: 1, expectedTotal: course.price });
    assert.equal(redirect.status, 422);
    assert.equal((await redirect.json()).error.code, 'invalid_request');
    const elsewhere = await postOrder('fancy', albumOrder());
    assert.equal(elsewhere.status, 422);
    assert.deepEqual(Object.keys((await elsewhere.json()).error.fields), ['productId']);
  });

  test('keep only the known source fields, and take zero-decimal currencies', async () => {
    const cd = catalogue.liveCd.product;
    const response = await postOrder('musictoday', {
      productId: cd.id,
      quantity: 2,
      email: 'fan@example.jp',
      shipping: { ...address, country: 'JP', postalCode: '100-0001', region: '東京都' },
      expectedTotal: { amount: cd.price.amount * 2, currency: 'JPY' },
      source: { tweetId: '1', secret: 'x', pageUrl: 7 },
    });
    assert.equal(response.status, 201);
    assert.deepEqual((await response.json()).total, { amount: 6600, currency: 'JPY' });
    assert.deepEqual(mock.orders[0].request.source, { tweetId: '1' });
  });

  test('are paid through the Stripe webhook stand-in, then carry a receipt', async () => {
    const order = await (await postOrder('gumroad', albumOrder())).json();
    const read = async () => (await fetch(`${endpoint('gumroad')}/orders/${order.id}`)).json();
    assert.deepEqual(await read(), order);

    const notify = (type) =>
      fetch(`${server.url}/__mock/stripe/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type, clientSecret: order.payment.clientSecret }),
      });
    const processing = await notify('payment_intent.processing');
    assert.equal(processing.status, 200);
    assert.equal((await read()).status, 'requires_payment');

    const succeeded = await notify('payment_intent.succeeded');
    assert.deepEqual(await succeeded.json(), { received: true });
    const paid = await read();
    assert.equal(paid.status, 'paid');
    assert.equal(paid.receiptUrl, `${server.url}/__mock/receipts/${order.id}`);
    const receipt = await fetch(paid.receiptUrl);
    assert.equal(receipt.status, 200);
    assert.match(await receipt.text(), /New Album \(Digital\) × 2/);

    const unknown = await fetch(`${server.url}/__mock/stripe/events`, {
      method: 'POST',
      body: JSON.stringify({ type: 'payment_intent.succeeded', clientSecret: 'pi_nope_secret_nope' }),
    });
    assert.equal(unknown.status, 404);
  });

  test('are read only at their own partner: 404 order_not_found elsewhere', async () => {
    const order = await (await postOrder('gumroad', albumOrder())).json();
    const elsewhere = await fetch(`${endpoint('fancy')}/orders/${order.id}`);
    assert.equal(elsewhere.status, 404);
    assert.equal((await elsewhere.json()).error.code, 'order_not_found');
  });

  test('503*2 by header on the same key fails twice, then creates one order', async () => {
    const key = crypto.randomUUID();
    const headers = { 'X-Buy-Tweet-Fault': '503*2' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postOrder('gumroad', albumOrder(), key, headers)).status);
    assert.deepEqual(statuses, [503, 503, 201, 200]);
    assert.equal(mock.ordersCreated, 1);
  });
});

describe('oEmbed', () => {
  const oembed = (url, extra = '&omit_script=true') => fetch(`${server.url}/oembed?url=${encodeURIComponent(url)}${extra}`);

  test('answers like publish.twitter.com', async () => {
    const tweet = fixtureTweets.newAlbum;
    const response = await oembed(`https://x.com/${tweet.authorHandle}/status/${tweet.id}?s=20`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      url: 'https://twitter.com/theband/status/509074208133345280',
      author_name: 'The Band',
      author_url: 'https://twitter.com/theband',
      html:
        // Today's shape: the link is its t.co link, as its own text.
        '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our new album is out today ' +
        '<a href="https://t.co/AbC123">https://t.co/AbC123</a></p>&mdash; The Band (@theband) ' +
        '<a href="https://twitter.com/theband/status/509074208133345280?ref_src=twsrc%5Etfw">September 8, 2014</a></blockquote>\n',
      width: 550,
      height: null,
      type: 'rich',
      cache_age: '3153600000',
      provider_name: 'Twitter',
      provider_url: 'https://twitter.com',
      version: '1.0',
    });
  });

  test('adds the script unless omit_script, and keeps right-to-left tweets right-to-left', async () => {
    const { html } = await (await oembed(tweetUrl(fixtureTweets.rtl), '')).json();
    assert.match(html, /^<blockquote class="twitter-tweet"><p lang="ar" dir="rtl">/);
    assert.ok(html.endsWith('</blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n'));
  });

  test('answers 404 for a tweet it does not know', async () => {
    const response = await oembed('https://twitter.com/theband/status/1');
    assert.equal(response.status, 404);
  });

  test('sends no CORS headers as publish.twitter.com, which sends none (its own origin does)', async () => {
    const url = `https://publish.twitter.com/oembed?url=${encodeURIComponent(tweetUrl(fixtureTweets.newAlbum))}`;
    const response = await getResponse(mock.handlers, new Request(url, { headers: { Origin: 'https://publisher.example' } }));
    assert.equal(response.status, 200);
    assert.deepEqual([...response.headers.keys()].filter((name) => name.startsWith('access-control-')), []);
    assert.equal((await oembed(tweetUrl(fixtureTweets.newAlbum))).headers.get('access-control-allow-origin'), '*');
  });

  test('answers through the link endpoint, which asks its publish.twitter.com', async () => {
    const tweet = tweetUrl(fixtureTweets.newAlbum);
    const response = await fetch(`${server.url}/links?tweet=${encodeURIComponent(tweet)}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await response.json(), await (await oembed(tweet)).json());
    const asked = mock.requests.map(({ route, url }) => `${route} ${url}`);
    assert.deepEqual(asked.slice(0, 2), [
      `links ${server.url}/links?tweet=${encodeURIComponent(tweet)}`,
      `oembed https://publish.twitter.com/oembed?url=${encodeURIComponent(tweet)}&omit_script=true`,
    ]);
    const unknown = await fetch(`${server.url}/links?tweet=${encodeURIComponent('https://twitter.com/theband/status/1')}`);
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, 'tweet_not_found');
  });

  test('escapes the text it puts into html', async () => {
    const { html } = await (await oembed(tweetUrl(fixtureTweets.emoji))).json();
    assert.match(html, / href="https:\/\/twitter\.com\/hashtag\/TheBandTour\?src=hash&amp;ref_src=twsrc%5Etfw">/);
    const { html: hostile, author_name } = await (
      await oembed(tweetUrl(fixtureTweets.newAlbum), '&omit_script=true&fault=html-title')
    ).json();
    assert.match(hostile, /<script>alert\(1\)<\/script>/);
    assert.match(author_name, /<img src=x onerror=alert\(1\)>/);
  });
});

describe('the default partner hosts', () => {
  test('are answered by the same handlers, partner by host', async () => {
    const lamp = catalogue.walnutLamp.product;
    const request = (url) => new Request(url);
    const gumroad = await getResponse(
      mock.handlers,
      request(`https://gumroad.com/.well-known/buy-tweet/v1/products?url=${encodeURIComponent(album.url)}&url=${encodeURIComponent(lamp.url)}`),
    );
    const { products } = await gumroad.json();
    assert.deepEqual(products[0], productAt(album, 'https://gumroad.com'));
    assert.equal(products[0].image.url, 'https://gumroad.com/__mock/images/new-album.svg');
    assert.equal(products[1].error.code, 'product_not_found');
    const fancy = await getResponse(mock.handlers, request(`https://fancy.com/.well-known/buy-tweet/v1/products?url=${encodeURIComponent(lamp.url)}`));
    assert.equal((await fancy.json()).products[0].id, lamp.id);
    assert.equal(await getResponse(mock.handlers, request('https://example.com/.well-known/buy-tweet/v1/products')), undefined);
  });
});
