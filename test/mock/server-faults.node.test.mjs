// The mock partner over real HTTP (docs/partners/protocol.md and docs/partners/mock-partner.md): its faults, its oEmbed, and the partner hosts it
// answers for. Runs against the build:
//   npx tsc -p . && node --test test/mock/
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getResponse } from 'msw';
import { catalogue, fixtureTweets, productAt, tweetUrl } from '../../dist/esm/mock/fixtures.js';
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

describe('faults', () => {
  test('500 by header', async () => {
    const response = await lookup('gumroad', [album.url], { headers: { 'X-Buy-Tweet-Fault': '500' } });
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal((await response.json()).error.code, 'internal_error');
  });

  test('503 and 429 by the request’s own query, with Retry-After', async () => {
    for (const [fault, code] of [
      ['503', 'unavailable'],
      ['429', 'rate_limited'],
    ]) {
      const response = await fetch(
        `${endpoint('gumroad')}/products?url=${encodeURIComponent(album.url)}&fault=${fault}`,
      );
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
    const links = [
      `${album.url}?fault=schema`,
      `${poster.url}?fault=html-title`,
      `${album.url}?fault=partner-error`,
      poster.url,
    ];
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

describe('oEmbed', () => {
  const oembed = (url, extra = '&omit_script=true') =>
    fetch(`${server.url}/oembed?url=${encodeURIComponent(url)}${extra}`);

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
    assert.ok(
      html.endsWith(
        '</blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n',
      ),
    );
  });

  test('answers 404 for a tweet it does not know', async () => {
    const response = await oembed('https://twitter.com/theband/status/1');
    assert.equal(response.status, 404);
  });

  test('sends no CORS headers as publish.twitter.com, which sends none (its own origin does)', async () => {
    const url = `https://publish.twitter.com/oembed?url=${encodeURIComponent(tweetUrl(fixtureTweets.newAlbum))}`;
    const response = await getResponse(
      mock.handlers,
      new Request(url, { headers: { Origin: 'https://publisher.example' } }),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(
      [...response.headers.keys()].filter((name) => name.startsWith('access-control-')),
      [],
    );
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
    const unknown = await fetch(
      `${server.url}/links?tweet=${encodeURIComponent('https://twitter.com/theband/status/1')}`,
    );
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
      request(
        `https://gumroad.com/.well-known/buy-tweet/v1/products?url=${encodeURIComponent(album.url)}&url=${encodeURIComponent(lamp.url)}`,
      ),
    );
    const { products } = await gumroad.json();
    assert.deepEqual(products[0], productAt(album, 'https://gumroad.com'));
    assert.equal(products[0].image.url, 'https://gumroad.com/__mock/images/new-album.svg');
    assert.equal(products[1].error.code, 'product_not_found');
    const fancy = await getResponse(
      mock.handlers,
      request(`https://fancy.com/.well-known/buy-tweet/v1/products?url=${encodeURIComponent(lamp.url)}`),
    );
    assert.equal((await fancy.json()).products[0].id, lamp.id);
    assert.equal(
      await getResponse(mock.handlers, request('https://example.com/.well-known/buy-tweet/v1/products')),
      undefined,
    );
  });
});
