import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { BuyTweetError } from '../../src/core/errors.js';
import {
  cacheLifetime,
  createOrder,
  getOrder,
  lookupProducts,
  retryAfter,
  retryDelay,
} from '../../src/core/protocol.js';
import { holdRetryWait, roundTrip } from '../retry-wait.js';
import { mock, worker } from '../setup.js';

const GUMROAD = 'https://gumroad.com/.well-known/buy-tweet/v1';
const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BuyTweetError);
    return error as BuyTweetError;
  }
  throw new Error('expected a rejection');
};

const order = {
  productId: 'prod_album',
  variantId: 'var_mp3',
  quantity: 1,
  email: 'buyer@example.com',
  shipping: null,
  expectedTotal: { amount: 999, currency: 'USD' },
  source: {},
};

describe('protocol client: lookups', () => {
  it("gives one entry per link, in order: products and the partner's own no", async () => {
    const { entries, maxAge } = await lookupProducts(GUMROAD, [
      'https://gumroad.com/l/zine-issue-1',
      'https://gumroad.com/l/private-demo',
      'https://gumroad.com/l/new-album',
    ]);
    expect((entries[0] as { id: string }).id).to.equal('prod_zine_1');
    expect(entries[1]).to.be.instanceOf(BuyTweetError);
    expect((entries[1] as BuyTweetError).code).to.equal('not_for_sale');
    expect((entries[2] as { variants: unknown[] }).variants).to.have.length(2);
    expect(maxAge).to.equal(60);
  });

  const failures: Array<[string, string, Partial<BuyTweetError>]> = [
    ['404', 'partner_error', { status: 404, retryable: false }],
    ['malformed', 'invalid_response', { retryable: false }],
  ];
  for (const [fault, code, more] of failures) {
    it(`turns a ${fault} answer into ${code}`, async () => {
      mock.inject(fault, { route: 'products' });
      const error = await rejection(lookupProducts(GUMROAD, ['https://gumroad.com/l/new-album'], { retries: 0 }));
      expect(error).to.include({ code, step: 'lookup', ...more });
    });
  }

  it('calls a product that breaks the schema invalid_response, without failing its neighbours', async () => {
    worker.use(
      http.get(`${GUMROAD}/products`, () =>
        HttpResponse.json({
          products: [
            {
              id: 'p',
              url: 'https://gumroad.com/l/a',
              title: 'No price',
              merchant: { name: 'M' },
              availability: 'in_stock',
              checkout: { type: 'stripe', publishableKey: 'pk_test_x' },
            },
            {
              id: 'q',
              url: 'https://gumroad.com/l/b',
              title: 'Fine',
              merchant: { name: 'M' },
              price: { amount: 5, currency: 'jpy' },
              availability: 'in_stock',
              checkout: { type: 'stripe', publishableKey: 'pk_test_x' },
            },
          ],
        }),
      ),
    );
    const { entries } = await lookupProducts(GUMROAD, ['https://gumroad.com/l/a', 'https://gumroad.com/l/b']);
    expect((entries[0] as BuyTweetError).code).to.equal('invalid_response');
    expect((entries[1] as { price: unknown }).price).to.deep.equal({ amount: 5, currency: 'JPY' });
  });

  it('calls an answer with the wrong number of entries invalid_response', async () => {
    worker.use(http.get(`${GUMROAD}/products`, () => HttpResponse.json({ products: [] })));
    const error = await rejection(lookupProducts(GUMROAD, ['https://gumroad.com/l/new-album']));
    expect(error.code).to.equal('invalid_response');
  });

  it("waits the 429's Retry-After before asking again, and succeeds", async () => {
    mock.inject('429', { route: 'products', times: 1 });
    const asked = () => mock.requests.filter((request) => request.route === 'products').length;
    const wait = holdRetryWait();
    const lookup = lookupProducts(GUMROAD, ['https://gumroad.com/l/new-album']);
    expect(await wait.asked).to.equal(1000);
    await roundTrip();
    expect(asked()).to.equal(1);
    wait.release();
    const { entries } = await lookup;
    expect((entries[0] as { id: string }).id).to.equal('prod_album');
    expect(asked()).to.equal(2);
  });

  // The cap is 1 MB; more is refused by Content-Length, or once the stream passes the cap, and
  // never asked again. The answer is a good one but for its size.
  const album = 'https://gumroad.com/l/new-album';
  const padded = (bytes: number) => {
    const product = {
      id: 'p',
      url: album,
      title: 'Album',
      merchant: { name: 'M' },
      price: { amount: 5, currency: 'USD' },
      availability: 'in_stock',
      checkout: { type: 'stripe', publishableKey: 'pk_test_x' },
    };
    const head = `{"products": [${JSON.stringify(product)}], "padding": "`;
    return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
  };
  const streamed = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, (at += 64 * 1024)));
      },
    });
  };
  const json = { 'Content-Type': 'application/json' };
  // A body that sends its first bytes and then nothing more: only its headers can end the wait.
  const stalled = () =>
    new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"products": [')) });
  const oversize: Array<[string, () => Response]> = [
    [
      'by its Content-Length, before the body',
      () => new HttpResponse(stalled(), { headers: { ...json, 'Content-Length': String(2 * 1024 * 1024) } }),
    ],
    [
      'with its Content-Length',
      () =>
        new HttpResponse(padded(1024 * 1024 + 1), { headers: { ...json, 'Content-Length': String(1024 * 1024 + 1) } }),
    ],
    ['streamed without Content-Length', () => new HttpResponse(streamed(padded(1024 * 1024 + 1)), { headers: json })],
  ];
  for (const [how, answer] of oversize) {
    it(`calls a lookup answer over 1 MB ${how} invalid_response, and does not ask again`, async () => {
      let asked = 0;
      worker.use(http.get(`${GUMROAD}/products`, () => (asked++, answer())));
      const error = await rejection(lookupProducts(GUMROAD, [album]));
      expect(error).to.include({ code: 'invalid_response', step: 'lookup', retryable: false });
      expect(asked).to.equal(1);
    });
  }

  it('reads a lookup answer of exactly 1 MB, streamed', async () => {
    worker.use(
      http.get(`${GUMROAD}/products`, () => new HttpResponse(streamed(padded(1024 * 1024)), { headers: json })),
    );
    const { entries } = await lookupProducts(GUMROAD, [album]);
    expect((entries[0] as { title: string }).title).to.equal('Album');
  });

  it('refuses to ask for no link or more than 20', async () => {
    for (const urls of [[], Array.from({ length: 21 }, (_, i) => `https://gumroad.com/l/${i}`)]) {
      let error: unknown;
      await lookupProducts(GUMROAD, urls).catch((reason) => (error = reason));
      expect(error).to.be.instanceOf(RangeError);
    }
    expect(mock.requests).to.have.length(0);
  });
});

