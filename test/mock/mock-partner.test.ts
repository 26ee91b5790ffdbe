// The mock partner in a real browser, through msw's service worker: the way the element's tests
// and the demo meet it.
import { expect } from '@open-wc/testing';
import { startMockPartner, type RunningMockPartner } from '../../src/mock/browser.js';
import '../noise.js';
import { catalogue, fixtureTweets, productAt, tweetUrl } from '../../src/mock/fixtures.js';

const album = catalogue.album.product;
const lookupUrl = (endpoint: string, ...links: string[]) =>
  `${endpoint}/products?${links.map((link) => `url=${encodeURIComponent(link)}`).join('&')}`;

describe('mock partner in the browser', () => {
  let running: RunningMockPartner;

  before(async () => {
    running = await startMockPartner();
  });
  after(() => running.worker.stop());
  beforeEach(() => running.mock.reset());

  it('answers lookups at a partner’s default endpoint, with pictures the page can show', async () => {
    const response = await fetch(lookupUrl('https://gumroad.com/.well-known/buy-tweet/v1', album.url));
    expect(response.status).to.equal(200);
    const { products } = await response.json();
    expect(products).to.deep.equal([productAt(album, 'https://gumroad.com')]);

    const image = new Image();
    image.src = products[0].image.url;
    await image.decode();
    expect(image.naturalWidth).to.equal(600);
    expect(running.mock.requests.map((request) => request.route)).to.deep.equal(['products', 'image']);
  });

  it('answers at {origin}/{partner}/v1 on the page’s own origin', async () => {
    const lamp = catalogue.walnutLamp.product;
    const { products } = await (await fetch(lookupUrl(`${location.origin}/fancy/v1`, lamp.url, album.url))).json();
    expect(products[0].id).to.equal(lamp.id);
    expect(products[0].image.url).to.equal(`${location.origin}/__mock/images/walnut-lamp.svg`);
    expect(products[1].error.code).to.equal('product_not_found');
  });

  it('takes an order, and marks it paid when the Stripe stand-in says so', async () => {
    const endpoint = 'https://gumroad.com/.well-known/buy-tweet/v1';
    const mp3 = album.variants[0];
    const created = await fetch(`${endpoint}/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        productId: album.id,
        variantId: mp3.id,
        quantity: 1,
        email: 'buyer@example.com',
        shipping: null,
        expectedTotal: mp3.price,
        source: {},
      }),
    });
    expect(created.status).to.equal(201);
    const order = await created.json();
    await fetch('/__mock/stripe/events', {
      method: 'POST',
      body: JSON.stringify({ type: 'payment_intent.succeeded', clientSecret: order.payment.clientSecret }),
    });
    const paid = await (await fetch(`${endpoint}/orders/${order.id}`)).json();
    expect(paid.status).to.equal('paid');
    expect(paid.receiptUrl).to.equal(`https://gumroad.com/__mock/receipts/${order.id}`);
    expect(running.mock.ordersCreated).to.equal(1);
  });

  it('answers oEmbed at publish.twitter.com', async () => {
    const tweet = fixtureTweets.emoji;
    const response = await fetch(
      `https://publish.twitter.com/oembed?url=${encodeURIComponent(tweetUrl(tweet))}&omit_script=true`,
    );
    const { html, author_name } = await response.json();
    expect(author_name).to.equal(tweet.authorName);
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    expect(parsed.querySelector('p')!.textContent).to.contain('🎸🔥👕');
    expect(parsed.querySelectorAll('script').length).to.equal(0);
  });

  it('fails on purpose: a dead network, and a 503 that passes after two tries', async () => {
    const endpoint = 'https://musictoday.com/.well-known/buy-tweet/v1';
    const tee = catalogue.tourTee.product.url;
    running.mock.inject('network', { route: 'products' });
    let failure: unknown;
    await fetch(lookupUrl(endpoint, tee)).catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);

    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(lookupUrl(endpoint, `${tee}?fault=503*2`))).status);
    expect(statuses).to.deep.equal([503, 503, 200]);
  });
});
