import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { setupServer } from 'msw/node';
import { resolve } from 'buy-tweet/api';
import { embedHtml, fixtureTweets, tweetUrl } from 'buy-tweet/mock';
import { startMockPartnerServer } from 'buy-tweet/mock/server';
import { BuyTweetError } from '../../dist/esm/core/errors.js';
import { failureDetail } from '../../dist/esm/node/failure.js';
import { runCli } from './cli-process.mjs';

const run = promisify(execFile);
const cli = new URL('../../dist/esm/node/cli.js', import.meta.url).pathname;

let server;
let endpoint;
let oembedEndpoint;
// The mock partner listens on loopback, which resolve asks only when told to.
let allowHosts;
// Node's resolve asks https://t.co/ itself: here the mock's t.co answers, and counts the requests.
let tco;
before(async () => {
  server = await startMockPartnerServer({ port: 0 });
  endpoint = (id) => `${server.url}/${id}/v1`;
  oembedEndpoint = `${server.url}/oembed`;
  allowHosts = [new URL(server.url).host];
  tco = setupServer(...server.mock.handlers.filter((handler) => String(handler.info.path).startsWith('https://t.co/')));
  tco.listen({ onUnhandledRequest: 'bypass' });
});
after(() => {
  tco.close();
  return server.close();
});

describe('BuyTweet.resolve in Node, over real HTTP', () => {
  test('a product link', async () => {
    const resolved = await resolve('https://gumroad.com/l/new-album?utm_source=x', {
      endpoint: endpoint('gumroad'),
      allowHosts,
    });
    assert.equal(resolved.partner.id, 'gumroad');
    assert.equal(resolved.productUrl, 'https://gumroad.com/l/new-album');
    assert.equal(resolved.product.id, 'prod_album');
    assert.deepEqual(resolved.product.price, { amount: 999, currency: 'USD' });
  });

  test('a tweet URL, through oEmbed, read with parse5, its t.co link read at t.co', async () => {
    server.mock.reset();
    const resolved = await resolve(tweetUrl(fixtureTweets.walnutLamp), {
      endpoint: endpoint('fancy'),
      oembedEndpoint,
      allowHosts,
    });
    assert.equal(resolved.partner.id, 'fancy');
    assert.equal(resolved.product.id, 'prod_walnut_lamp');
    const asked = server.mock.requests.filter((request) => request.route === 'oembed');
    assert.equal(new URL(asked.at(-1).url).searchParams.get('omit_script'), 'true');
    const tcoAsked = server.mock.requests.filter((request) => request.route === 'tco');
    assert.deepEqual(
      tcoAsked.map(({ method, url }) => [method, url]),
      [['GET', 'https://t.co/Wl8nT4k']],
    );
  });

  test("embed HTML in today's shape, every link behind t.co", async () => {
    const resolved = await resolve(embedHtml(fixtureTweets.emoji, { links: 'tco' }), {
      endpoint: endpoint('musictoday'),
      allowHosts,
    });
    assert.equal(resolved.product.id, 'prod_tour_tee');
    // t.co's link carried utm_ parameters: the product link is without them.
    assert.equal(resolved.productUrl, 'https://musictoday.com/store/theband/tour-tee');
  });

  test('through a link endpoint instead, when given one', async () => {
    server.mock.reset();
    const resolved = await resolve(embedHtml(fixtureTweets.newAlbum, { links: 'tco' }), {
      endpoint: endpoint('gumroad'),
      linkEndpoint: `${server.url}/links`,
      allowHosts,
    });
    assert.equal(resolved.product.id, 'prod_album');
    assert.equal(server.mock.requests.filter((request) => request.route === 'links').length, 1);
  });

  test('embed HTML, whatever t.co hides: data-expanded-url and title', async () => {
    const cut = await resolve(embedHtml(fixtureTweets.cutLink), { endpoint: endpoint('musictoday'), allowHosts });
    assert.equal(cut.product.id, 'prod_vinyl');
    const titled = await resolve(embedHtml(fixtureTweets.cutLinkTitle), { endpoint: endpoint('gumroad'), allowHosts });
    assert.equal(titled.product.id, 'prod_field_recordings');
    const rtl = await resolve(embedHtml(fixtureTweets.rtl), { endpoint: endpoint('fancy'), allowHosts });
    assert.equal(rtl.product.id, 'prod_walnut_lamp');
  });

  test('X API v2 and v1.1 objects', async () => {
    const v2 = await resolve(
      {
        id: '1',
        text: 'Tee https://t.co/x',
        entities: {
          urls: [
            {
              url: 'https://t.co/x',
              expanded_url: 'https://musictoday.com/store/theband/tour-tee',
              display_url: 'musictoday.com/store/theband/…',
            },
          ],
        },
      },
      { endpoint: endpoint('musictoday'), allowHosts },
    );
    assert.equal(v2.product.id, 'prod_tour_tee');
    const v1 = await resolve(
      {
        id_str: '2',
        full_text: 'Guide https://t.co/y',
        user: { screen_name: 'smallroompress' },
        entities: { urls: [{ url: 'https://t.co/y', expanded_url: 'https://buy.stripe.com/test_6oE5lY0aB1cD' }] },
      },
      { endpoint: endpoint('stripe'), allowHosts },
    );
    assert.equal(v1.partner.id, 'stripe');
  });

  test('rejects with the code and step buy-tweet-error would carry', async () => {
    await assert.rejects(resolve('https://example.com/shop/1'), { code: 'unsupported_link', step: 'tweet' });
    await assert.rejects(resolve(embedHtml(fixtureTweets.noProduct)), { code: 'unsupported_link', step: 'tweet' });
    await assert.rejects(resolve('https://gumroad.com/l/private-demo', { endpoint: endpoint('gumroad'), allowHosts }), {
      code: 'not_for_sale',
      step: 'lookup',
    });
    await assert.rejects(resolve('https://twitter.com/nobody/status/1', { oembedEndpoint, allowHosts }), {
      code: 'tweet_unavailable',
      step: 'tweet',
    });
    await assert.rejects(resolve(42), { code: 'unsupported_link' });
  });
});

