// Today's embed code in a real browser: cards come through the link endpoint that `npx buy-tweet
// links` serves (the real process, its t.co the mock's), and without one there is no card, and one
// word in the console. The page loads dist/buy-tweet.js as a publisher's page does. Runs against
// the build.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { catalogue, embedHtml, fixtureTweets } from 'buy-tweet/mock';
import { startMockPartnerServer } from 'buy-tweet/mock/server';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';
import { listen } from '../../dist/esm/node/listen.js';
import { poll, runCli, startLinksProcess } from './cli-process.mjs';

const tweets = [fixtureTweets.newAlbum, fixtureTweets.walnutLamp, fixtureTweets.emoji];
const titleOf = (tweet) =>
  Object.values(catalogue).find((entry) => entry.product.url === tweet.productUrl).product.title;
const tcoOf = (tweet) =>
  tweet.text.filter((piece) => typeof piece === 'object' && 'tco' in piece).map((piece) => piece.tco);

const dist = new URL('../../dist/', import.meta.url);
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8' };

const todaysTweets = tweets
  .map((tweet) => `<buy-tweet loading="eager">${embedHtml(tweet, { links: 'tco' })}</buy-tweet>`)
  .join('\n');

/**
 * The publisher's site: `/{name}` is a page with `body` (today's embed code unless given) that
 * configures buy-tweet with `settings` from `/{name}.js` (a same-origin script, as a strict page
 * would), and `/dist/` is the build.
 */
const startSite = async (pages) => {
  const page = (name) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Real tweets</title>
<script async src="/dist/buy-tweet.js"></script>
<script type="module" src="/${name}.js"></script>
</head><body>
${pages[name].body ?? todaysTweets}
</body></html>`;
  const configure = (settings) =>
    `await customElements.whenDefined('buy-tweet');\nBuyTweet.configure(${JSON.stringify(settings)});\n`;
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://site.test');
    const name = pathname.slice(1).replace(/\.js$/, '');
    if (pathname.startsWith('/dist/')) {
      const file = new URL(`.${pathname.slice('/dist'.length)}`, dist);
      if (file.href.startsWith(dist.href)) {
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'Content-Type': TYPES[extname(file.pathname)] ?? 'application/octet-stream' });
          return res.end(body);
        } catch {
          // Not in the build: a 404 below.
        }
      }
    } else if (Object.hasOwn(pages, name)) {
      const js = pathname.endsWith('.js');
      res.writeHead(200, { 'Content-Type': TYPES[js ? '.js' : '.html'] });
      return res.end(js ? configure(pages[name].settings) : page(name));
    }
    res.writeHead(404).end();
  });
  return listen(server, 0, '127.0.0.1');
};

describe("today's embed code in a browser, through npx buy-tweet links", () => {
  let mock;
  let links;
  let site;
  let browser;
  before(async () => {
    mock = await startMockPartnerServer({ port: 0 });
    links = await startLinksProcess();
    const partners = Object.fromEntries(
      ['gumroad', 'fancy', 'musictoday'].map((id) => [id, { endpoint: mock.endpoints[id] }]),
    );
    const expanded = await runCli(['expand'], { input: todaysTweets });
    assert.equal(expanded.code, 0, expanded.stderr);
    site = await startSite({
      with: { settings: { linkEndpoint: links.url, partners } },
      without: { settings: { partners } },
      expanded: { settings: { partners }, body: expanded.stdout },
    });
    browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs() });
  });
  after(async () => {
    await browser?.close();
    await links?.stop();
    await site?.close();
    await mock?.close();
  });

  /** Opens `/{name}`, gathering the page's console; an uncaught error counts as a console error. */
  const open = async (name) => {
    const page = await browser.newPage();
    const messages = [];
    page.on('console', (message) => messages.push({ type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => messages.push({ type: 'error', text: String(error) }));
    await page.goto(`${site.origin}/${name}`);
    const noise = () => messages.filter(({ type }) => type === 'error' || type === 'warn' || type === 'warning');
    return { page, messages, noise };
  };

  /** What each card shows as its title, `null` where there is no card. */
  const titles = (page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('buy-tweet')].map(
        (el) => el.shadowRoot?.querySelector('[part=title]')?.textContent.trim() ?? null,
      ),
    );

  test('each tweet gets the card of its product, its t.co links read by the CLI', async () => {
    const { page, messages, noise } = await open('with');
    const expected = tweets.map(titleOf);
    await poll(async () => (await titles(page)).every(Boolean), { what: 'three cards' });
    assert.deepEqual(await titles(page), expected);
    const asked = new Set(links.tcoRequests());
    for (const link of tweets.flatMap(tcoOf)) assert.ok(asked.has(link), `the CLI read ${link}`);
    assert.deepEqual(noise(), []);
    assert.ok(!messages.some(({ text }) => text.includes('linkEndpoint')), 'no advice when there is a link endpoint');
    await page.close();
  });

  test('without a link endpoint: no card, nothing asked, and one word in the console on how to set one', async () => {
    const tcoBefore = links.tcoRequests().length;
    const lookupsBefore = mock.mock.requests.length;
    const { page, messages, noise } = await open('without');
    const advice = () => messages.filter(({ type, text }) => type === 'info' && text.includes('linkEndpoint'));
    await poll(() => advice().length, { what: 'the console.info about linkEndpoint' });
    // The signal: a card put in after the tweets were read, which does load (through product-url);
    // by then anything the tweets would have asked or shown, they have.
    // A product no other test here looks up: the browser may keep lookups in its HTTP cache.
    const control = catalogue.tourPoster.product;
    await page.evaluate((url) => {
      const card = document.createElement('buy-tweet');
      card.setAttribute('loading', 'eager');
      card.setAttribute('product-url', url);
      document.body.append(card);
    }, control.url);
    await poll(async () => (await titles(page))[tweets.length], { what: 'the control card' });
    assert.deepEqual(await titles(page), [...tweets.map(() => null), control.title]);
    assert.deepEqual(
      await page.evaluate(
        (count) => [...document.querySelectorAll('buy-tweet')].slice(0, count).map((el) => el.product),
        tweets.length,
      ),
      tweets.map(() => null),
    );
    assert.equal(advice().length, 1);
    assert.equal(links.tcoRequests().length, tcoBefore);
    const lookups = mock.mock.requests.slice(lookupsBefore).filter(({ route }) => route === 'products');
    assert.deepEqual(
      lookups.map(({ url }) => new URL(url).searchParams.getAll('url')),
      [[control.url]],
      'only the control card asked a partner',
    );
    assert.deepEqual(noise(), []);
    await page.close();
  });

  test('a page expanded by npx buy-tweet expand gets its cards with no link endpoint', async () => {
    const tcoBefore = links.tcoRequests().length;
    const { page, messages, noise } = await open('expanded');
    await poll(async () => (await titles(page)).every(Boolean), { what: 'three cards' });
    assert.deepEqual(await titles(page), tweets.map(titleOf));
    assert.equal(links.tcoRequests().length, tcoBefore);
    assert.deepEqual(noise(), []);
    assert.ok(!messages.some(({ text }) => text.includes('linkEndpoint')));
    await page.close();
  });
});
