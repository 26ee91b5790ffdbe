// buy-tweet/server: the link endpoint of docs/publishers/real-tweets.md and the reading of t.co under it. Every test
// passes its own fetch: t.co as the mock serves it (msw), or one answer made for the case.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { fixtureTweets, moreTcoLinks, tcoLinks } from 'buy-tweet/mock';
import { createLinkEndpoint, LinkCache, readTcoLink, readTcoLinks } from 'buy-tweet/server';
import { mockFetch } from './mock-fetch.mjs';

const album = fixtureTweets.newAlbum.text[1].tco;
const lamp = fixtureTweets.walnutLamp.text[3].tco;
const unknown = 'https://t.co/N0tAL1nk';

/** A t.co that answers `GET https://t.co/{code}` with `answer()`. */
const answering = (code, answer) => mockFetch(http.get(`https://t.co/${code}`, answer));

/** A fetch whose answers wait until `open()`; `inFlight` counts the requests waiting. */
const gatedFetch = () => {
  const { fetch, asked } = mockFetch();
  const waiting = [];
  let inFlight = 0;
  let most = 0;
  return {
    asked,
    get most() {
      return most;
    },
    fetch: async (url, init) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => waiting.push(resolve));
      inFlight--;
      return fetch(url, init);
    },
    open: () => waiting.splice(0).forEach((resolve) => resolve()),
  };
};

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const ask = (endpoint, urls, init) => {
  const query = urls.map((url) => `url=${encodeURIComponent(url)}`).join('&');
  return endpoint(new Request(`https://links.example/?${query}`, init));
};

describe('the link endpoint', () => {
  test('answers one entry per url, in order, whatever each one is', async () => {
    const { fetch } = mockFetch();
    const response = await ask(createLinkEndpoint({ fetch }), [lamp, unknown, 'https://evil.example/', album, lamp]);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(
      (await response.json()).links.map((entry) => [entry.url, entry.expandedUrl ?? entry.error.code]),
      [
        [lamp, tcoLinks[lamp]],
        [unknown, 'link_not_found'],
        ['https://evil.example/', 'invalid_link'],
        [album, tcoLinks[album]],
        [lamp, tcoLinks[lamp]],
      ],
    );
  });

  test('says that answers last a day when t.co answered every link, even with no such link', async () => {
    const { fetch } = mockFetch();
    const response = await ask(createLinkEndpoint({ fetch }), [album, unknown, 'https://t.co/']);
    const maxAge = /max-age=(\d+)/.exec(response.headers.get('cache-control'));
    assert.match(response.headers.get('cache-control'), /^public\b/);
    assert.ok(Number(maxAge[1]) >= 86400, response.headers.get('cache-control'));
  });

  test('says not to keep an answer in which t.co failed', async () => {
    const { fetch } = answering('Br0ken', () => new HttpResponse(null, { status: 503 }));
    const response = await ask(createLinkEndpoint({ fetch }), [album, 'https://t.co/Br0ken']);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const { links } = await response.json();
    assert.equal(links[1].error.code, 'upstream_error');
  });

  test('takes 1 to 20 links; more or none is a 400, with CORS', async () => {
    const { fetch } = mockFetch();
    const endpoint = createLinkEndpoint({ fetch });
    for (const count of [0, 21]) {
      const response = await ask(
        endpoint,
        Array.from({ length: count }, () => album),
      );
      assert.equal(response.status, 400, `${count} links`);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal((await response.json()).error.code, 'invalid_request');
    }
    const twenty = await ask(
      endpoint,
      Array.from({ length: 20 }, (_, i) => `https://t.co/Code${i}`),
    );
    assert.equal((await twenty.json()).links.length, 20);
  });

  test('answers GET only: 405 with Allow for other methods, 204 to preflights, CORS on all', async () => {
    const { fetch, asked } = mockFetch();
    const endpoint = createLinkEndpoint({ fetch });
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']) {
      const response = await ask(endpoint, [album], { method });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'GET, OPTIONS');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      if (method !== 'HEAD') assert.equal((await response.json()).error.code, 'method_not_allowed');
    }
    const preflight = await ask(endpoint, [album], { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-methods'), /\bGET\b/);
    assert.equal(asked.length, 0);
  });

  test('asks t.co and nothing else, with GET, never following the redirect', async () => {
    const { fetch, asked } = mockFetch();
    const { shortener } = moreTcoLinks;
    const response = await ask(createLinkEndpoint({ fetch }), [shortener.tco, album, 'https://evil.example/x']);
    const { links } = await response.json();
    // The link goes to another shortener: the endpoint says so and does not ask it.
    assert.equal(links[0].expandedUrl, shortener.to);
    assert.deepEqual(asked, [
      { url: shortener.tco, method: 'GET', redirect: 'manual' },
      { url: album, method: 'GET', redirect: 'manual' },
    ]);
  });

  test('calls a link no one can read an upstream_error, and keeps no such answer', async () => {
    const { fetch, asked } = answering('Fl4ky', () => HttpResponse.error());
    const endpoint = createLinkEndpoint({ fetch });
    for (let i = 0; i < 2; i++) {
      const { links } = await (await ask(endpoint, ['https://t.co/Fl4ky'])).json();
      assert.equal(links[0].error.code, 'upstream_error');
    }
    assert.equal(asked.length, 2);
  });
});

