// <buy-tweet> through its life in a page: lazy loading, removal and moves, its events, and the
// endpoints and settings it follows.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { http, HttpResponse } from 'msw';
import { configure, config } from '../../src/core/config.js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import '../../src/define.js';
import { intlPrice } from '../price.js';
import { mock, worker } from '../setup.js';
import { failed, loaded, lookups, part, text } from './buy-tweet-helpers.js';

describe('<buy-tweet>', () => {
  afterEach(() => {
    config.endpoints.clear();
    config.locale = undefined;
  });

  it('waits until it nears the viewport with loading="lazy"', async () => {
    // The signal: a lazy card in view at the top of the same box, which does load.
    const nearLoaded = oneEvent(document, 'buy-tweet-load');
    const wrapper = await fixture<HTMLElement>(
      html` <div style="height: 300px; overflow: auto">
        <buy-tweet product-url="https://gumroad.com/l/zine-issue-1"></buy-tweet>
        <div style="height: 3000px"></div>
        <buy-tweet product-url="https://gumroad.com/l/new-album"></buy-tweet>
      </div>`,
    );
    const [near, el] = wrapper.querySelectorAll('buy-tweet');
    expect((await nearLoaded).target).to.equal(near);
    expect(lookups().map((request) => new URL(request.url).searchParams.getAll('url'))).to.deep.equal([
      ['https://gumroad.com/l/zine-issue-1'],
    ]);
    expect(el.product).to.equal(null);
    el.scrollIntoView();
    await oneEvent(el, 'buy-tweet-load');
    expect(lookups()).to.have.length(2);
  });

  it('abandons its lookup when removed, and fires nothing', async () => {
    mock.inject('slow-300', { route: 'products' });
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    let events = 0;
    el.addEventListener('buy-tweet-load', () => events++);
    el.addEventListener('buy-tweet-error', () => events++);
    await waitUntil(() => lookups().length === 1);
    // The signal: the mock answers the slow lookup, and then a card asked for after that loads.
    const answered = new Promise<void>((resolve) => {
      const listener = () => {
        worker.events.removeListener('response:mocked', listener);
        resolve();
      };
      worker.events.on('response:mocked', listener);
    });
    el.remove();
    await answered;
    await loaded(html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/zine-issue-1"></buy-tweet>`);
    expect(events).to.equal(0);
    expect(el.product).to.equal(null);
  });

  it('keeps its lookup when moved to another place in the page', async () => {
    mock.inject('slow-200', { route: 'products' });
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    await waitUntil(() => lookups().length === 1);
    document.body.append(el);
    await oneEvent(el, 'buy-tweet-load');
    expect(lookups()).to.have.length(1);
    el.remove();
  });

  it('fires bubbling, composed events and a cancelable buy-tweet-open', async () => {
    const el = await loaded(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    const opened = oneEvent(document, 'buy-tweet-open');
    setTimeout(() => (part(el, 'buy-button') as HTMLButtonElement).click());
    const event = await opened;
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail.product.id).to.equal('prod_album');
  });

  it('open() fires buy-tweet-open like Buy, and does nothing without a product', async () => {
    const empty = await fixture<BuyTweetElement>(html`<buy-tweet></buy-tweet>`);
    let opened = 0;
    empty.addEventListener('buy-tweet-open', () => opened++);
    empty.open();
    expect(opened).to.equal(0);
    const el = await loaded(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    el.addEventListener('buy-tweet-open', (event) => {
      opened++;
      event.preventDefault();
    });
    el.open();
    expect(opened).to.equal(1);
  });

  it('asks the endpoint the element names, over real HTTP', async () => {
    const endpoint = `${location.origin}/gumroad/v1`;
    const el = await loaded(
      html`<buy-tweet loading="eager" endpoint=${endpoint} product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    expect(el.product!.id).to.equal('prod_album');
    expect(text(el, 'title')).to.equal('New Album (Digital)');
  });

  it('asks the endpoint BuyTweet.configure names', async () => {
    configure({ partners: { fancy: { endpoint: 'https://shop.example/fancy/v1' } } });
    worker.use(
      http.get('https://shop.example/fancy/v1/products', () =>
        HttpResponse.json({ products: [{ url: 'x', error: { code: 'product_not_found', message: 'no' } }] }),
      ),
    );
    const { detail } = await failed(
      html`<buy-tweet loading="eager" product-url="https://fancy.com/things/1"></buy-tweet>`,
    );
    expect(detail.code).to.equal('product_not_found');
  });

  it('follows BuyTweet.configure called right after the script ran, even for eager elements', async () => {
    worker.use(
      http.get('https://late-config.example/gumroad/v1/products', () =>
        HttpResponse.json({ products: [{ url: 'x', error: { code: 'not_for_sale', message: 'Configured' } }] }),
      ),
    );
    const failed = oneEvent(document, 'buy-tweet-error');
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    configure({ partners: { gumroad: { endpoint: 'https://late-config.example/gumroad/v1' } } });
    expect((await failed).detail.code).to.equal('not_for_sale');
    expect(el.product).to.equal(null);
    // The lookup at the default endpoint was dropped before it was sent.
    expect(lookups()).to.have.length(0);
  });

  it('re-renders prices when BuyTweet.configure changes the language', async () => {
    const el = await loaded(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"></buy-tweet>`,
    );
    expect(text(el, 'price')).to.equal('$9.99');
    configure({ locale: 'de' });
    await el.updateComplete;
    expect(text(el, 'price')).to.equal(intlPrice('de', 9.99, 'USD'));
  });

  it('reads the tweet property (X API v2) before the light DOM', async () => {
    const el = document.createElement('buy-tweet');
    el.loading = 'eager';
    el.tweet = {
      id: '1',
      text: 'Lamp https://t.co/x',
      entities: {
        urls: [
          {
            url: 'https://t.co/x',
            expanded_url: 'https://fancy.com/things/1234567/handmade-walnut-lamp',
            display_url: 'fancy.com/things/1234567/…',
          },
        ],
      },
    };
    const loadedEvent = oneEvent(el, 'buy-tweet-load');
    document.body.append(el);
    await loadedEvent;
    expect(el.product!.id).to.equal('prod_walnut_lamp');
    el.remove();
  });
});
