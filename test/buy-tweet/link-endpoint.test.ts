// Reading through t.co in the browser (docs/publishers/embedding.md and docs/publishers/real-tweets.md): today's embed code hides every link of a
// tweet behind t.co, and only a link endpoint can say where they go. The mock's link endpoint
// (`{origin}/links`) asks the mock's t.co, so both show in `mock.requests`.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { BuyTweet } from '../../src/api.js';
import { config } from '../../src/core/config.js';
import { catalogue, fixtureTweets, moreTcoLinks, tweetUrl, type FixtureTweet } from '../../src/mock/fixtures.js';
import { embedHtml } from '../../src/mock/oembed.js';
import '../../src/define.js';
import { waitUntil } from '../wait.js';
import { mock } from '../setup.js';

const LINKS = `${location.origin}/links`;
const asked = (route: 'links' | 'tco' | 'products' | 'oembed') =>
  mock.requests.filter((request) => request.route === route);
const urlsOf = (url: string) => new URL(url).searchParams.getAll('url');
const card = (el: BuyTweetElement) => el.shadowRoot!.querySelector('[part="card"]');
const titleOf = (el: BuyTweetElement) => el.shadowRoot!.querySelector('[part="title"]')?.textContent;

/** A tweet exactly as today's embed code writes it: every link as its t.co link, as its own text. */
const today = (tweet: FixtureTweet) => unsafeHTML(embedHtml(tweet, { links: 'tco' }));

/** Today's embed code of a tweet whose only link is `tco`. */
const tweetWith = (tco: string) =>
  unsafeHTML(
    `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">New in the shop <a href="${tco}">${tco}</a></p>` +
      `&mdash; A Shop (@ashop) <a href="https://twitter.com/ashop/status/1790000000000000000?ref_src=twsrc%5Etfw">May 20, 2024</a></blockquote>`,
  );

const loaded = (count: number) =>
  new Promise<BuyTweetElement[]>((resolve) => {
    const seen: BuyTweetElement[] = [];
    const listener = (event: Event) => {
      seen.push(event.target as BuyTweetElement);
      if (seen.length === count) {
        document.removeEventListener('buy-tweet-load', listener);
        resolve(seen);
      }
    };
    document.addEventListener('buy-tweet-load', listener);
  });

/**
 * The signal that the elements before it are done: a card put in after them that does load. Its
 * link goes through the same reads and lookups as theirs, so by the time it has loaded, every
 * read and lookup they would start has started.
 */
const loadsAfter = async (parent: Element, control: ReturnType<typeof html>) => {
  const load = loaded(1);
  const holder = document.createElement('div');
  parent.append(holder);
  render(control, holder);
  const [el] = await load;
  return el;
};

/** Where the walnut lamp's t.co link leads, as the partner is then asked about it. */
const WALNUT_LAMP_TCO_TARGET = 'https://www.fancy.com/things/1234567/handmade-walnut-lamp';

/** A card the mock can sell through product-url, without reading any tweet. */
const byProductUrl = html`<buy-tweet loading="eager" product-url=${catalogue.walnutLamp.product.url}></buy-tweet>`;

afterEach(() => {
  config.linkEndpoint = undefined;
  config.oembedEndpoint = undefined;
});

