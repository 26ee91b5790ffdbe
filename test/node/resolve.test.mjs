import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { setupServer } from 'msw/node';
import { resolve } from 'buy-tweet/api';
import { embedHtml, fixtureTweets, tweetUrl } from 'buy-tweet/mock';
import { startMockPartnerServer } from 'buy-tweet/mock/server';
import { runCli } from './cli-process.mjs';

const run = promisify(execFile);
const cli = new URL('../../dist/esm/node/cli.js', import.meta.url).pathname;

let server;
let endpoint;
let oembedEndpoint;
// Node's resolve asks https://t.co/ itself: here the mock's t.co answers, and counts the requests.
let tco;
before(async () => {
  server = await startMockPartnerServer({ port: 0 });
  endpoint = (id) => `${server.url}/${id}/v1`;
  oembedEndpoint = `${server.url}/oembed`;
  tco = setupServer(...server.mock.handlers.filter((handler) => String(handler.info.path).startsWith('https://t.co/')));
  tco.listen({ onUnhandledRequest: 'bypass' });
});
after(() => {
  tco.close();
  return server.close();
});

describe('BuyTweet.resolve in Node, over real HTTP', () => {
  test('a product link', async () => {
    const resolved = await resolve('https://gumroad.com/l/new-album?utm_source=x', { endpoint: endpoint('gumroad') });
    assert.equal(resolved.partner.id, 'gumroad');
    assert.equal(resolved.productUrl, 'https://gumroad.com/l/new-album');
    assert.equal(resolved.product.id, 'prod_album');
    assert.deepEqual(resolved.product.price, { amount: 999, currency: 'USD' });
  });

  test('a tweet URL, through oEmbed, read with parse5, its t.co link read at t.co', async () => {
    server.mock.reset();
    const resolved = await resolve(tweetUrl(fixtureTweets.walnutLamp), { endpoint: endpoint('fancy'), oembedEndpoint });
    assert.equal(resolved.partner.id, 'fancy');
    assert.equal(resolved.product.id, 'prod_walnut_lamp');
    const asked = server.mock.requests.filter((request) => request.route === 'oembed');
    assert.equal(new URL(asked.at(-1).url).searchParams.get('omit_script'), 'true');
    const tcoAsked = server.mock.requests.filter((request) => request.route === 'tco');
    assert.deepEqual(tcoAsked.map(({ method, url }) => [method, url]), [['GET', 'https://t.co/Wl8nT4k']]);
  });

  test('embed HTML in today\'s shape, every link behind t.co', async () => {
    const resolved = await resolve(embedHtml(fixtureTweets.emoji, { links: 'tco' }), { endpoint: endpoint('musictoday') });
    assert.equal(resolved.product.id, 'prod_tour_tee');
    // t.co's link carried utm_ parameters: the product link is without them.
    assert.equal(resolved.productUrl, 'https://musictoday.com/store/theband/tour-tee');
  });

  test('through a link endpoint instead, when given one', async () => {
    server.mock.reset();
    const resolved = await resolve(embedHtml(fixtureTweets.newAlbum, { links: 'tco' }), {
      endpoint: endpoint('gumroad'),
      linkEndpoint: `${server.url}/links`,
    });
    assert.equal(resolved.product.id, 'prod_album');
    assert.equal(server.mock.requests.filter((request) => request.route === 'links').length, 1);
  });

  test('embed HTML, whatever t.co hides: data-expanded-url and title', async () => {
    const cut = await resolve(embedHtml(fixtureTweets.cutLink), { endpoint: endpoint('musictoday') });
    assert.equal(cut.product.id, 'prod_vinyl');
    const titled = await resolve(embedHtml(fixtureTweets.cutLinkTitle), { endpoint: endpoint('gumroad') });
    assert.equal(titled.product.id, 'prod_field_recordings');
    const rtl = await resolve(embedHtml(fixtureTweets.rtl), { endpoint: endpoint('fancy') });
    assert.equal(rtl.product.id, 'prod_walnut_lamp');
  });

  test('X API v2 and v1.1 objects', async () => {
    const v2 = await resolve(
      {
        id: '1',
        text: 'Tee https://t.co/x',
        entities: { urls: [{ url: 'https://t.co/x', expanded_url: 'https://musictoday.com/store/theband/tour-tee', display_url: 'musictoday.com/store/theband/…' }] },
      },
      { endpoint: endpoint('musictoday') },
    );
    assert.equal(v2.product.id, 'prod_tour_tee');
    const v1 = await resolve(
      {
        id_str: '2',
        full_text: 'Guide https://t.co/y',
        user: { screen_name: 'smallroompress' },
        entities: { urls: [{ url: 'https://t.co/y', expanded_url: 'https://buy.stripe.com/test_6oE5lY0aB1cD' }] },
      },
      { endpoint: endpoint('stripe') },
    );
    assert.equal(v1.partner.id, 'stripe');
  });

  test('rejects with the code and step buy-tweet-error would carry', async () => {
    await assert.rejects(resolve('https://example.com/shop/1'), { code: 'unsupported_link', step: 'tweet' });
    await assert.rejects(resolve(embedHtml(fixtureTweets.noProduct)), { code: 'unsupported_link', step: 'tweet' });
    await assert.rejects(resolve('https://gumroad.com/l/private-demo', { endpoint: endpoint('gumroad') }), {
      code: 'not_for_sale',
      step: 'lookup',
    });
    await assert.rejects(resolve('https://twitter.com/nobody/status/1', { oembedEndpoint }), {
      code: 'tweet_unavailable',
      step: 'tweet',
    });
    await assert.rejects(resolve(42), { code: 'unsupported_link' });
  });
});

describe('npx buy-tweet resolve', () => {
  test('prints the product as JSON', async () => {
    const { stdout } = await run('node', [cli, 'resolve', 'https://fancy.com/things/7654321', '--endpoint', endpoint('fancy')]);
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

  test('shows usage for a wrong call, exit code 2', async () => {
    await assert.rejects(run('node', [cli, 'lookup']), (error) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /Usage: buy-tweet resolve/);
      return true;
    });
  });
});
