// Input that cannot be stored, as a merchant meets it (docs/partners/reference-partner.md, "When
// things go wrong"), on each store: a NUL, a lone surrogate, text over its cap, JSON nested past the
// limit are 422 with `fields` naming the field, never 5xx, and store nothing; an id no order can
// have is 404.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { address, albumOrder, newKey, ORIGIN, postOrder, startPartner, storeKinds } from './harness.mjs';

const vinylOrder = (shipping = {}, overrides = {}) => ({
  productId: 'prod_vinyl',
  quantity: 1,
  email: 'buyer@example.com',
  shipping: { ...address, ...shipping },
  expectedTotal: { amount: 2500, currency: 'USD' },
  source: {},
  ...overrides,
});

for (const kind of storeKinds) {
  describe(`input that cannot be stored, on ${kind.name}`, () => {
    let running;
    before(async () => {
      running = await startPartner(kind);
    });
    after(() => running.close());

    const deep = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const withField = (body, name, json) => JSON.stringify(body).replace(/}$/, `,"${name}":${json}}`);
    const cases = [
      ['a NUL in the email', albumOrder({ email: 'buyer\u0000@example.com' }), 'email'],
      ['a lone surrogate in the email', albumOrder({ email: '\ud800buyer@example.com' }), 'email'],
      ['a NUL in the shipping name', vinylOrder({ name: 'Ann\u0000Lee' }), 'shipping.name'],
      ['a lone surrogate in the city', vinylOrder({ city: 'Spring\udc00field' }), 'shipping.city'],
      [
        'a NUL in the tweet URL',
        albumOrder({ source: { tweetUrl: 'https://x.com/a/status/1\u0000' } }),
        'source.tweetUrl',
      ],
      [
        'a lone surrogate in the page URL',
        albumOrder({ source: { pageUrl: 'https://blog.example/\ud83d' } }),
        'source.pageUrl',
      ],
      ['an email of 255 characters', albumOrder({ email: `${'a'.repeat(243)}@example.com` }), 'email'],
      ['a name of 201 characters', vinylOrder({ name: 'n'.repeat(201) }), 'shipping.name'],
      ['a first line of 201 characters', vinylOrder({ line1: 'l'.repeat(201) }), 'shipping.line1'],
      ['a second line of 201 characters', vinylOrder({ line2: 'l'.repeat(201) }), 'shipping.line2'],
      ['a city of 101 characters', vinylOrder({ city: 'c'.repeat(101) }), 'shipping.city'],
      ['a region of 101 characters', vinylOrder({ region: 'r'.repeat(101) }), 'shipping.region'],
      ['a postal code of 21 characters', vinylOrder({ postalCode: `${' '.repeat(16)}62701` }), 'shipping.postalCode'],
      ['a country of 3 characters', vinylOrder({ country: 'USA' }), 'shipping.country'],
      ['a tweet id of 33 digits', albumOrder({ source: { tweetId: '1'.repeat(33) } }), 'source.tweetId'],
      [
        'a tweet URL of 2049 characters',
        albumOrder({ source: { tweetUrl: `https://x.com/${'a'.repeat(2035)}` } }),
        'source.tweetUrl',
      ],
      [
        'a page URL of 2049 characters',
        albumOrder({ source: { pageUrl: `https://b.example/${'a'.repeat(2031)}` } }),
        'source.pageUrl',
      ],
      ['JSON nested 5,000 deep', withField(albumOrder(), 'extra', deep(5000)), 'body'],
      ['JSON nested 65 deep', withField(albumOrder(), 'extra', deep(64)), 'body'],
    ];
    for (const [name, body, field] of cases) {
      test(`${name} is 422 naming ${field}, and makes no order`, async () => {
        const key = newKey();
        const response = await postOrder(running.partner, key, body);
        assert.equal(response.status, 422);
        assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
        const { error } = await response.json();
        assert.equal(error.code, 'invalid_request');
        assert.equal(typeof error.message, 'string');
        assert.deepEqual(Object.keys(error.fields), [field]);
        assert.equal(await running.store.findByKey(key), null);
      });
    }

    test('text within the caps is kept as sent: a character beyond the BMP, nesting 64 deep, the longest fields', async () => {
      const body = vinylOrder(
        { name: `Ann 😀 ${'n'.repeat(193)}`, city: 'c'.repeat(100), postalCode: '62701' },
        { email: `${'a'.repeat(242)}@example.com`, source: { pageUrl: `https://b.example/${'a'.repeat(2030)}` } },
      );
      const response = await postOrder(running.partner, newKey(), withField(body, 'extra', deep(63)));
      assert.equal(response.status, 201);
      const stored = await running.store.getOrder((await response.json()).id);
      assert.equal(stored.shipping.name, body.shipping.name);
      assert.equal(stored.email, body.email);
      assert.equal(stored.source.pageUrl, body.source.pageUrl);
    });

    for (const id of ['%00', 'ord_%00', '%ED%A0%80', '%F0%9F%98%80', 'a'.repeat(5000), '%E2%80%AE']) {
      test(`GET /v1/orders/${id.slice(0, 16)} is 404`, async () => {
        const response = await running.partner(new Request(`${ORIGIN}/v1/orders/${id}`));
        assert.equal(response.status, 404);
        assert.equal((await response.json()).error.code, 'order_not_found');
      });
    }

    test('an Idempotency-Key over 255 characters is 400', async () => {
      const response = await postOrder(running.partner, 'k'.repeat(256), albumOrder());
      assert.equal(response.status, 400);
      assert.equal((await response.json()).error.code, 'invalid_request');
    });
  });
}