describe('reading a t.co link', () => {
  test('refuses all but https://t.co/{code}, asking nothing', async () => {
    const { fetch, asked } = mockFetch();
    const invalid = [
      'http://t.co/AbC123',
      'https://t.co/',
      'https://t.co',
      `https://t.co/${'a'.repeat(33)}`,
      'https://t.co/abc/def',
      'https://t.co/abc?x=1',
      'https://t.co/abc#x',
      'https://t.co/ab-c',
      'https://t.co:443/abc',
      'https://T.CO/abc',
      'https://evil.example/',
      'https://user@t.co/abc',
      'https://user:secret@t.co/abc',
      'https://t.co.evil.example/x',
      'https://evil.example/?https://t.co/abc',
      ' https://t.co/abc',
      'javascript:alert(1)//https://t.co/abc',
      '',
    ];
    const entries = await readTcoLinks(invalid, { fetch });
    assert.deepEqual(
      entries.map((entry) => [entry.url, entry.error?.code]),
      invalid.map((link) => [link, 'invalid_link']),
    );
    assert.equal(asked.length, 0);
    assert.equal((await readTcoLink(`https://t.co/${'a'.repeat(32)}`, { fetch })).error.code, 'link_not_found');
  });

  test('gives the Location of every redirect status', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const { fetch } = answering(
        'R3dir',
        () => new HttpResponse(null, { status, headers: { Location: 'https://gumroad.com/l/new-album' } }),
      );
      assert.deepEqual(await readTcoLink('https://t.co/R3dir', { fetch }), {
        url: 'https://t.co/R3dir',
        expandedUrl: 'https://gumroad.com/l/new-album',
      });
    }
  });

  test('takes only an absolute http(s) link from the Location', async () => {
    const locations = [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/relative',
      '//gumroad.com/l/x',
      'ftp://files.example/x',
      'not a url',
      '',
    ];
    for (const location of locations) {
      const { fetch } = answering(
        'L0c',
        () => new HttpResponse(null, { status: 301, headers: { Location: location } }),
      );
      const entry = await readTcoLink('https://t.co/L0c', { fetch });
      assert.equal(entry.error?.code, 'upstream_error', `Location: ${location}`);
    }
    const { fetch } = answering('L0c', () => new HttpResponse(null, { status: 301 }));
    assert.equal((await readTcoLink('https://t.co/L0c', { fetch })).error.code, 'upstream_error');
  });

  test('calls a 404 link_not_found, and any other answer an upstream_error', async () => {
    const { fetch } = mockFetch();
    assert.equal((await readTcoLink(unknown, { fetch })).error.code, 'link_not_found');
    // What t.co sends browsers: a page that redirects, not a redirect.
    for (const status of [200, 400, 403, 429, 500, 503]) {
      const page = answering(
        'St4tus',
        () =>
          new HttpResponse('<noscript><META http-equiv="refresh" content="0;URL=https://x.example/"></noscript>', {
            status,
          }),
      );
      assert.equal(
        (await readTcoLink('https://t.co/St4tus', { fetch: page.fetch })).error.code,
        'upstream_error',
        status,
      );
    }
  });

  test('gives up after the timeout, on a fetch that never answers', async () => {
    const entry = await readTcoLink(album, { fetch: () => new Promise(() => {}), timeout: 20 });
    assert.equal(entry.error.code, 'upstream_error');
    assert.match(entry.error.message, /20 ms/);
  });

  test('reads no body: an endless one does not keep it waiting', async () => {
    let cancelled = false;
    const endless = new ReadableStream({
      pull: (controller) => controller.enqueue(new Uint8Array(1024)),
      cancel: () => {
        cancelled = true;
      },
    });
    const fetch = async () =>
      new Response(endless, { status: 301, headers: { Location: 'https://gumroad.com/l/new-album' } });
    assert.equal((await readTcoLink(album, { fetch })).expandedUrl, 'https://gumroad.com/l/new-album');
    assert.ok(cancelled);
  });

  test('rejects with the reason of an aborted signal', async () => {
    const controller = new AbortController();
    const reading = readTcoLink(album, { fetch: () => new Promise(() => {}), signal: controller.signal });
    controller.abort(new Error('gone'));
    await assert.rejects(reading, { message: 'gone' });
  });

  test('reads several at most `concurrency` at a time, each link once', async () => {
    const gate = gatedFetch();
    const links = Object.keys(tcoLinks).slice(0, 9);
    const reading = readTcoLinks([...links, ...links], { fetch: gate.fetch, concurrency: 3 });
    for (let round = 0; round < 20 && gate.asked.length < links.length; round++) {
      await settle();
      gate.open();
    }
    const entries = await reading;
    assert.equal(gate.most, 3);
    assert.deepEqual(
      entries.map((entry) => entry.expandedUrl),
      [...links, ...links].map((link) => tcoLinks[link]),
    );
    assert.equal(gate.asked.length, links.length);
  });
});

