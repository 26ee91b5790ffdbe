// What the Node tests of the mock partner over real HTTP share: the server, started once a file and
// reset before each test, the ways to ask it, and the orders they send.
import { after, before, beforeEach } from 'node:test';
import { startMockPartnerServer } from '../../dist/esm/mock/server.js';
import { catalogue, fixtureTweets, tweetUrl } from '../../dist/esm/mock/fixtures.js';

export let server;
export let mock;

/** Starts the mock partner for the file's tests, and gives each test a fresh one. */
export const useMockPartnerServer = () => {
  before(async () => {
    server = await startMockPartnerServer({ port: 0 });
    mock = server.mock;
  });
  after(() => server.close());
  beforeEach(() => mock.reset());
};

export const endpoint = (partner) => server.endpoints[partner];

export const lookup = (partner, urls, init) => {
  const query = urls.map((url) => `url=${encodeURIComponent(url)}`).join('&');
  return fetch(`${endpoint(partner)}/products?${query}`, init);
};

export const postOrder = (partner, body, key = crypto.randomUUID(), headers = {}) =>
  fetch(`${endpoint(partner)}/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key && { 'Idempotency-Key': key }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export const album = catalogue.album.product;
export const flac = album.variants.find((variant) => variant.title === 'FLAC');
export const albumOrder = (changes = {}) => ({
  productId: album.id,
  variantId: flac.id,
  quantity: 2,
  email: 'buyer@example.com',
  shipping: null,
  expectedTotal: { amount: flac.price.amount * 2, currency: flac.price.currency },
  source: {
    tweetId: fixtureTweets.newAlbum.id,
    tweetUrl: tweetUrl(fixtureTweets.newAlbum),
    pageUrl: 'https://blog.example/post',
  },
  ...changes,
});

export const poster = catalogue.tourPoster.product;
export const address = {
  name: 'Ada Buyer',
  line1: '1 Main St',
  line2: '',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};
export const posterOrder = (changes = {}) => ({
  productId: poster.id,
  quantity: 1,
  email: 'buyer@example.com',
  shipping: address,
  expectedTotal: poster.price,
  source: {},
  ...changes,
});
