// buy-tweet/server: tweets through the link endpoint, `GET ?tweet={status URL}` (docs/publishers/real-tweets.md).
// Every test passes its own fetch: publish.twitter.com as the mock serves it (msw), or one answer
// made for the case.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { fixtureTweets, tweetUrl } from 'buy-tweet/mock';
import { createLinkEndpoint, MAX_OEMBED_BYTES, readTweet } from 'buy-tweet/server';
import { mockFetch } from './mock-fetch.mjs';

const album = fixtureTweets.newAlbum;
const albumUrl = tweetUrl(album);
const oembedOf = (url) => `https://publish.twitter.com/oembed?url=${encodeURIComponent(url)}&omit_script=true`;

/** publish.twitter.com answering every oEmbed request with `answer()`. */
const answering = (answer) => mockFetch(http.get('https://publish.twitter.com/oembed', answer));

const ask = (endpoint, query) => endpoint(new Request(`https://links.example/?${query}`));
const askTweet = (endpoint, url) => ask(endpoint, `tweet=${encodeURIComponent(url)}`);

const errorOf = async (response) => (await response.json()).error.code;

describe('tweets through the link endpoint', () => {
  test('answers what publish.twitter.com answers for a status URL, asked with omit_script', async () => {
    const { fetch, asked } = mockFetch();
    const response = await askTweet(createLinkEndpoint({ fetch }), albumUrl);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=86400');
    const oembed = await response.json();
    assert.equal(oembed.url, albumUrl);
    assert.equal(oembed.author_name, album.authorName);
    assert.match(oembed.html, /^<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our new album is out today/);
    assert.doesNotMatch(oembed.html, /<script/);
    assert.deepEqual(asked, [{ url: oembedOf(albumUrl), method: 'GET', redirect: 'manual' }]);
  });

  test('asks the status URL as a URL of its own, on x.com too, without its query', async () => {
    const { fetch, asked } = mockFetch();
    const response = await askTweet(
      createLinkEndpoint({ fetch }),
      `https://x.com/${album.authorHandle}/status/${album.id}?s=20`,
    );
    assert.equal(response.status, 200);
    assert.deepEqual(
      asked.map((request) => request.url),
      [oembedOf(`https://x.com/${album.authorHandle}/status/${album.id}`)],
    );
  });

  const REFUSED = [
    ['another host', `tweet=${encodeURIComponent('https://evil.example/theband/status/1')}`],
    ['a host that ends like twitter.com', `tweet=${encodeURIComponent('https://eviltwitter.com/theband/status/1')}`],
    [
      'a host that starts like twitter.com',
      `tweet=${encodeURIComponent('https://twitter.com.evil.example/theband/status/1')}`,
    ],
    ['publish.twitter.com itself', `tweet=${encodeURIComponent('https://publish.twitter.com/oembed?url=x')}`],
    ['t.co', `tweet=${encodeURIComponent('https://t.co/AbC123')}`],
    ['a profile', `tweet=${encodeURIComponent('https://twitter.com/theband')}`],
    ['a status without an id', `tweet=${encodeURIComponent('https://twitter.com/theband/status/')}`],
    ['a photo of a status', `tweet=${encodeURIComponent('https://twitter.com/theband/status/1/photo/1')}`],
    ['an id that is no number', `tweet=${encodeURIComponent('https://twitter.com/theband/status/abc')}`],
    ['a path that climbs out', `tweet=${encodeURIComponent('https://twitter.com/theband/status/1/../../../oembed')}`],
    ['another scheme', `tweet=${encodeURIComponent('ftp://twitter.com/theband/status/1')}`],
    ['javascript:', `tweet=${encodeURIComponent('javascript:alert(1)//twitter.com/theband/status/1')}`],
    ['no URL at all', 'tweet=509074208133345280'],
    ['an empty tweet', 'tweet='],
    ['two tweets', `tweet=${encodeURIComponent(albumUrl)}&tweet=${encodeURIComponent(albumUrl)}`],
    ['a tweet and a url', `tweet=${encodeURIComponent(albumUrl)}&url=${encodeURIComponent('https://t.co/AbC123')}`],
  ];

  test('refuses every other host and shape with a 400, asking nothing', async () => {
    const { fetch, asked } = mockFetch();
    const endpoint = createLinkEndpoint({ fetch });
    for (const [name, query] of REFUSED) {
      const response = await ask(endpoint, query);
      assert.equal(response.status, 400, name);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', name);
      assert.equal(response.headers.get('cache-control'), 'no-store', name);
      assert.equal(await errorOf(response), 'invalid_request', name);
    }
    assert.equal(asked.length, 0);
    assert.throws(() => readTweet('https://evil.example/theband/status/1', { fetch }), TypeError);
    assert.equal(asked.length, 0);
  });

  test('keeps an answer: the second ask of a tweet asks publish.twitter.com nothing', async () => {
    const { fetch, asked } = mockFetch();
    const endpoint = createLinkEndpoint({ fetch });
    const first = await (await askTweet(endpoint, albumUrl)).json();
    // The same tweet, written as the element may get it.
    const again = await askTweet(endpoint, `${albumUrl}?ref_src=twsrc%5Etfw`);
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), first);
    assert.equal(asked.length, 1);
  });

  test('keeps no failure, and keeps tweets within cacheSize, with links', async () => {
    let status = 503;
    const { fetch, asked } = mockFetch(
      http.get('https://publish.twitter.com/oembed', () =>
        status === 503 ? new HttpResponse(null, { status }) : undefined,
      ),
    );
    const endpoint = createLinkEndpoint({ fetch, cacheSize: 1 });
    assert.equal((await askTweet(endpoint, albumUrl)).status, 502);
    status = 200;
    assert.equal((await askTweet(endpoint, albumUrl)).status, 200);
    assert.equal(asked.length, 2);
    // A second tweet takes the only place: the first is asked again.
    assert.equal((await askTweet(endpoint, tweetUrl(fixtureTweets.walnutLamp))).status, 200);
    assert.equal((await askTweet(endpoint, albumUrl)).status, 200);
    assert.equal(asked.length, 4);
  });

  test('calls a 404 tweet_not_found, not to be kept', async () => {
    const { fetch, asked } = mockFetch();
    const endpoint = createLinkEndpoint({ fetch });
    for (let i = 0; i < 2; i++) {
      const response = await askTweet(endpoint, 'https://twitter.com/theband/status/1');
      assert.equal(response.status, 404);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(await errorOf(response), 'tweet_not_found');
    }
    assert.equal(asked.length, 2);
  });

  test('calls any other failure of publish.twitter.com a 502 upstream_error', async () => {
    const FAILURES = [
      ['a 500', () => new HttpResponse('{}', { status: 500 })],
      ['a 403', () => new HttpResponse('{}', { status: 403 })],
      ['a redirect, not followed', () => HttpResponse.redirect('https://evil.example/oembed.json', 302)],
      ['no network', () => HttpResponse.error()],
      ['no JSON', () => new HttpResponse('<html>', { status: 200 })],
      ['JSON that is no object', () => HttpResponse.json(['<blockquote>'])],
      ['no html', () => HttpResponse.json({ type: 'rich' })],
      ['an html that is no string', () => HttpResponse.json({ html: 42 })],
    ];
    for (const [name, answer] of FAILURES) {
      const { fetch, asked } = answering(answer);
      const response = await askTweet(createLinkEndpoint({ fetch }), albumUrl);
      assert.equal(response.status, 502, name);
      assert.equal(response.headers.get('cache-control'), 'no-store', name);
      assert.equal(await errorOf(response), 'upstream_error', name);
      assert.deepEqual(
        asked.map((request) => request.url),
        [oembedOf(albumUrl)],
        name,
      );
    }
  });

  test('gives up after the timeout, on a fetch that never answers', async () => {
    const endpoint = createLinkEndpoint({ fetch: () => new Promise(() => {}), timeout: 20 });
    const response = await askTweet(endpoint, albumUrl);
    assert.equal(response.status, 502);
    assert.deepEqual((await response.json()).error, {
      code: 'upstream_error',
      message: 'publish.twitter.com did not answer within 20 ms.',
    });
  });

  test('gives up after the timeout on an answer whose body never ends', async () => {
    const endless = new ReadableStream({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"html": "')),
    });
    const endpoint = createLinkEndpoint({ fetch: async () => new Response(endless), timeout: 20 });
    const response = await askTweet(endpoint, albumUrl);
    assert.equal(response.status, 502);
    assert.match((await response.json()).error.message, /did not answer within 20 ms/);
  });

  test(`reads at most ${MAX_OEMBED_BYTES} bytes of an answer, said or sent`, async () => {
    const html = (length) => JSON.stringify({ html: 'x'.repeat(length) });
    const fits = html(MAX_OEMBED_BYTES - html(0).length);
    assert.equal(fits.length, MAX_OEMBED_BYTES);
    const ANSWERS = [
      ['an answer of just the size', () => new Response(fits), 200],
      ['one byte more, sent without a length', () => new Response(new Blob([`${fits} `]).stream()), 502],
      [
        'a length over the cap',
        () => new Response('{"html": ""}', { headers: { 'Content-Length': String(MAX_OEMBED_BYTES + 1) } }),
        502,
      ],
    ];
    for (const [name, answer, status] of ANSWERS) {
      const response = await askTweet(createLinkEndpoint({ fetch: async () => answer() }), albumUrl);
      assert.equal(response.status, status, name);
      if (status === 502) assert.match((await response.json()).error.message, /more than 102400 bytes/, name);
    }
  });

  test('stops reading a body over the cap', async () => {
    let cancelled = false;
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    // Ten times the cap, unless the reader stops first.
    const long = new ReadableStream({
      pull: (controller) =>
        sent++ < 10 * (MAX_OEMBED_BYTES / chunk.length) ? controller.enqueue(chunk) : controller.close(),
      cancel: () => (cancelled = true),
    });
    const response = await askTweet(createLinkEndpoint({ fetch: async () => new Response(long) }), albumUrl);
    assert.equal(response.status, 502);
    assert.equal(cancelled, true);
  });
});
