/**
 * `npm run bench:first`: how long a page takes to show its first card, from navigation to Buy
 * painted, for a card of a `product-url` and for a tweet's embed code (the reading chunks load
 * first), as a mid-range phone (4x slower CPU, 150 ms round trips, 1.6 Mbps; as `npm run bench`)
 * and on this machine as it is. The cache is off: a first visit. Needs `npm run build`; a
 * benchmark, not a test: the numbers vary from run to run.
 */
import puppeteer from 'puppeteer-core';
import { startMockPartnerServer } from '../dist/esm/mock/server.js';
import { chromeArgs, findChrome } from './find-chrome.mjs';
import { overRuns } from './bench-figures.mjs';
import { firstVisit } from './first-visit.mjs';
import { startPageServer } from './static-server.mjs';

const RUNS = Number(process.env.RUNS ?? 7);

const partner = await startMockPartnerServer({ host: '127.0.0.1', port: 0 });
const endpoint = `${partner.url}/gumroad/v1`;
/** The two cards, as a publisher writes them (the tweet's embed code as pasted, its script left out). */
const CARDS = {
  'product-url': `<buy-tweet product-url="https://gumroad.com/l/new-album" endpoint="${endpoint}"></buy-tweet>`,
  'embed code': `<buy-tweet endpoint="${endpoint}"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our new album is out today <a href="https://gumroad.com/l/new-album">gumroad.com/l/new-album</a></p>&mdash; The Band (@theband) <a href="https://twitter.com/theband/status/509074208133345280?ref_src=twsrc%5Etfw">September 8, 2014</a></blockquote></buy-tweet>`,
};
let card = '';
const server = await startPageServer({
  port: 0,
  page: '/first/page.html',
  connect: [partner.url],
  routes: {
    '/first/page.html': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/dist/buy-tweet.css"></head>
<body>${card}<script async src="/dist/buy-tweet.js"></script></body></html>`);
    },
  },
});
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs() });

/** Milliseconds from navigation to the first card's Buy painted. */
const firstCard = async ({ phone }) => {
  const page = await firstVisit(browser, { phone });
  await page.goto(`${server.origin}/first/page.html`);
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const check = () => {
          if (document.querySelector('buy-tweet')?.shadowRoot?.querySelector('[part="buy-button"]'))
            requestAnimationFrame(() => resolve(performance.now()));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  await page.close();
  return ms;
};

for (const [name, markup] of Object.entries(CARDS)) {
  card = markup;
  for (const phone of [true, false]) {
    const times = [];
    for (let run = 0; run < RUNS; run++) times.push(await firstCard({ phone }));
    console.log(`${name}, ${phone ? 'phone-like' : 'this machine'}: ${overRuns(times)}`);
  }
}
await browser.close();
await server.close();
await partner.close();