describe('the cache', () => {
  test('keeps at most cacheSize answers, the least recently used leaving first', async () => {
    const { fetch, asked } = mockFetch();
    const [a, b, c] = Object.keys(tcoLinks);
    const endpoint = createLinkEndpoint({ fetch, cacheSize: 2 });
    for (const link of [a, b, a, c, a, b]) await ask(endpoint, [link]);
    // b left when c came (a had been used since), then a was still there, and b was read again.
    assert.deepEqual(
      asked.map(({ url }) => url),
      [a, b, c, b],
    );
  });

  test('keeps link_not_found answers, but no upstream_error', async () => {
    const flaky = answering('Fl4ky', () => new HttpResponse(null, { status: 500 }));
    const cache = new LinkCache(10);
    await readTcoLinks([unknown, 'https://t.co/Fl4ky'], { fetch: flaky.fetch, cache });
    await readTcoLinks([unknown, 'https://t.co/Fl4ky'], { fetch: flaky.fetch, cache });
    assert.deepEqual(
      flaky.asked.map(({ url }) => url),
      [unknown, 'https://t.co/Fl4ky', 'https://t.co/Fl4ky'],
    );
    assert.equal(cache.size, 1);
  });

  test('reads a link asked by two requests at once only once', async () => {
    const gate = gatedFetch();
    const endpoint = createLinkEndpoint({ fetch: gate.fetch });
    const first = ask(endpoint, [album, lamp]);
    const second = ask(endpoint, [lamp, album]);
    await settle();
    gate.open();
    const [one, two] = await Promise.all([first, second]);
    assert.deepEqual(gate.asked.map(({ url }) => url).sort(), [album, lamp].sort());
    assert.deepEqual(
      (await one.json()).links.map((entry) => entry.expandedUrl),
      [tcoLinks[album], tcoLinks[lamp]],
    );
    assert.deepEqual(
      (await two.json()).links.map((entry) => entry.expandedUrl),
      [tcoLinks[lamp], tcoLinks[album]],
    );
  });
});

test('buy-tweet/server imports nothing but Web APIs: no node: module, no package', async () => {
  const seen = new Set();
  const visit = async (url) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    const source = await readFile(url, 'utf8');
    for (const [, specifier] of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      assert.ok(specifier.startsWith('.'), `${url.pathname} imports ${specifier}`);
      await visit(new URL(specifier, url));
    }
  };
  await visit(new URL(import.meta.resolve('buy-tweet/server')));
  assert.ok(seen.size >= 3);
});