describe('npx buy-tweet resolve', () => {
  test('prints the product as JSON', async () => {
    const { stdout } = await run('node', [
      cli,
      'resolve',
      'https://fancy.com/things/7654321',
      '--endpoint',
      endpoint('fancy'),
    ]);
    const resolved = JSON.parse(stdout);
    assert.equal(resolved.product.id, 'prod_pour_over_set');
    assert.equal(resolved.product.availability, 'preorder');
  });

  test('resolves a tweet URL with --oembed-endpoint, reading its t.co link at t.co', async () => {
    // A real process: its t.co is the mock's, through the preload, which logs what was asked.
    const { code, stdout, stderr } = await runCli([
      'resolve',
      tweetUrl(fixtureTweets.liveCd),
      `--endpoint=${endpoint('musictoday')}`,
      `--oembed-endpoint=${oembedEndpoint}`,
    ]);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout).product.price, { amount: 3300, currency: 'JPY' });
    assert.match(stderr, /^tco-preload: GET https:\/\/t\.co\/Jp5cD7m$/m);
  });

  test('says what went wrong as JSON on stderr, exit code 1', async () => {
    await assert.rejects(run('node', [cli, 'resolve', 'https://example.com/x']), (error) => {
      assert.equal(error.code, 1);
      assert.equal(JSON.parse(error.stderr).error.code, 'unsupported_link');
      return true;
    });
  });

  test('refuses an --endpoint that is no endpoint, exit code 2, and asks no other in its place', async () => {
    // The process's production gumroad.com is the mock (tco-preload.mjs): a fallback would answer.
    const { code, stdout, stderr } = await runCli([
      'resolve',
      'https://gumroad.com/l/new-album',
      '--endpoint',
      'http://10.0.0.7/v1',
    ]);
    assert.equal(code, 2);
    assert.match(stderr, /--endpoint must be an https URL/);
    assert.equal(stdout, '');
  });

  test('refuses a partner endpoint that resolves to a private address, exit code 2, unless a flag names it', async () => {
    const dns = [new URL('./dns-preload.mjs', import.meta.url).href];
    const refused = await runCli(['resolve', 'https://gumroad.com/l/new-album'], { imports: dns });
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(
      refused.stderr,
      /the endpoint of partner "gumroad" https:\/\/gumroad\.com\/\.well-known\/buy-tweet\/v1 .*gumroad\.com \(10\.0\.0\.7\)/,
    );
    assert.equal(refused.stdout, '');
    // Named by a flag, the same endpoint is the caller's choice (the mock answers for it here).
    const named = await runCli(
      ['resolve', 'https://gumroad.com/l/new-album', '--endpoint', 'https://gumroad.com/.well-known/buy-tweet/v1'],
      { imports: dns },
    );
    assert.equal(named.code, 0, named.stderr);
    assert.equal(JSON.parse(named.stdout).product.id, 'prod_album');
  });

  test('refuses stdin over 1 MB, exit code 2', async () => {
    const { code, stdout, stderr } = await runCli(['resolve', '-'], {
      input: `https://gumroad.com/l/new-album${' '.repeat(1024 * 1024)}`,
    });
    assert.equal(code, 2);
    assert.match(stderr, /over 1 MB/);
    assert.equal(stdout, '');
  });

  test('shows usage for a wrong call, exit code 2', async () => {
    await assert.rejects(run('node', [cli, 'lookup']), (error) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /Usage: buy-tweet resolve/);
      return true;
    });
  });
});

describe('failureDetail: what the CLI says of a failure', () => {
  const failures = [
    [new BuyTweetError({ code: 'not_for_sale', message: 'No.', step: 'lookup' }), 'not_for_sale', false],
    [new DOMException('This operation was aborted', 'AbortError'), 'network', true],
    [new DOMException('The operation timed out.', 'TimeoutError'), 'network', true],
    [new TypeError('fetch failed'), 'network', true],
    [new TypeError("Cannot read properties of undefined (reading 'id')"), 'invalid_response', false],
    [new SyntaxError('Unexpected token < in JSON'), 'invalid_response', false],
    ['a string', 'invalid_response', false],
  ];
  for (const [error, code, retryable] of failures) {
    test(`${String(error)} → ${code}`, () => {
      const detail = failureDetail(error);
      assert.deepEqual({ code: detail.code, retryable: detail.retryable }, { code, retryable });
      assert.equal(typeof detail.message, 'string');
      assert.equal(detail.step, 'lookup');
    });
  }
});
