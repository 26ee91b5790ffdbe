// Tweets that widgets.js renders (docs/publishers/real-tweets.md): it replaces the blockquote inside <buy-tweet> with
// `div.twitter-tweet.twitter-tweet-rendered` holding an iframe with `data-tweet-id`. Here the
// replacement is made by hand, in today's shape; test/pages/embed.test.ts runs the mock's
// widgets.js on a page of embed code exactly as pasted.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { fixtureTweets, type FixtureTweet } from '../../src/mock/fixtures.js';
import { embedHtml } from '../../src/mock/oembed.js';
import '../../src/define.js';
import { mock } from '../setup.js';
import { waitUntil } from '../wait.js';

const LINKS = `${location.origin}/links`;
const titleOf = (el: BuyTweetElement) => el.shadowRoot!.querySelector('[part="title"]')?.textContent;

/** What widgets.js leaves in place of a blockquote: today's shape, or the shell of a deleted tweet. */
const rendered = (id?: string) => {
  const shell = document.createElement('div');
  shell.className = 'twitter-tweet twitter-tweet-rendered';
  if (id) {
    const frame = document.createElement('iframe');
    frame.id = 'twitter-widget-0';
    frame.title = 'X Post';
    frame.setAttribute('data-tweet-id', id);
    shell.append(frame);
  }
  return shell;
};

/** An element whose tweet widgets.js rendered before the element read it. */
const renderedFirst = (tweet: FixtureTweet) =>
  fixture<BuyTweetElement>(html`<buy-tweet loading="eager" link-endpoint=${LINKS}>${rendered(tweet.id)}</buy-tweet>`);

/** A card shown from the blockquote (links readable without a link endpoint), then counted. */
const shownFromBlockquote = async () => {
  const loaded = oneEvent(document, 'buy-tweet-load');
  const el = await fixture<BuyTweetElement>(
    html`<buy-tweet loading="eager">${unsafeHTML(embedHtml(fixtureTweets.newAlbum, { links: 'display' }))}</buy-tweet>`,
  );
  await loaded;
  const loads: Event[] = [];
  el.addEventListener('buy-tweet-load', (event) => loads.push(event));
  return { el, loads };
};

/**
 * Replaces the blockquote of a shown card, as widgets.js does. The positive signal that the element
 * has seen it: a tweet rendered first, read through oEmbed and the link endpoint, gets its card;
 * the replacement was seen long before that.
 */
const replaceShown = async (replacement: Element) => {
  const shown = await shownFromBlockquote();
  shown.el.querySelector('blockquote')!.replaceWith(replacement);
  const other = oneEvent(document, 'buy-tweet-load');
  await renderedFirst(fixtureTweets.walnutLamp);
  await other;
  await shown.el.updateComplete;
  return shown;
};

describe('a tweet widgets.js renders after the card is shown', () => {
  it('keeps the card below the rendered tweet, with no second buy-tweet-load', async () => {
    const { el, loads } = await replaceShown(rendered(fixtureTweets.newAlbum.id));
    expect(loads).to.have.length(0);
    expect(titleOf(el)).to.equal('New Album (Digital)');
    expect(el.product?.id).to.equal('prod_album');
    // The card comes after the rendered tweet, which stays in the light DOM.
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0].classList.contains('twitter-tweet-rendered')).to.equal(true);
    expect(
      slot.compareDocumentPosition(el.shadowRoot!.querySelector('[part="card"]')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.not.equal(0);
  });

  it('keeps the card when the tweet was deleted and widgets.js leaves an empty shell', async () => {
    const { el, loads } = await replaceShown(rendered());
    expect(loads).to.have.length(0);
    expect(titleOf(el)).to.equal('New Album (Digital)');
  });

  it('reads the tweet anew when the tweet is taken away', async () => {
    const { el } = await shownFromBlockquote();
    el.querySelector('blockquote')!.remove();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="card"]'), 'the card stayed without its tweet');
    expect(el.product).to.equal(null);
  });
});

describe('a tweet widgets.js rendered before the element read it', () => {
  it('reads it by its id through the link endpoint, then its links, and does not draw it again', async () => {
    const loaded = oneEvent(document, 'buy-tweet-load');
    const el = await renderedFirst(fixtureTweets.newAlbum);
    await loaded;
    await el.updateComplete;
    expect(titleOf(el)).to.equal('New Album (Digital)');
    // Read once, through the link endpoint (which asks publish.twitter.com itself).
    const tweetReads = mock.requests.filter(
      (request) => request.route === 'links' && new URL(request.url).searchParams.has('tweet'),
    );
    expect(tweetReads.map((request) => new URL(request.url).searchParams.get('tweet'))).to.deep.equal([
      'https://twitter.com/i/status/509074208133345280',
    ]);
    // The rendered tweet is the tweet: the element draws no copy of it.
    expect(el.shadowRoot!.querySelector('.tweet')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('with product-url, asks nothing about the rendered tweet', async () => {
    const loaded = oneEvent(document, 'buy-tweet-load');
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" product-url="https://gumroad.com/l/new-album"
        >${rendered('509074208133345280')}</buy-tweet
      >`,
    );
    await loaded;
    // product-url decides: nothing else needs reading.
    expect(mock.requests.filter((request) => request.route === 'oembed')).to.have.length(0);
    expect(el.product?.id).to.equal('prod_album');
  });
});
