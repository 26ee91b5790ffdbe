import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { http, HttpResponse } from 'msw';
import { configure, config } from '../../src/core/config.js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import '../../src/define.js';
import { holdRetryWait, roundTrip } from '../retry-wait.js';
import { intlPrice } from '../price.js';
import { mock, worker } from '../setup.js';
import { failed, loaded, lookups, part, text } from './buy-tweet-helpers.js';

/** The embed code twitter.com gives for a tweet with this link. */
const embedded = (display: string) => html`
  <blockquote class="twitter-tweet">
    <p lang="en" dir="ltr">Our new album is out today <a href="https://t.co/AbC123">${display}</a></p>
    &mdash; The Band (@theband)
    <a href="https://twitter.com/theband/status/509074208133345280?ref_src=twsrc%5Etfw">September 8, 2014</a>
  </blockquote>
`;

/** Each request the mock saw, as its route and the links it asked about. */
const asked = () => mock.requests.map((request) => [request.route, new URL(request.url).searchParams.getAll('url')]);

/** What the control card `beforeControl` adds asks: its lookup, alone. */
const CONTROL_ASKED = [['products', ['https://gumroad.com/l/zine-issue-1']]];

/**
 * Renders the template, then a card after it that does load: once it has, the template's element
 * has long read its tweet and would have asked, rendered and fired whatever it was going to.
 */
const beforeControl = async (template: ReturnType<typeof html>) => {
  const event = oneEvent(document, 'buy-tweet-load');
  const container = await fixture<HTMLElement>(
    html`<div>
      ${template}<buy-tweet loading="eager" product-url="https://gumroad.com/l/zine-issue-1"></buy-tweet>
    </div>`,
  );
  const [el, control] = container.querySelectorAll('buy-tweet');
  expect((await event).target).to.equal(control);
  return { el, control };
};

