import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { config, configure } from '../../src/core/config.js';
import { catalogue, fixtureTweets, tweetUrl, type FixtureTweet } from '../../src/mock/fixtures.js';
import '../../src/define.js';
import { mock } from '../setup.js';

const oembedRequests = () => mock.requests.filter((request) => request.route === 'oembed');
/** The tweets asked of a link endpoint (`?tweet=`), as the URLs asked. */
const tweetReads = () =>
  mock.requests
    .filter((request) => request.route === 'links' && new URL(request.url).searchParams.has('tweet'))
    .map((request) => new URL(request.url));
/** The tweet's text as a reader sees it, its paragraphs apart. */
const tweetText = (el: BuyTweetElement) =>
  el.shadowRoot!.querySelector<HTMLElement>('.tweet')?.innerText.replace(/\s+/g, ' ').trim() ?? '';

/** An element with only a tweet-url, as a publisher without embed code would write it. */
const fromUrl = async (tweet: FixtureTweet, event: 'buy-tweet-load' | 'buy-tweet-error' = 'buy-tweet-load') => {
  const settled = oneEvent(document, event);
  const el = await fixture<BuyTweetElement>(html`<buy-tweet loading="eager" tweet-url=${tweetUrl(tweet)}></buy-tweet>`);
  const { detail } = await settled;
  await el.updateComplete;
  return { el, detail };
};

const CASES: Array<[string, FixtureTweet, string]> = [
  ['a tweet with a product link', fixtureTweets.newAlbum, catalogue.album.product.id],
  ['a tweet with media', fixtureTweets.withMedia, catalogue.album.product.id],
  ['a quote tweet', fixtureTweets.quote, catalogue.album.product.id],
  ['emoji', fixtureTweets.emoji, catalogue.tourTee.product.id],
  ['right-to-left text', fixtureTweets.rtl, catalogue.walnutLamp.product.id],
  ['a link whose display text was cut short', fixtureTweets.cutLink, catalogue.vinyl.product.id],
  [
    'a link cut short, with a title on the old embed code',
    fixtureTweets.cutLinkTitle,
    catalogue.fieldRecordings.product.id,
  ],
];

