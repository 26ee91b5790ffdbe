import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { http, HttpResponse } from 'msw';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { BuyTweet } from '../../src/api.js';
import '../../src/define.js';
import { mock, worker } from '../setup.js';

const lookups = () => mock.requests.filter((request) => request.route === 'products');
const linksOf = (url: string) => new URL(url).searchParams.getAll('url');

const loadedAll = (count: number) =>
  new Promise<void>((resolve) => {
    let seen = 0;
    const listener = () => {
      if (++seen === count) {
        document.removeEventListener('buy-tweet-load', listener);
        resolve();
      }
    };
    document.addEventListener('buy-tweet-load', listener);
  });

describe('lookups: one request for a page of tweets', () => {
  it('asks once for ten elements showing three products at one partner', async () => {
    const links = [
      'https://gumroad.com/l/new-album',
      'https://www.gumroad.com/l/new-album/',
      'https://gumroad.com/l/new-album?utm_source=twitter',
      'https://theband.gumroad.com/l/tour-poster',
      'https://theband.gumroad.com/l/tour-poster#buy',
      'https://gumroad.com/l/zine-issue-1',
      'https://gumroad.com/l/new-album',
      'https://theband.gumroad.com/l/tour-poster?fbclid=abc',
      'https://gumroad.com/l/zine-issue-1?ref=tw',
      'https://gumroad.com/l/new-album#top',
    ];
    const all = loadedAll(10);
    await fixture(
      html`<div>${links.map((link) => html`<buy-tweet loading="eager" product-url=${link}></buy-tweet>`)}</div>`,
    );
    await all;
    expect(lookups()).to.have.length(1);
    expect(linksOf(lookups()[0].url)).to.have.members([
      'https://gumroad.com/l/new-album',
      'https://www.gumroad.com/l/new-album/',
      'https://theband.gumroad.com/l/tour-poster',
      'https://gumroad.com/l/zine-issue-1',
    ]);
  });

  it('reuses an answer while its Cache-Control allows, and asks again when it does not', async () => {
    const first = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://fancy.com/things/7654321"></buy-tweet>`,
    );
    await oneEvent(first, 'buy-tweet-load');
    const again = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://fancy.com/things/7654321"></buy-tweet>`,
    );
    await waitUntil(() => again.product, 'the cached product did not show');
    expect(lookups()).to.have.length(1);

    let asked = 0;
    worker.use(
      http.get('https://musictoday.com/.well-known/buy-tweet/v1/products', async ({ request }) => {
        asked++;
        const answer = await fetch(
          request.url
            .replace('musictoday.com/.well-known/buy-tweet', `${location.host}/musictoday`)
            .replace('https://', 'http://'),
        );
        return HttpResponse.json(await answer.json(), { headers: { 'Cache-Control': 'no-store' } });
      }),
    );
    for (let i = 0; i < 2; i++) {
      const el = await fixture<BuyTweetElement>(
        html`<buy-tweet loading="eager" product-url="https://musictoday.com/store/theband/vinyl"></buy-tweet>`,
      );
      await oneEvent(el, 'buy-tweet-load');
    }
    expect(asked).to.equal(2);
  });

  it('splits more than 20 links into requests of 20', async () => {
    const links = Array.from({ length: 25 }, (_, i) => `https://gumroad.com/l/item-${i}`);
    const errors = new Promise<void>((resolve) => {
      let seen = 0;
      const listener = () => ++seen === 25 && (document.removeEventListener('buy-tweet-error', listener), resolve());
      document.addEventListener('buy-tweet-error', listener);
    });
    await fixture(
      html`<div>${links.map((link) => html`<buy-tweet loading="eager" product-url=${link}></buy-tweet>`)}</div>`,
    );
    await errors;
    expect(lookups().map((request) => linksOf(request.url).length)).to.deep.equal([20, 5]);
  });
});