// First in this file: the advice is said once per page.
describe('without a link endpoint', () => {
  it('shows no card, sends nothing, and says once how to set one up', async () => {
    const info: string[] = [];
    const original = console.info;
    console.info = (...args: unknown[]) => info.push(args.map(String).join(' '));
    try {
      const els = await fixture<HTMLElement>(
        html`<div>
          <buy-tweet loading="eager">${today(fixtureTweets.newAlbum)}</buy-tweet>
          <buy-tweet loading="eager">${today(fixtureTweets.walnutLamp)}</buy-tweet>
          <buy-tweet loading="eager" tweet-url=${tweetUrl(fixtureTweets.emoji)}></buy-tweet>
        </div>`,
      );
      const [, , fromUrl] = els.querySelectorAll('buy-tweet');
      await waitUntil(() => info.length, 'no advice was given');
      await waitUntil(() => fromUrl.shadowRoot!.querySelector('.tweet')?.textContent, 'the tweet-url was not read');
      const control = await loadsAfter(els, byProductUrl);
      expect(info).to.have.length(1);
      expect(info[0]).to.contain('linkEndpoint');
      for (const el of els.querySelectorAll('buy-tweet')) {
        if (el === control) continue;
        expect(card(el)).to.equal(null);
        expect(el.product).to.equal(null);
      }
      expect(asked('oembed')).to.have.length(1);
      expect(asked('links')).to.have.length(0);
      expect(asked('tco')).to.have.length(0);
      expect(asked('products').map((request) => urlsOf(request.url))).to.deep.equal([
        [catalogue.walnutLamp.product.url],
      ]);
      // The tweets stay as they were, with their working t.co links.
      expect(els.querySelector<HTMLAnchorElement>('a[href^="https://t.co/"]')!.href).to.equal('https://t.co/AbC123');
    } finally {
      console.info = original;
    }
  });
});

