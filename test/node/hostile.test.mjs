// What a hostile partner, oEmbed or link endpoint can do to a server that resolves tweets: answers
// too large to hold, and redirects into the server's own network. Real HTTP on loopback; runs
// against the build, on the same core as the browser.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { embedHtml, fixtureTweets } from 'buy-tweet/mock';
import { resolve } from 'buy-tweet/api';
import { askLinkEndpoint } from '../../dist/esm/core/links.js';
import { fetchOEmbed } from '../../dist/esm/core/oembed.js';
import { createOrder, lookupProducts } from '../../dist/esm/core/protocol.js';
import { startServer } from './servers.mjs';

const album = 'https://gumroad.com/l/new-album';
const tweet = 'https://twitter.com/theband/status/509074208133345280';
const tco = 'https://t.co/AbC123';
const order = {
  productId: 'p',
  quantity: 1,
  email: 'buyer@example.com',
  shipping: null,
  expectedTotal: { amount: 999, currency: 'USD' },
  source: {},
};

/** `answer` as JSON of exactly `bytes` bytes, padded with a field no reader looks at. */
const padded = (answer, bytes) => {
  const head = `${JSON.stringify(answer).slice(0, -1)}, "padding": "`;
  return `${head}${'x'.repeat(bytes - Buffer.byteLength(head) - 2)}"}`;
};

// [what, its cap, the call against a base URL, a good answer, what an oversize answer gives]
const kinds = [
  [
    'a lookup',
    1024 * 1024,
    (base) => lookupProducts(`${base}/v1`, [album]),
    {
      products: [
        {
          id: 'p',
          url: album,
          title: 'Album',
          merchant: { name: 'M' },
          price: { amount: 999, currency: 'USD' },
          availability: 'in_stock',
          checkout: { type: 'stripe', publishableKey: 'pk_test_x' },
        },
      ],
    },
    { code: 'invalid_response', step: 'lookup' },
  ],
  [
    'an order',
    100 * 1024,
    (base) => createOrder(`${base}/v1`, order, 'key-1'),
    { id: 'ord_1', status: 'requires_payment', total: order.expectedTotal },
    { code: 'invalid_response', step: 'order' },
  ],
  [
    'an oEmbed answer',
    100 * 1024,
    (base) => fetchOEmbed(tweet, `${base}/oembed`),
    { html: '<blockquote class="twitter-tweet"><p>Hi</p></blockquote>' },
    // oEmbed's failures are all tweet_unavailable (docs/publishers/events.md).
    { code: 'tweet_unavailable', step: 'tweet' },
  ],
  [
    'a link-endpoint answer',
    100 * 1024,
    (base) => askLinkEndpoint(`${base}/links`, [tco]),
    { links: [{ url: tco, expandedUrl: album }] },
    { code: 'invalid_response', step: 'tweet' },
  ],
];

describe('answers are capped', () => {
  for (const [what, cap, ask, good, refused] of kinds) {
    test(`${what} of exactly ${cap} bytes is read`, async () => {
      const body = padded(good, cap);
      const server = await startServer((req, res) =>
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(body),
      );
      try {
        await ask(server.url);
        assert.equal(server.hits.length, 1);
      } finally {
        await server.close();
      }
    });

    test(`${what} whose Content-Length is over ${cap} bytes is refused before its body, and not asked again`, async () => {
      // Headers, one byte, then nothing: a client that waited for the body would end in a timeout.
      const server = await startServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': cap + 1 });
        res.write('{');
      });
      try {
        await assert.rejects(ask(server.url), { ...refused, retryable: false });
        assert.equal(server.hits.length, 1);
      } finally {
        await server.close();
      }
    });

    test(
      `${what} streamed without end is cut off past ${cap} bytes, and not asked again`,
      { timeout: 20_000 },
      async () => {
        let sent = 0;
        let cut;
        const closed = new Promise((resolve) => (cut = resolve));
        const server = await startServer((req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          const chunk = Buffer.alloc(16 * 1024, ' ');
          const more = () => {
            while (!res.destroyed && res.write(chunk)) sent += chunk.length;
          };
          res.on('drain', more);
          res.on('close', () => cut(sent));
          res.write('{"padding": ');
          more();
        });
        try {
          await assert.rejects(ask(server.url), { ...refused, retryable: false });
          assert.equal(server.hits.length, 1);
          // The client hung up: the server stopped sending, not long after the cap.
          assert.ok((await closed) < cap * 4, `sent ${sent} bytes`);
        } finally {
          await server.close();
        }
      },
    );
  }
});

describe('redirects are not followed', () => {
  let target;
  let bouncer;
  before(async () => {
    // Stands for an internal service: it must never be asked.
    target = await startServer((req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
    bouncer = await startServer((req, res) => res.writeHead(302, { Location: `${target.url}${req.url}` }).end());
  });
  after(() => Promise.all([target.close(), bouncer.close()]));

  // Both hosts are allowed: it is the redirect itself that must stop the request.
  const cases = [
    [
      'a partner',
      () => resolve(album, { endpoint: `${bouncer.url}/v1`, allowHosts: [bouncer.host, target.host] }),
      { code: 'network', step: 'lookup' },
    ],
    [
      'oEmbed',
      () => resolve(tweet, { oembedEndpoint: `${bouncer.url}/oembed`, allowHosts: [bouncer.host, target.host] }),
      { code: 'tweet_unavailable', step: 'tweet' },
    ],
    [
      'a link endpoint',
      () =>
        resolve(embedHtml(fixtureTweets.newAlbum, { links: 'tco' }), {
          linkEndpoint: `${bouncer.url}/links`,
          allowHosts: [bouncer.host, target.host],
        }),
      { code: 'network', step: 'tweet' },
    ],
  ];
  for (const [who, ask, failure] of cases) {
    test(`${who} answering 302 to another server: resolve fails and that server is never asked`, async () => {
      const before = bouncer.hits.length;
      await assert.rejects(ask(), failure);
      assert.ok(bouncer.hits.length > before);
      assert.deepEqual(target.hits, []);
    });
  }
});