describe('<buy-tweet>', () => {
  afterEach(() => {
    config.endpoints.clear();
    config.locale = undefined;
  });

  it('finds the product in an embedded tweet and shows its card under the tweet', async () => {
    const el = await fixture<BuyTweetElement>(
      html` <buy-tweet loading="eager">${embedded('gumroad.com/l/new-album')}</buy-tweet>`,
    );
    const { detail } = await oneEvent(el, 'buy-tweet-load');
    await el.updateComplete;
    expect(detail.product.id).to.equal('prod_album');
    expect(el.product?.id).to.equal('prod_album');
    expect(el.querySelector('blockquote')!.checkVisibility()).to.equal(true);
    expect(text(el, 'title')).to.equal('New Album (Digital)');
    expect(text(el, 'merchant')).to.equal('The Band');
    expect(text(el, 'price')).to.equal('$9.99');
    expect(text(el, 'availability')).to.equal('In stock');
    const image = part(el, 'image') as HTMLImageElement;
    expect(image.getAttribute('src')).to.match(/^https:\/\/gumroad\.com\/__mock\/images\/new-album\.svg$/);
    expect(image.alt).to.equal('Album cover: a hand-drawn house on a hill');
    expect(image.getAttribute('width')).to.equal('600');
    const buy = part(el, 'buy-button') as HTMLButtonElement;
    expect(buy.tagName).to.equal('BUTTON');
    expect(buy.disabled).to.equal(false);
    expect(buy.textContent!.trim()).to.equal('Buy');
    // What crossed the wire: one lookup, at Gumroad's endpoint, for the expanded link.
    expect(lookups()).to.have.length(1);
    const url = new URL(lookups()[0].url);
    expect(url.origin + url.pathname).to.equal('https://gumroad.com/.well-known/buy-tweet/v1/products');
    expect(url.searchParams.getAll('url')).to.deep.equal(['https://gumroad.com/l/new-album']);
    await expect(el).to.be.accessible();
  });

  it("holds the card's space with a skeleton while it looks the product up", async () => {
    mock.inject('hang', { route: 'products' });
    const el = await fixture<BuyTweetElement>(
      html` <buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    await waitUntil(() => lookups().length === 1);
    const card = part(el, 'card')!;
    expect(card.getAttribute('aria-busy')).to.equal('true');
    const skeletonHeight = card.getBoundingClientRect().height;
    expect(skeletonHeight).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('keeps the card the same height from skeleton to product', async () => {
    mock.inject('slow-300', { route: 'products' });
    const el = await fixture<BuyTweetElement>(
      html` <buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    const before = part(el, 'card')!.getBoundingClientRect().height;
    await oneEvent(el, 'buy-tweet-load');
    await el.updateComplete;
    expect(part(el, 'card')!.getBoundingClientRect().height).to.equal(before);
  });

  it('takes product-url over the tweet, and sends it without tracking parameters', async () => {
    const el = await loaded(
      html` <buy-tweet loading="eager" product-url="https://fancy.com/things/7654321?utm_source=tw#top">
        ${embedded('gumroad.com/l/new-album')}
      </buy-tweet>`,
    );
    expect(el.product!.url).to.equal('https://fancy.com/things/7654321');
    expect(new URL(lookups()[0].url).searchParams.getAll('url')).to.deep.equal(['https://fancy.com/things/7654321']);
    expect(new URL(lookups()[0].url).host).to.equal('fancy.com');
  });

  it('reads a t.co link through data-expanded-url when its text is cut short', async () => {
    const el = await loaded(
      html` <buy-tweet loading="eager">
        <blockquote class="twitter-tweet">
          <p lang="en" dir="ltr">
            Out today
            <a href="https://t.co/AbC123" data-expanded-url="https://gumroad.com/l/new-album">gumroad.com/l/new-alb…</a>
          </p>
          &mdash; The Band (@theband)
          <a href="https://twitter.com/theband/status/509074208133345280">September 8, 2014</a>
        </blockquote>
      </buy-tweet>`,
    );
    expect(el.product!.id).to.equal('prod_album');
  });

  it('says sold out and disables Buy', async () => {
    const el = await loaded(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/zine-issue-1"></buy-tweet>`,
    );
    expect(text(el, 'availability')).to.equal('Sold out');
    expect((part(el, 'buy-button') as HTMLButtonElement).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('labels a preorder', async () => {
    const el = await loaded(
      html`<buy-tweet loading="eager" product-url="https://fancy.com/things/7654321"></buy-tweet>`,
    );
    expect(text(el, 'availability')).to.equal('Preorder');
    expect(text(el, 'buy-button')).to.equal('Preorder');
    expect(text(el, 'price')).to.match(/€/);
    await expect(el).to.be.accessible();
  });

  it("formats prices in the element's language, in Stripe's units whatever the locale's digits", async () => {
    const de = await loaded(
      html`<buy-tweet loading="eager" lang="de" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    expect(text(de, 'price')).to.equal(intlPrice('de', 9.99, 'USD'));
    const yen = await loaded(
      html`<buy-tweet loading="eager" lang="ja" product-url="https://tokyoband.musictoday.com/live-cd"></buy-tweet>`,
    );
    expect(text(yen, 'price')).to.equal(intlPrice('ja', 3300, 'JPY'));
    // 25,000,000 hundredths of a rupiah: Intl counts IDR without decimals, Stripe with two.
    const rupiah = await loaded(
      html`<buy-tweet
        loading="eager"
        lang="id"
        product-url="https://musictoday.com/store/theband/jakarta-tote"
      ></buy-tweet>`,
    );
    expect(text(rupiah, 'price')).to.equal(intlPrice('id', 250_000, 'IDR'));
  });

  it('takes the language from BuyTweet.configure, then the nearest ancestor', async () => {
    const wrapper = await fixture(
      html`<div lang="fr"><buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet></div>`,
    );
    const el = wrapper.querySelector('buy-tweet')!;
    await oneEvent(el, 'buy-tweet-load');
    await el.updateComplete;
    expect(text(el, 'price')).to.equal(intlPrice('fr', 9.99, 'USD'));
    configure({ locale: 'de' });
    const other = await fixture(
      html`<div lang="fr">
        <buy-tweet loading="eager" product-url="https://gumroad.com/l/zine-issue-1"></buy-tweet>
      </div>`,
    );
    const configured = other.querySelector('buy-tweet')!;
    await oneEvent(configured, 'buy-tweet-load');
    await configured.updateComplete;
    expect(text(configured, 'price')).to.equal(intlPrice('de', 8, 'USD'));
  });

  it('shows no card and asks no one for a tweet without a product link', async () => {
    const events: EventTarget[] = [];
    const listener = (event: Event) => events.push(event.target!);
    for (const name of ['buy-tweet-load', 'buy-tweet-error'] as const) document.addEventListener(name, listener);
    // The signal: a card after it, which does load; by then this one has long read its tweet.
    const { el, control } = await beforeControl(
      html` <buy-tweet loading="eager">
        <blockquote class="twitter-tweet">
          <p>Just a thought <a href="https://t.co/x">example.com/blog</a></p>
          &mdash; Someone (@someone) <a href="https://twitter.com/someone/status/1">May 1, 2020</a>
        </blockquote>
      </buy-tweet>`,
    );
    for (const name of ['buy-tweet-load', 'buy-tweet-error'] as const) document.removeEventListener(name, listener);
    expect(part(el, 'card')).to.equal(null);
    expect(el.product).to.equal(null);
    expect(events).to.deep.equal([control]);
    expect(asked()).to.deep.equal(CONTROL_ASKED);
    expect(el.querySelector('blockquote')!.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("calls a product-url no partner sells through the publisher's mistake", async () => {
    const { el, detail } = await failed(html`<buy-tweet product-url="https://example.com/shop/1"></buy-tweet>`);
    expect(detail).to.deep.equal({
      code: 'unsupported_link',
      message: 'No buy-tweet partner sells through this link.',
      step: 'tweet',
      retryable: false,
    });
    expect(text(el, 'error')).to.equal('This link is not from a supported shop.');
    expect(part(el, 'retry-button')).to.equal(null);
    expect(mock.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('retries a failing partner twice by itself, then offers Retry, which works', async () => {
    mock.inject('500', { route: 'products', times: 3 });
    const { el, detail } = await failed(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    expect(detail).to.include({ code: 'partner_error', step: 'lookup', status: 500, retryable: true });
    expect(lookups()).to.have.length(3);
    expect(text(el, 'error')).to.equal('Gumroad is having trouble right now.');
    const fallback = part(el, 'fallback-link') as HTMLAnchorElement;
    expect(fallback.href).to.equal('https://gumroad.com/l/new-album');
    expect(fallback.rel).to.equal('noopener noreferrer');
    await expect(el).to.be.accessible();

    (part(el, 'retry-button') as HTMLButtonElement).click();
    await oneEvent(el, 'buy-tweet-load');
    await el.updateComplete;
    expect(lookups()).to.have.length(4);
    expect(text(el, 'title')).to.equal('New Album (Digital)');
  });

  it('waits Retry-After before asking a busy partner again', async () => {
    mock.inject('503', { route: 'products', times: 1 });
    const wait = holdRetryWait();
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    // The 503's Retry-After: 1, not the client's own backoff of 300 to 500 ms.
    expect(await wait.asked).to.equal(1000);
    await roundTrip();
    expect(lookups()).to.have.length(1);
    const load = oneEvent(el, 'buy-tweet-load');
    wait.release();
    await load;
    expect(el.product!.id).to.equal('prod_album');
    expect(lookups()).to.have.length(2);
  });

  it('says so when the network is down', async () => {
    mock.inject('network', { route: 'products', times: 3 });
    const { el, detail } = await failed(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    expect(detail).to.include({ code: 'network', step: 'lookup', retryable: true });
    expect(text(el, 'error')).to.equal('Gumroad could not be reached.');
    expect(part(el, 'retry-button')).to.not.equal(null);
  });

  const unusable: Array<[string, string, string]> = [
    ['product_not_found', 'https://gumroad.com/l/no-such-thing', "Gumroad doesn't know this product."],
    ['not_for_sale', 'https://gumroad.com/l/private-demo', 'This product is not for sale.'],
  ];
  for (const [code, link, message] of unusable) {
    it(`shows ${code} with the product link to fall back on, and no Retry`, async () => {
      const { el, detail } = await failed(html`<buy-tweet loading="eager" product-url=${link}></buy-tweet>`);
      expect(detail).to.include({ code, step: 'lookup', retryable: false });
      expect(text(el, 'error')).to.equal(message);
      expect(part(el, 'retry-button')).to.equal(null);
      expect((part(el, 'fallback-link') as HTMLAnchorElement).href).to.equal(link);
      await expect(el).to.be.accessible();
    });
  }

  for (const fault of ['malformed', 'schema']) {
    it(`treats a ${fault} answer as invalid_response, not a crash`, async () => {
      mock.inject(fault, { route: 'products' });
      const { el, detail } = await failed(
        html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
      );
      expect(detail).to.include({ code: 'invalid_response', step: 'lookup' });
      expect(part(el, 'fallback-link')).to.not.equal(null);
    });
  }

  it('renders hostile partner text as text and drops unsafe links', async () => {
    mock.inject('html-title', { route: 'products' });
    const el = await loaded(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    expect(text(el, 'title')).to.contain('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelectorAll('img:not([part="image"])')).to.have.length(0);
    expect(part(el, 'image')).to.equal(null);
    expect(part(el, 'merchant')!.querySelector('a')).to.equal(null);
  });

  it('takes no link from a hostile tweet: javascript: hrefs, unsafe expansions, lookalike hosts', async () => {
    const { el } = await beforeControl(
      html` <buy-tweet loading="eager">
        <blockquote class="twitter-tweet">
          <p>
            Free stuff
            <a href="javascript:alert(1)">gumroad.com/l/new-album</a>
            <a href="https://t.co/1" data-expanded-url="javascript:alert(1)" title="data:text/html,x">click</a>
            <a href="https://t.co/2">gumroad.com.evil.example/l/x</a>
            <a href="http://gumroad.com/l/new-album">http link</a>
          </p>
          &mdash; Mallory (@mallory) <a href="https://twitter.com/mallory/status/1">May 1, 2020</a>
        </blockquote>
      </buy-tweet>`,
    );
    expect(el.product).to.equal(null);
    expect(part(el, 'card')).to.equal(null);
    expect(asked()).to.deep.equal(CONTROL_ASKED);
  });

  it('keeps a hostile product-url inert: encoded in the request and in the fallback link', async () => {
    const { el, detail } = await failed(
      html`<buy-tweet loading="eager" product-url='https://gumroad.com/l/x"><img src=x onerror=alert(1)>'></buy-tweet>`,
    );
    expect(detail.code).to.equal('product_not_found');
    expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    expect((part(el, 'fallback-link') as HTMLAnchorElement).getAttribute('href')).to.equal(
      'https://gumroad.com/l/x%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E',
    );
  });

  it('drops a data: image and keeps the card', async () => {
    worker.use(
      http.get('https://gumroad.com/.well-known/buy-tweet/v1/products', () =>
        HttpResponse.json({
          products: [
            {
              id: 'p1',
              url: 'https://gumroad.com/l/new-album',
              title: 'Safe title',
              image: { url: 'data:image/svg+xml,<svg onload=alert(1)>', alt: 'x' },
              merchant: { name: 'M', url: 'javascript:alert(1)' },
              price: { amount: 100, currency: 'usd' },
              availability: 'in_stock',
              checkout: { type: 'redirect', url: 'javascript:alert(1)' },
            },
          ],
        }),
      ),
    );
    // A checkout URL that is not https makes the product unusable, not a javascript: link.
    const { detail } = await failed(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    expect(detail.code).to.equal('invalid_response');
  });
});