describe('partners: only registered partners are asked', () => {
  it("never contacts anyone but a registered partner's endpoint, whatever the tweets link to", async () => {
    const contacted: string[] = [];
    const record = ({ request }: { request: Request }) => contacted.push(request.url);
    worker.events.on('request:start', record);
    const tweets = [
      'https://gumroad.com.evil.example/l/x',
      'https://evilgumroad.com/l/x',
      'https://gumroad.com@evil.example/l/x',
      'http://gumroad.com/l/new-album',
      'https://shop.example/p/42',
      'https://fancy.com/things/7654321',
    ];
    const all = loadedAll(1);
    await fixture(
      html`<div>
        ${tweets.map(
          (link) =>
            html`<buy-tweet loading="eager">
              <blockquote class="twitter-tweet">
                <p>Look <a href=${link}>${link}</a></p>
                &mdash; X (@x) <a href="https://twitter.com/x/status/1">May 1, 2020</a>
              </blockquote>
            </buy-tweet>`,
        )}
      </div>`,
    );
    await all;
    worker.events.removeListener('request:start', record);
    // The page's own scripts (the chunk that reads tweets) are not anyone else.
    const own = (url: URL) => url.origin === location.origin && /\.(?:js|ts)$/.test(url.pathname);
    const hosts = new Set(
      contacted
        .map((url) => new URL(url))
        .filter((url) => !own(url))
        .map((url) => url.host),
    );
    expect([...hosts]).to.deep.equal(['fancy.com']);
    expect(contacted.filter((url) => url.includes('/products'))).to.have.length(1);
  });

  it("looks up a registered partner's links at its endpoint, by patterns", async () => {
    BuyTweet.registerPartner({
      id: 'shop-patterns',
      name: 'Pattern Shop',
      match: [/^shop\.example\/p\/\d+$/],
      endpoint: 'https://shop.example/buy-tweet/v1',
    });
    const asked: string[] = [];
    worker.use(
      http.get('https://shop.example/buy-tweet/v1/products', ({ request }) => {
        asked.push(...linksOf(request.url));
        return HttpResponse.json({
          products: [{ url: 'https://shop.example/p/42', error: { code: 'not_for_sale', message: 'Not yet' } }],
        });
      }),
    );
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://SHOP.example/p/42?utm_medium=x"></buy-tweet>`,
    );
    const { detail } = await oneEvent(el, 'buy-tweet-error');
    expect(detail.code).to.equal('not_for_sale');
    expect(asked).to.deep.equal(['https://shop.example/p/42']);
    expect(lookups()).to.have.length(0);
  });

  it('reads the tweets already on the page again when a partner registers later', async () => {
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager">
        <blockquote class="twitter-tweet">
          <p>New print <a href="https://t.co/9">late.example/print/7</a></p>
          &mdash; Printer (@printer) <a href="https://twitter.com/printer/status/7">June 1, 2024</a>
        </blockquote>
      </buy-tweet>`,
    );
    // Read, with no product: the skeleton that held the place while the tweet was read is gone.
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="card"]'), 'the tweet was not read');
    worker.use(
      http.get('https://late.example/v1/products', () =>
        HttpResponse.json({
          products: [{ url: 'https://late.example/print/7', error: { code: 'not_for_sale', message: 'Soon' } }],
        }),
      ),
    );
    const failed = oneEvent(el, 'buy-tweet-error');
    BuyTweet.registerPartner({
      id: 'late',
      name: 'Late Prints',
      match: [/^late\.example\/print\/\d+$/],
      endpoint: 'https://late.example/v1',
    });
    expect((await failed).detail.code).to.equal('not_for_sale');
  });

  it("takes a match function too, and the element's endpoint over the registered one", async () => {
    BuyTweet.registerPartner({
      id: 'shop-function',
      name: 'Function Shop',
      match: (url) => url.hostname === 'function.example' && url.pathname.startsWith('/item/'),
      endpoint: 'https://function.example/v1',
    });
    let asked = '';
    worker.use(
      http.get('https://elsewhere.example/v1/products', ({ request }) => {
        asked = request.url;
        return HttpResponse.json({ products: [{ url: 'x', error: { code: 'product_not_found', message: 'no' } }] });
      }),
    );
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet
        loading="eager"
        endpoint="https://elsewhere.example/v1"
        product-url="https://function.example/item/7"
      ></buy-tweet>`,
    );
    await oneEvent(el, 'buy-tweet-error');
    expect(linksOf(asked)).to.deep.equal(['https://function.example/item/7']);
  });
});

describe('Stripe Payment Links', () => {
  it('still offers Buy, opening the link itself, when the endpoint cannot be reached', async () => {
    worker.use(http.get('https://buy.stripe.com/.well-known/buy-tweet/v1/products', () => HttpResponse.error()));
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://buy.stripe.com/test_9AQ3dF7gH2kL?utm_source=x"></buy-tweet>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part="buy-button"]'), 'no Buy', { timeout: 5000 });
    const buy = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="buy-button"]')!;
    expect(buy.href).to.equal('https://buy.stripe.com/test_9AQ3dF7gH2kL');
    expect(buy.target).to.equal('_blank');
    expect(buy.rel).to.contain('noopener');
    expect(el.product).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the product when the endpoint answers', async () => {
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://buy.stripe.com/test_6oE5lY0aB1cD"></buy-tweet>`,
    );
    await oneEvent(el, 'buy-tweet-load');
    expect(el.product!.title).to.match(/Field Guide/);
  });
});
