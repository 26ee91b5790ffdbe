// Layout (docs/publishers/embedding.md): the card's arrival moves nothing where the markup names the product and the
// page links dist/buy-tweet.css, as the README sets it up; raw t.co code stays at or under a CLS
// of 0.1 (the stylesheet holds its place too: a wrapped tweet is one that sells). Measured on a fresh 375 × 667 page whose selling tweet comes first, above an article,
// with a link endpoint that answers after 300 ms. No widgets.js here: its own rendering moves the
// page, whatever the element does.
import { expect } from '@open-wc/testing';
import { delay, http } from 'msw';
import { closePages, openPage, settle, titleIn, type PublisherPage } from '../pages/frame.js';
import { worker } from '../setup.js';
import { waitUntil } from '../wait.js';

const STYLESHEET = '<link rel="stylesheet" href="/dist/buy-tweet.css">';
const ARTICLE =
  '<h2>The Band on tour</h2>' +
  '<p>The band played three nights in a row, each to a full house, and the tour goes on.</p>'.repeat(12);
const tweet = (link: string) =>
  `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our new album is out today ${link}</p>&mdash; The Band (@theband) <a href="https://twitter.com/theband/status/509074208133345280?ref_src=twsrc%5Etfw">September 8, 2014</a></blockquote>`;
const RAW = '<a href="https://t.co/AbC123">https://t.co/AbC123</a>';
/** As `npx buy-tweet expand` writes it. */
const EXPANDED =
  '<a href="https://t.co/AbC123" data-expanded-url="https://gumroad.com/l/new-album">https://t.co/AbC123</a>';

let pages = 0;

/**
 * The page, and its CLS once its card has shown and been laid out. The element's script arrives
 * half a second after the page, as an async script from a CDN may. The script's URL is new each
 * time, or Chromium would take it from its memory cache, before the page's first paint.
 */
const measure = async (element: string, head = STYLESHEET) => {
  worker.use(
    http.get('*/dist/buy-tweet.js', async () => {
      await delay(500);
    }),
  );
  const script = `<script async src="/dist/buy-tweet.js?page=${++pages}"></script>`;
  const page: PublisherPage = openPage(`${element}${ARTICLE}${script}`, { head });
  await waitUntil(() => page.elements()[0] && titleIn(page.elements()[0]), 'the card did not show');
  await settle(page);
  return page.window.cls!();
};

const LINKS = `link-endpoint="${location.origin}/links"`;

beforeEach(() => {
  worker.use(
    http.get('*/links', async () => {
      await delay(300);
    }),
  );
});
afterEach(closePages);

describe('layout at 375 px: what the card moves', () => {
  it('nothing, for a link as expand writes it', async () => {
    expect(await measure(`<buy-tweet ${LINKS}>${tweet(EXPANDED)}</buy-tweet>`)).to.equal(0);
  });

  it('nothing, for product-url', async () => {
    expect(
      await measure(`<buy-tweet product-url="https://gumroad.com/l/new-album">${tweet(RAW)}</buy-tweet>`),
    ).to.equal(0);
  });

  it('nothing, for a t.co link whose title names the product', async () => {
    const link = '<a href="https://t.co/AbC123" title="https://gumroad.com/l/new-album">gumroad.com/l/new-album</a>';
    expect(await measure(`<buy-tweet>${tweet(link)}</buy-tweet>`)).to.equal(0);
  });

  it('the page moves without the stylesheet (the control)', async () => {
    expect(await measure(`<buy-tweet ${LINKS}>${tweet(EXPANDED)}</buy-tweet>`, '')).to.be.above(0);
  });

  it('at most 0.1 for raw t.co code, read through the link endpoint', async () => {
    expect(await measure(`<buy-tweet ${LINKS}>${tweet(RAW)}</buy-tweet>`)).to.be.at.most(0.1);
  });
});