describe('with a link endpoint', () => {
  it("reads a tweet in today's shape through the link-endpoint attribute and shows its card", async () => {
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" link-endpoint=${LINKS}>${today(fixtureTweets.newAlbum)}</buy-tweet>`,
    );
    const { detail } = await oneEvent(el, 'buy-tweet-load');
    expect(detail.product.id).to.equal(catalogue.album.product.id);
    expect(titleOf(el)).to.equal(catalogue.album.product.title);
    expect(asked('links').map((request) => urlsOf(request.url))).to.deep.equal([['https://t.co/AbC123']]);
    expect(asked('tco').map((request) => request.url)).to.deep.equal(['https://t.co/AbC123']);
    // t.co sent the link with utm_source: the partner is asked without it.
    expect(urlsOf(asked('products')[0].url)).to.deep.equal(['https://gumroad.com/l/new-album']);
    await expect(el).to.be.accessible();
  });

  it('asks once for the t.co links of all the tweets read within a frame', async () => {
    BuyTweet.configure({ linkEndpoint: LINKS });
    const tweets = [
      fixtureTweets.newAlbum,
      fixtureTweets.walnutLamp,
      fixtureTweets.emoji,
      fixtureTweets.liveCd,
      fixtureTweets.pourOverPreorder,
      fixtureTweets.newAlbum,
    ];
    const all = loaded(tweets.length);
    await fixture(
      html`<div>${tweets.map((tweet) => html`<buy-tweet loading="eager">${today(tweet)}</buy-tweet>`)}</div>`,
    );
    const els = await all;
    expect(els.map((el) => el.product!.id)).to.have.members([
      catalogue.album.product.id,
      catalogue.walnutLamp.product.id,
      catalogue.tourTee.product.id,
      catalogue.liveCd.product.id,
      catalogue.pourOverSet.product.id,
      catalogue.album.product.id,
    ]);
    const [request, ...more] = asked('links');
    expect(more).to.have.length(0);
    // Each link once, though two tweets hold the same one.
    expect(urlsOf(request.url)).to.have.members([
      'https://t.co/AbC123',
      'https://t.co/Wl8nT4k',
      'https://t.co/Tt2eQ8z',
      'https://t.co/Jp5cD7m',
      'https://t.co/Po6vR1s',
    ]);
    expect(asked('tco')).to.have.length(5);
  });

  it('asks 20 links a request', async () => {
    BuyTweet.configure({ linkEndpoint: LINKS });
    // Codes t.co does not know: the endpoint says link_not_found, and those tweets have no product.
    // The signal: the 25th, a link that does lead to a product, loads; the others were read with it.
    const links = Array.from({ length: 24 }, (_, i) => `https://t.co/Unkn0wn${i}`);
    const control = loaded(1);
    await fixture(
      html`<div>
        ${links.map((link) => html`<buy-tweet loading="eager">${tweetWith(link)}</buy-tweet>`)}
        <buy-tweet loading="eager">${today(fixtureTweets.walnutLamp)}</buy-tweet>
      </div>`,
    );
    await control;
    expect(asked('tco')).to.have.length(25);
    expect(
      asked('links')
        .map((request) => urlsOf(request.url).length)
        .sort(),
    ).to.deep.equal([20, 5]);
    expect(asked('links').flatMap((request) => urlsOf(request.url))).to.have.members([
      ...links,
      'https://t.co/Wl8nT4k',
    ]);
    expect(asked('products').map((request) => urlsOf(request.url))).to.deep.equal([[WALNUT_LAMP_TCO_TARGET]]);
  });

  it('keeps answers as their Cache-Control allows: the same link again asks nothing', async () => {
    BuyTweet.configure({ linkEndpoint: LINKS });
    const first = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager">${today(fixtureTweets.walnutLamp)}</buy-tweet>`,
    );
    await oneEvent(first, 'buy-tweet-load');
    const again = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager">${today(fixtureTweets.walnutLamp)}</buy-tweet>`,
    );
    await waitUntil(() => again.product, 'the second card did not show');
    expect(asked('links')).to.have.length(1);
  });

  it("asks only for the t.co links no other rule reads, and only those before a partner's link", async () => {
    BuyTweet.configure({ linkEndpoint: LINKS });
    // A bare t.co link first, then an old-style link whose text says where it goes.
    const before = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager">
        <blockquote class="twitter-tweet">
          <p lang="en" dir="ltr">
            Lamp <a href="https://t.co/Wl8nT4k">https://t.co/Wl8nT4k</a> and album
            <a href="https://t.co/AbC123">gumroad.com/l/new-album</a>
          </p>
          &mdash; Fancy (@fancy)
          <a href="https://twitter.com/fancy/status/1765010922174111744?ref_src=twsrc%5Etfw">March 5, 2024</a>
        </blockquote>
      </buy-tweet>`,
    );
    // The first link in reading order wins, once it is read.
    expect((await oneEvent(before, 'buy-tweet-load')).detail.product.id).to.equal(catalogue.walnutLamp.product.id);
    expect(asked('links').map((request) => urlsOf(request.url))).to.deep.equal([['https://t.co/Wl8nT4k']]);

    mock.reset();
    const after = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager">
        <blockquote class="twitter-tweet">
          <p lang="en" dir="ltr">
            Album <a href="https://t.co/AbC123">gumroad.com/l/new-album</a> and lamp
            <a href="https://t.co/Wl8nT4k">https://t.co/Wl8nT4k</a>
          </p>
          &mdash; Fancy (@fancy)
          <a href="https://twitter.com/fancy/status/1765010922174111744?ref_src=twsrc%5Etfw">March 5, 2024</a>
        </blockquote>
      </buy-tweet>`,
    );
    expect((await oneEvent(after, 'buy-tweet-load')).detail.product.id).to.equal(catalogue.album.product.id);
    expect(asked('links')).to.have.length(0);
  });

  it("treats expanded links as untrusted: only a partner's https product link gets a card", async () => {
    BuyTweet.configure({ linkEndpoint: LINKS });
    const { plainHttp, unsupportedShop, shortener } = moreTcoLinks;
    // The signal: a fourth tweet, whose link does lead to a product, read with them, loads.
    const control = loaded(1);
    const els = await fixture<HTMLElement>(
      html`<div>
        ${[plainHttp, unsupportedShop, shortener].map(({ tco }) => html`<buy-tweet loading="eager">${tweetWith(tco)}</buy-tweet>`)}
        <buy-tweet loading="eager">${today(fixtureTweets.walnutLamp)}</buy-tweet>
      </div>`,
    );
    const [loadedOne] = await control;
    const untrusted = [...els.querySelectorAll('buy-tweet')].slice(0, 3);
    expect(untrusted).to.not.include(loadedOne);
    for (const el of untrusted) expect(card(el)).to.equal(null);
    // The shortener's link is given, never followed.
    expect(asked('tco').map((request) => new URL(request.url).host)).to.deep.equal(['t.co', 't.co', 't.co', 't.co']);
    expect(asked('products').map((request) => urlsOf(request.url))).to.deep.equal([[WALNUT_LAMP_TCO_TARGET]]);
  });

  it('follows a configure called after the elements read their tweets', async () => {
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager">${today(fixtureTweets.emoji)}</buy-tweet>`,
    );
    await loadsAfter(el.parentElement!, byProductUrl);
    expect(card(el)).to.equal(null);
    expect(asked('links')).to.have.length(0);
    const load = oneEvent(el, 'buy-tweet-load');
    BuyTweet.configure({ linkEndpoint: LINKS });
    expect((await load).detail.product.id).to.equal(catalogue.tourTee.product.id);
    expect(asked('links')).to.have.length(1);
  });

  it('lets the attribute win over configure', async () => {
    BuyTweet.configure({ linkEndpoint: 'https://links.example/' });
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" link-endpoint=${LINKS}>${today(fixtureTweets.liveCd)}</buy-tweet>`,
    );
    await oneEvent(el, 'buy-tweet-load');
    expect(asked('links').map((request) => new URL(request.url).origin)).to.deep.equal([location.origin]);
  });

  it('reads a tweet-url through it, and then the t.co links its oEmbed html holds', async () => {
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet
        loading="eager"
        link-endpoint=${LINKS}
        tweet-url=${tweetUrl(fixtureTweets.walnutLamp)}
      ></buy-tweet>`,
    );
    expect((await oneEvent(el, 'buy-tweet-load')).detail.product.id).to.equal(catalogue.walnutLamp.product.id);
    const oembed = asked('oembed')[0];
    expect(oembed).to.exist;
    const [tweetRead, ...linkReads] = asked('links');
    expect(new URL(tweetRead.url).searchParams.get('tweet')).to.equal(tweetUrl(fixtureTweets.walnutLamp));
    expect(linkReads.map((request) => urlsOf(request.url))).to.deep.equal([['https://t.co/Wl8nT4k']]);
  });
});

describe('a link endpoint that fails', () => {
  const FAILURES: Array<[string, string, Record<string, unknown>, number]> = [
    ['an error answer, after two retries', '500', { code: 'partner_error', status: 500, step: 'tweet' }, 3],
    ['no answer, after two retries', 'network', { code: 'network', step: 'tweet' }, 3],
    ['an answer that is not JSON', 'malformed', { code: 'invalid_response', step: 'tweet' }, 1],
    ['JSON that is no list of links', 'schema', { code: 'invalid_response', step: 'tweet' }, 1],
  ];
  for (const [name, fault, detail, requests] of FAILURES) {
    it(`is buy-tweet-error with step tweet and no card: ${name}`, async () => {
      mock.inject(fault, { route: 'links', times: 3 });
      const failed = oneEvent(document, 'buy-tweet-error');
      const el = await fixture<BuyTweetElement>(
        html`<buy-tweet loading="eager" link-endpoint=${LINKS}>${today(fixtureTweets.newAlbum)}</buy-tweet>`,
      );
      expect((await failed).detail).to.include(detail);
      await el.updateComplete;
      expect(card(el)).to.equal(null);
      expect(asked('links')).to.have.length(requests);
      expect(asked('products')).to.have.length(0);
      // The tweet stays, with its working link.
      expect(el.querySelector<HTMLAnchorElement>('a[href="https://t.co/AbC123"]')).to.exist;
    });
  }
});
