// resolve on a server asks nothing on that server's own machine or networks unless told to
// (allowHosts), and never falls back to another endpoint in place of one it refuses.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { setupServer } from 'msw/node';
import { configure, registerPartner, resolve } from 'buy-tweet/api';
import { embedHtml, fixtureTweets, tweetUrl } from 'buy-tweet/mock';
import { startMockPartnerServer } from 'buy-tweet/mock/server';
import { config } from '../../dist/esm/core/config.js';
import { checkPublicEndpoint, isPrivateAddress } from '../../dist/esm/node/private-network.js';

const album = 'https://gumroad.com/l/new-album';

describe('isPrivateAddress', () => {
  const addresses = [
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['93.184.216.34', false],
    ['8.8.8.8', false],
    ['::1', true],
    ['::', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['2606:4700::1111', false],
    ['not an address', false],
  ];
  for (const [address, isPrivate] of addresses) {
    test(`${address}: ${isPrivate ? 'private' : 'public'}`, () => assert.equal(isPrivateAddress(address), isPrivate));
  }
});

describe('checkPublicEndpoint', () => {
  // The names a test DNS knows.
  const dns = {
    'shop.example': ['93.184.216.34'],
    'split.example': ['93.184.216.34', '10.0.0.8'],
    'metadata.example': ['fd00::254'],
  };
  const lookupAll = async (name) => {
    if (!dns[name]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return dns[name].map((address) => ({ address }));
  };
  const check = (endpoint, allowHosts) => checkPublicEndpoint(endpoint, 'endpoint', { allowHosts, lookupAll });

  const refused = [
    'http://127.0.0.1:8788/gumroad/v1',
    'http://localhost:8788/v1',
    'https://api.localhost/v1',
    'http://[::1]:8788/v1',
    'https://10.0.0.7/v1',
    'https://169.254.169.254/latest',
    'https://[fd00::1]/v1',
    'https://[::ffff:127.0.0.1]/v1',
    'https://0.0.0.0/v1',
    'https://split.example/v1',
    'https://metadata.example/v1',
  ];
  for (const endpoint of refused) {
    test(`refuses ${endpoint}, naming the setting and the host to allow`, async () => {
      const { host } = new URL(endpoint);
      await assert.rejects(check(endpoint), (error) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, /^buy-tweet: endpoint /);
        assert.ok(error.message.includes(`allowHosts lists "${host}"`), error.message);
        return true;
      });
    });
  }

  test('asks public hosts, and names that do not resolve (asking them fails by itself)', async () => {
    await check('https://shop.example/v1');
    await check('https://gumroad.com/.well-known/buy-tweet/v1');
    await check('https://8.8.8.8/v1');
  });

  test('asks a private host allowHosts lists, and only that host and port', async () => {
    await check('http://127.0.0.1:8788/gumroad/v1', ['127.0.0.1:8788']);
    await check('https://SPLIT.example/v1', ['split.example']);
    await assert.rejects(check('http://127.0.0.1:8789/v1', ['127.0.0.1:8788']), TypeError);
    await assert.rejects(check('http://localhost:8788/v1', ['127.0.0.1:8788']), TypeError);
  });
});

describe('resolve in Node', () => {
  let server;
  let requests;
  // t.co is asked by resolve itself: the mock's t.co answers it.
  let tco;
  before(async () => {
    server = await startMockPartnerServer({ port: 0 });
    requests = () => server.mock.requests.length;
    tco = setupServer(
      ...server.mock.handlers.filter((handler) => String(handler.info.path).startsWith('https://t.co/')),
    );
    tco.listen({ onUnhandledRequest: 'bypass' });
  });
  afterEach(() => {
    server.mock.reset();
    config.endpoints.clear();
    config.oembedEndpoint = undefined;
    config.linkEndpoint = undefined;
  });
  after(() => {
    tco.close();
    return server.close();
  });

  const refusal = (setting) => (error) => {
    assert.ok(error instanceof TypeError, String(error));
    assert.ok(error.message.startsWith(`buy-tweet: ${setting} `), error.message);
    return true;
  };

  test('refuses a loopback endpoint, oEmbed endpoint or link endpoint it is given, and asks nothing', async () => {
    await assert.rejects(resolve(album, { endpoint: `${server.url}/gumroad/v1` }), refusal('endpoint'));
    await assert.rejects(
      resolve(tweetUrl(fixtureTweets.walnutLamp), { oembedEndpoint: `${server.url}/oembed` }),
      refusal('oembedEndpoint'),
    );
    await assert.rejects(
      resolve(embedHtml(fixtureTweets.newAlbum, { links: 'tco' }), { linkEndpoint: `${server.url}/links` }),
      refusal('linkEndpoint'),
    );
    assert.equal(requests(), 0);
  });

  test('refuses configured and registered endpoints on loopback too', async () => {
    configure({
      partners: { gumroad: { endpoint: `${server.url}/gumroad/v1` } },
      oembedEndpoint: `${server.url}/oembed`,
    });
    await assert.rejects(resolve(album), refusal('the endpoint of partner "gumroad"'));
    await assert.rejects(resolve(tweetUrl(fixtureTweets.walnutLamp)), refusal('oembedEndpoint'));
    registerPartner({
      id: 'loopshop',
      name: 'Loop Shop',
      match: [/^shop\.example\/loop\//],
      endpoint: `${server.url}/gumroad/v1`,
    });
    await assert.rejects(resolve('https://shop.example/loop/1'), refusal('the endpoint of partner "loopshop"'));
    assert.equal(requests(), 0);
  });

  test('never falls back to the production endpoint in place of one it refuses', async () => {
    // http is for loopback only: this endpoint is no endpoint at all, and says so.
    await assert.rejects(resolve(album, { endpoint: 'http://10.0.0.7/v1' }), refusal('endpoint'));
    await assert.rejects(resolve(album, { endpoint: 'https://10.0.0.7/v1' }), refusal('endpoint'));
    await assert.rejects(resolve(album, { endpoint: 'https://[fe80::1]/v1' }), refusal('endpoint'));
  });

  test('asks what allowHosts lists', async () => {
    const allowHosts = [new URL(server.url).host];
    const { product } = await resolve(album, { endpoint: `${server.url}/gumroad/v1`, allowHosts });
    assert.equal(product.id, 'prod_album');
    const tweet = await resolve(tweetUrl(fixtureTweets.walnutLamp), {
      endpoint: `${server.url}/fancy/v1`,
      oembedEndpoint: `${server.url}/oembed`,
      allowHosts,
    });
    assert.equal(tweet.product.id, 'prod_walnut_lamp');
  });
});