describe('tweet-url: tweets read through oEmbed', () => {
  // oEmbed's html hides every link behind t.co, as publish.twitter.com's does today: the mock's
  // link endpoint reads them.
  beforeEach(() => configure({ linkEndpoint: `${location.origin}/links` }));
  afterEach(() => {
    config.oembedEndpoint = undefined;
    config.linkEndpoint = undefined;
  });

  for (const [name, tweet, productId] of CASES) {
    it(`finds the product of ${name}`, async () => {
      const { el, detail } = await fromUrl(tweet);
      expect(detail.product.id).to.equal(productId);
      const text = tweetText(el);
      expect(text).to.contain(`@${tweet.authorHandle}`);
      expect(text).to.contain(tweet.date);
      await expect(el).to.be.accessible();
    });
  }

  it('reads the tweet through the link endpoint, which asks publish.twitter.com with omit_script, and shows it as text only', async () => {
    const { el } = await fromUrl(fixtureTweets.newAlbum);
    // publish.twitter.com answers pages without CORS: with a link endpoint and no oEmbed endpoint,
    // the page asks the link endpoint, and the link endpoint asks publish.twitter.com.
    const [read] = tweetReads();
    expect(read.origin + read.pathname).to.equal(`${location.origin}/links`);
    expect([...read.searchParams]).to.deep.equal([['tweet', tweetUrl(fixtureTweets.newAlbum)]]);
    const [request] = oembedRequests();
    const url = new URL(request.url);
    expect(url.origin + url.pathname).to.equal('https://publish.twitter.com/oembed');
    expect(url.searchParams.get('url')).to.equal(tweetUrl(fixtureTweets.newAlbum));
    expect(url.searchParams.get('omit_script')).to.equal('true');
    expect(tweetText(el)).to.equal(
      'Our new album is out today https://t.co/AbC123 — The Band (@theband) September 8, 2014',
    );
    const quote = el.shadowRoot!.querySelector('.tweet')!;
    expect(quote.getAttribute('lang')).to.equal('en');
    // Nothing of the answer's markup was inserted: its only link is the one buy-tweet made.
    expect([...quote.querySelectorAll('a')].map((a) => a.href)).to.deep.equal([tweetUrl(fixtureTweets.newAlbum)]);
    expect(el.shadowRoot!.querySelector('.tweet [href^="https://t.co"]')).to.equal(null);
  });

  it('keeps the reading direction of a right-to-left tweet', async () => {
    const { el } = await fromUrl(fixtureTweets.rtl);
    expect(el.shadowRoot!.querySelector('.tweet')!.getAttribute('dir')).to.equal('rtl');
  });

  it('shows a tweet without a product, with no card and no lookup', async () => {
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" tweet-url=${tweetUrl(fixtureTweets.noProduct)}></buy-tweet>`,
    );
    await waitUntil(() => tweetText(el), 'the tweet did not show');
    expect(el.shadowRoot!.querySelector('[part="card"]')).to.equal(null);
    expect(mock.requests.filter((request) => request.route === 'products')).to.have.length(0);
    expect(el.product).to.equal(null);
  });

  it('shows hostile oEmbed markup as text, never running it', async () => {
    // The hostile answer calls alert() from a script and an image's onerror: count the calls.
    const ran: unknown[] = [];
    const alert = window.alert;
    window.alert = (message?: unknown) => void ran.push(message);
    try {
      // The control: the same markup, put into a page as markup, does run.
      const control = document.createElement('div');
      control.innerHTML = '<img src="data:," onerror="alert(1)">';
      document.body.append(control);
      await waitUntil(() => ran.length, 'the control never ran: this test could not see an attack');
      control.remove();
      ran.length = 0;

      mock.inject('html-title', { route: 'oembed' });
      const el = await fixture<BuyTweetElement>(
        html`<buy-tweet loading="eager" tweet-url=${tweetUrl(fixtureTweets.newAlbum)}></buy-tweet>`,
      );
      await waitUntil(() => tweetText(el), 'the tweet did not show');
      expect(el.shadowRoot!.querySelectorAll('.tweet *:not(p):not(a), script, iframe, .tweet img')).to.have.length(0);
      expect(tweetText(el)).to.contain('Our new album is out today');
      // The signal: a second control, put in after the tweet showed, calls its onerror; an image
      // the tweet had put in would have failed and called its own before it.
      const after = document.createElement('div');
      after.innerHTML = '<img src="data:," onerror="alert(\'control\')">';
      document.body.append(after);
      await waitUntil(() => ran.includes('control'), 'the second control never ran');
      after.remove();
      expect(ran).to.deep.equal(['control']);
    } finally {
      window.alert = alert;
    }
  });

  it('is a tweet_unavailable error (step tweet) when oEmbed fails, with the tweet to fall back on', async () => {
    mock.inject('404', { route: 'oembed' });
    const { el, detail } = await fromUrl(fixtureTweets.newAlbum, 'buy-tweet-error');
    expect(detail).to.include({ code: 'tweet_unavailable', step: 'tweet', status: 404, retryable: false });
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal('This tweet could not be loaded.');
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="fallback-link"]')!.href).to.equal(
      tweetUrl(fixtureTweets.newAlbum),
    );
    await expect(el).to.be.accessible();
  });

  it('retries when publish.twitter.com is busy (the link endpoint says 502), then offers Retry', async () => {
    mock.inject('500', { route: 'oembed', times: 3 });
    const { el, detail } = await fromUrl(fixtureTweets.newAlbum, 'buy-tweet-error');
    expect(detail).to.include({ code: 'tweet_unavailable', retryable: true, status: 502 });
    expect(tweetReads()).to.have.length(3);
    expect(oembedRequests()).to.have.length(3);
    const loaded = oneEvent(el, 'buy-tweet-load');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    expect((await loaded).detail.product.id).to.equal(catalogue.album.product.id);
  });

  it("asks the oembed-endpoint attribute, or BuyTweet.configure's, instead", async () => {
    const settled = oneEvent(document, 'buy-tweet-load');
    await fixture(
      html`<buy-tweet
        loading="eager"
        oembed-endpoint=${`${location.origin}/oembed`}
        tweet-url=${tweetUrl(fixtureTweets.walnutLamp)}
      ></buy-tweet>`,
    );
    expect((await settled).detail.product.id).to.equal(catalogue.walnutLamp.product.id);
    expect(new URL(oembedRequests()[0].url).origin).to.equal(location.origin);
    // The link endpoint still reads the t.co links, but not the tweet.
    expect(tweetReads()).to.have.length(0);
    configure({ oembedEndpoint: 'https://oembed.example/oembed' });
    mock.reset();
    const loaded = oneEvent(document, 'buy-tweet-load');
    await fixture(html`<buy-tweet loading="eager" tweet-url=${tweetUrl(fixtureTweets.liveCd)}></buy-tweet>`);
    expect((await loaded).detail.product.id).to.equal(catalogue.liveCd.product.id);
    expect(oembedRequests().map((request) => new URL(request.url).origin)).to.deep.equal(['https://oembed.example']);
    expect(tweetReads()).to.have.length(0);
  });

  it('reads the tweet through the link-endpoint attribute when nothing is configured', async () => {
    config.linkEndpoint = undefined;
    const loaded = oneEvent(document, 'buy-tweet-load');
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet
        loading="eager"
        link-endpoint=${`${location.origin}/links?via=attribute`}
        tweet-url=${tweetUrl(fixtureTweets.walnutLamp)}
      ></buy-tweet>`,
    );
    expect((await loaded).detail.product.id).to.equal(catalogue.walnutLamp.product.id);
    expect(tweetReads().map((url) => [...url.searchParams])).to.deep.equal([
      [
        ['via', 'attribute'],
        ['tweet', tweetUrl(fixtureTweets.walnutLamp)],
      ],
    ]);
    expect(tweetText(el)).to.contain(`@${fixtureTweets.walnutLamp.authorHandle}`);
  });

  it('asks publish.twitter.com itself without a link endpoint', async () => {
    config.linkEndpoint = undefined;
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" tweet-url=${tweetUrl(fixtureTweets.noProduct)}></buy-tweet>`,
    );
    await waitUntil(() => tweetText(el), 'the tweet did not show');
    expect(oembedRequests().map((request) => new URL(request.url).origin)).to.deep.equal([
      'https://publish.twitter.com',
    ]);
    expect(tweetReads()).to.have.length(0);
  });

  it('prefers an embedded tweet in the light DOM over tweet-url', async () => {
    const settled = oneEvent(document, 'buy-tweet-load');
    await fixture(
      html`<buy-tweet loading="eager" tweet-url=${tweetUrl(fixtureTweets.walnutLamp)}>
        <blockquote class="twitter-tweet">
          <p>Out now <a href="https://t.co/x">gumroad.com/l/new-album</a></p>
          &mdash; The Band (@theband) <a href="https://twitter.com/theband/status/1">May 1, 2020</a>
        </blockquote>
      </buy-tweet>`,
    );
    expect((await settled).detail.product.id).to.equal(catalogue.album.product.id);
    expect(oembedRequests()).to.have.length(0);
  });

  it("takes its oEmbed tweet away when embed code is put in, and shows that tweet's card", async () => {
    const { el } = await fromUrl(fixtureTweets.walnutLamp);
    expect(tweetText(el)).to.contain(`@${fixtureTweets.walnutLamp.authorHandle}`);
    const settled = oneEvent(el, 'buy-tweet-load');
    el.innerHTML = `<blockquote class="twitter-tweet">
      <p>Out now <a href="https://t.co/x">gumroad.com/l/new-album</a></p>
      &mdash; The Band (@theband) <a href="https://twitter.com/theband/status/1">May 1, 2020</a>
    </blockquote>`;
    expect((await settled).detail.product.id).to.equal(catalogue.album.product.id);
    expect(el.shadowRoot!.querySelector('.tweet')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part="card"]')).to.have.length(1);
  });
});