describe('protocol client: orders', () => {
  it('creates an order under the key it is given, and reads it back', async () => {
    const created = await createOrder(GUMROAD, order, 'key-1');
    expect(created).to.include({ status: 'requires_payment' });
    expect(created.payment!.clientSecret).to.match(/^pi_.+_secret_/);
    const replay = await createOrder(GUMROAD, order, 'key-1');
    expect(replay.id).to.equal(created.id);
    expect(mock.ordersCreated).to.equal(1);
    expect((await getOrder(GUMROAD, created.id)).id).to.equal(created.id);
  });

  it("passes the partner's own codes on, with their details", async () => {
    const changed = await rejection(
      createOrder(GUMROAD, { ...order, expectedTotal: { amount: 1, currency: 'USD' } }, 'key-2'),
    );
    expect(changed).to.include({ code: 'price_changed', step: 'order', status: 409, retryable: false });
    expect(changed.details!.total).to.deep.equal({ amount: 999, currency: 'USD' });
    const conflict = await rejection(
      createOrder(GUMROAD, { ...order, quantity: 2, expectedTotal: { amount: 1998, currency: 'USD' } }, 'key-2'),
    );
    expect(conflict.code).to.equal('idempotency_conflict');
    const invalid = await rejection(createOrder(GUMROAD, { ...order, email: 'nope' }, 'key-3'));
    expect(invalid.code).to.equal('invalid_request');
    expect(invalid.details!.fields).to.have.property('email');
  });

  it('calls an order answer over 100 KB invalid_response, and sends it once', async () => {
    let asked = 0;
    // A good Order but for its size.
    const big = JSON.stringify({
      id: 'ord_1',
      status: 'requires_payment',
      total: order.expectedTotal,
      padding: 'x'.repeat(100 * 1024),
    });
    worker.use(
      http.post(`${GUMROAD}/orders`, () => {
        asked++;
        return new HttpResponse(big, { status: 201, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const error = await rejection(createOrder(GUMROAD, order, 'key-5'));
    expect(error).to.include({ code: 'invalid_response', step: 'order', retryable: false });
    expect(asked).to.equal(1);
  });

  it('reads a refunded order, and a partial refund in the order’s currency only', async () => {
    const answer = (body: object) =>
      worker.use(http.get(`${GUMROAD}/orders/ord_r`, () => HttpResponse.json(body), { once: true }));
    const base = { id: 'ord_r', total: { amount: 1299, currency: 'USD' } };
    answer({ ...base, status: 'refunded' });
    expect((await getOrder(GUMROAD, 'ord_r')).status).to.equal('refunded');
    answer({ ...base, status: 'paid', amountRefunded: { amount: 300, currency: 'USD' } });
    expect((await getOrder(GUMROAD, 'ord_r')).amountRefunded).to.deep.equal({ amount: 300, currency: 'USD' });
    answer({ ...base, status: 'paid', amountRefunded: { amount: 300, currency: 'EUR' } });
    expect(await rejection(getOrder(GUMROAD, 'ord_r', { retries: 0 }))).to.include({ code: 'invalid_response' });
  });

  it('calls an order that breaks the schema invalid_response', async () => {
    mock.inject('schema', { route: 'orders' });
    const error = await rejection(createOrder(GUMROAD, order, 'key-4'));
    expect(error).to.include({ code: 'invalid_response', step: 'order' });
  });
});

describe('protocol client: headers', () => {
  const lifetimes: Array<[string | null, number]> = [
    ['public, max-age=60', 60],
    ['max-age="30"', 30],
    ['s-maxage=10, max-age=5', 5],
    ['no-store', 0],
    ['max-age=60, no-cache', 0],
    [null, 0],
  ];
  for (const [header, seconds] of lifetimes) {
    it(`Cache-Control ${header} → ${seconds} s`, () => expect(cacheLifetime(header)).to.equal(seconds));
  }

  const waits: Array<[string | null, number | undefined]> = [
    ['2', 2000],
    ['120', 10_000],
    ['-5', 0],
    ['Thu, 01 Jan 1970 00:00:05 GMT', 5000],
    ['soon', undefined],
    [null, undefined],
  ];
  for (const [header, ms] of waits) {
    it(`Retry-After ${header} → ${ms} ms`, () => expect(retryAfter(header, 0)).to.equal(ms));
  }

  // [Retry-After, tries so far, jitter in [0, 1), the wait in ms]
  const delays: Array<[string | null, number, number, number]> = [
    ['1', 0, 0.5, 1000],
    ['1', 1, 0.9, 1000],
    ['Thu, 01 Jan 1970 00:00:03 GMT', 0, 0.5, 3000],
    ['60', 0, 0.5, 10_000],
    [null, 0, 0.5, 400],
    [null, 0, 0, 300],
    [null, 1, 0.5, 1200],
    [null, 2, 0, 2700],
    ['soon', 1, 0, 900],
  ];
  for (const [header, tries, random, ms] of delays) {
    it(`waits ${ms} ms before try ${tries + 2} after Retry-After ${header} (jitter ${random})`, () => {
      const busy = new BuyTweetError({
        code: 'partner_error',
        message: 'Busy',
        step: 'lookup',
        status: 503,
        retryable: true,
        details: { retryAfter: header },
      });
      expect(retryDelay(busy, tries, { now: 0, random })).to.equal(ms);
    });
  }
});
