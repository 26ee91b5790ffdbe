/**
 * `npm run bench:cards`: how long a page of many cards takes until every card is shown, buy-tweet
 * against a hand-written floor, in headless Chromium, from the mock partner over real HTTP.
 *
 * Two pages, written the same way: CARDS product links (default 500) over PRODUCTS distinct
 * products (default 50, the mock's generated catalogue), a stylesheet in the head, one async
 * script at the end of the body.
 *   - buy-tweet: `<buy-tweet product-url endpoint loading="eager">` and the built dist/buy-tweet.js;
 *     done when every element has fired `buy-tweet-load`.
 *   - floor: plain DOM code (createElement, textContent) that asks each distinct link once, 20
 *     links a request (`GET {endpoint}/products?url=...`, docs/partners/protocol.md), and draws
 *     each card in a shadow root of its own with the same visible content; done when every card
 *     is drawn.
 * "Shown" is the frame after the last card's DOM is in place, timed with performance.now() (from
 * navigation start). Runs alternate between the two pages, RUNS each (default 5), each in a fresh
 * browser context (a cold HTTP cache). Also: the JS heap when done (puppeteer's JSHeapUsedSize),
 * long tasks (count and total ms) and CLS (every layout-shift entry: headless Chromium may mark
 * shifts hadRecentInput without any input).
 *
 *   --json             one line of JSON instead of the table
 *   --profile[=file]   one buy-tweet run (PAGE=floor: a floor run) under the CPU profiler and the
 *                      tracer instead: when each request went out and came back, main-thread time
 *                      by trace event, self time by script and by function, top 25 (and the
 *                      .cpuprofile written to `file`, for DevTools)
 *
 * Needs `npm run build`; a benchmark, not a test: the numbers vary from run to run.
 */
import puppeteer from 'puppeteer-core';
import { writeFile } from 'node:fs/promises';
import { startMockPartnerServer } from '../dist/esm/mock/server.js';
import { chromeArgs, findChrome } from './find-chrome.mjs';
import { median } from './bench-figures.mjs';
import { host, moduleAnswer, startPageServer } from './static-server.mjs';

const CARDS = Number(process.env.CARDS ?? 500);
const PRODUCTS = Number(process.env.PRODUCTS ?? 50);
const RUNS = Number(process.env.RUNS ?? 5);
const json = process.argv.includes('--json');
const profileArg = process.argv.find((arg) => arg.startsWith('--profile'));

const partner = await startMockPartnerServer({ host, port: 0, generatedProducts: PRODUCTS });
const endpoint = `${partner.url}/gumroad/v1`;
/** Card i shows generated product (i mod PRODUCTS) + 1, so each product is on CARDS / PRODUCTS cards. */
const links = Array.from({ length: CARDS }, (_, i) => `https://gumroad.com/l/generated-${(i % PRODUCTS) + 1}`);

/**
 * What both pages run first, in the head: the observers for long tasks and layout shifts, and
 * `done()`, which notes the time of the frame after the last card.
 */
const measure = `
  window.bench = { cards: ${CARDS}, shown: 0, longTasks: { count: 0, ms: 0 }, cls: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { bench.longTasks.count++; bench.longTasks.ms += entry.duration; }
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  bench.card = () => {
    bench.first ??= performance.now();
    if (++bench.shown === bench.cards) requestAnimationFrame(() => setTimeout(() => (bench.done = performance.now())));
  };
`;

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const page = ({ title, head, cards, script }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script>${measure}${head}</script>
</head>
<body>
${cards.join('\n')}
<script async src="${script}"></script>
</body>
</html>
`;

const buyTweetPage = page({
  title: `${CARDS} buy-tweet cards`,
  head: `document.addEventListener('buy-tweet-load', () => bench.card(), true);`,
  // The stylesheet a publisher links, as README.md's "Embed it" does.
  cards: [
    '<link rel="stylesheet" href="/dist/buy-tweet.css">',
    ...links.map(
      (link) => `<buy-tweet product-url="${escape(link)}" endpoint="${escape(endpoint)}" loading="eager"></buy-tweet>`,
    ),
  ],
  script: '/dist/buy-tweet.js',
});

const floorPage = page({
  title: `${CARDS} hand-written cards`,
  head: '',
  cards: [
    // Holds each card's place from the first paint (8px above, 124px high), as buy-tweet.css does.
    '<style>floor-card { display: block; max-width: 550px; min-height: 124px; padding-top: 8px; }</style>',
    ...links.map((link) => `<floor-card data-product-url="${escape(link)}"></floor-card>`),
  ],
  script: '/bench/floor.js',
});

/** The floor's code: what a careful developer would write by hand for this one page. */
const floorScript = `
const endpoint = ${JSON.stringify(endpoint)};
const sheet = new CSSStyleSheet();
sheet.replaceSync(\`
  :host { display: block; max-width: 550px; font: 15px/1.3 system-ui, sans-serif; color: #0f1419; }
  .card { border: 1px solid #dbdcdd; border-radius: 12px; background: #fff; display: flex; gap: 12px;
    box-sizing: border-box; height: 124px; padding: 12px; }
  .media { flex: none; width: min(96px, 25%); height: 96px; border-radius: 8px; background: #dbdcdd; overflow: hidden; }
  img { width: 100%; height: 100%; object-fit: cover; }
  .info { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
  p { margin: 0; overflow-wrap: anywhere; }
  .title { font-weight: 700; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
  .small { color: #4b4e52; font-size: 13px; }
  .merchant { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  a { color: inherit; }
  .actions { margin-block-start: auto; display: flex; gap: 8px; align-items: end; justify-content: space-between; }
  .price { font-weight: 700; }
  button { flex: none; min-height: 36px; padding: 0 18px; border: 1px solid #0f6cbd; border-radius: 99px;
    font: inherit; font-weight: 700; background: #0f6cbd; color: #fff; }
\`);
const formats = new Map();
const price = ({ amount, currency }) => {
  let entry = formats.get(currency);
  if (!entry) {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    entry = { format, scale: 10 ** format.resolvedOptions().maximumFractionDigits };
    formats.set(currency, entry);
  }
  return entry.format.format(amount / entry.scale);
};
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};
const draw = (host, product) => {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheet];
  const card = el('div', 'card');
  const media = el('div', 'media');
  if (product.image) {
    const img = el('img');
    img.src = product.image.url;
    img.alt = product.image.alt;
    img.width = product.image.width ?? 96;
    img.height = product.image.height ?? 96;
    img.loading = 'lazy';
    img.decoding = 'async';
    media.append(img);
  }
  const info = el('div', 'info');
  const merchant = el('p', 'small merchant');
  if (product.merchant.url) {
    const a = el('a', '', product.merchant.name);
    a.href = product.merchant.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    merchant.append(a);
  } else merchant.textContent = product.merchant.name;
  const actions = el('div', 'actions');
  const prices = el('div');
  prices.append(el('p', 'price', price(product.price)), el('p', 'small', 'In stock'));
  actions.append(prices, el('button', '', 'Buy'));
  info.append(el('p', 'title', product.title), merchant, actions);
  card.append(media, info);
  root.append(card);
  bench.card();
};
const hosts = new Map();
for (const host of document.querySelectorAll('floor-card')) {
  const link = host.dataset.productUrl;
  if (!hosts.has(link)) hosts.set(link, []);
  hosts.get(link).push(host);
}
const distinct = [...hosts.keys()];
for (let start = 0; start < distinct.length; start += 20) {
  const batch = distinct.slice(start, start + 20);
  const query = batch.map((link) => 'url=' + encodeURIComponent(link)).join('&');
  fetch(endpoint + '/products?' + query)
    .then((response) => response.json())
    .then(({ products }) => products.forEach((product, i) => hosts.get(batch[i]).forEach((host) => draw(host, product))));
}
`;

const html = (body) => (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
};
const pages = await startPageServer({
  port: 0,
  page: '/bench/buy-tweet.html',
  routes: {
    '/bench/buy-tweet.html': html(buyTweetPage),
    '/bench/floor.html': html(floorPage),
    '/bench/floor.js': moduleAnswer(floorScript),
  },
});

const browser = await puppeteer.launch({
  executablePath: findChrome(),
  args: [...chromeArgs(), '--window-size=1280,900'],
  defaultViewport: { width: 1280, height: 900 },
});
const version = await browser.version();

/** One load of a page in a fresh context: its figures, after `prepare(page)` and before `finish(page)`. */
const run = async (name, { prepare, finish } = {}) => {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await prepare?.(tab);
  await tab.goto(`${pages.origin}/bench/${name}.html`);
  await tab.waitForFunction(() => window.bench.done !== undefined, { timeout: 120_000, polling: 50 });
  const figures = await tab.evaluate(() => ({
    ms: window.bench.done,
    longTasks: window.bench.longTasks,
    cls: window.bench.cls,
  }));
  const { JSHeapUsedSize } = await tab.metrics();
  await finish?.(tab);
  await context.close();
  return { ...figures, heapMB: JSHeapUsedSize / 2 ** 20 };
};

/** Self time of a CPU profile by function (name, script, line) and by script, top `top` each. */
const selfTimes = (profile, top = 25) => {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFunction = new Map();
  const byScript = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber, columnNumber } = byNode.get(id).callFrame;
    const script = url ? url.replace(pages.origin, '').replace(partner.url, '') : '(native)';
    const key = `${functionName || '(anonymous)'} ${script}${url ? `:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    total += ms;
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { total, byFunction: sorted(byFunction), byScript: sorted(byScript) };
};

/** Main-thread time by trace event name (nested events overlap: a Layout inside a FunctionCall counts in both). */
const traceTimes = (trace, top = 15) => {
  const { traceEvents } = JSON.parse(trace);
  const main = traceEvents.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      traceEvents.some((o) => o.pid === e.pid && o.name === 'ParseHTML'),
  );
  const byName = new Map();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !e.dur || e.pid !== main?.pid || e.tid !== main?.tid || e.name === 'RunTask') continue;
    const entry = byName.get(e.name) ?? { ms: 0, count: 0 };
    entry.ms += e.dur / 1000;
    entry.count++;
    byName.set(e.name, entry);
  }
  return [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
};

if (profileArg) {
  let cdp;
  const profiled = process.env.PAGE ?? 'buy-tweet';
  const figures = await run(profiled, {
    prepare: async (tab) => {
      await tab.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
      cdp = await tab.createCDPSession();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    },
    finish: async (tab) => {
      const { profile } = await cdp.send('Profiler.stop');
      const trace = Buffer.from(await tab.tracing.stop()).toString();
      const timeline = await tab.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map(
            (r) =>
              `${r.startTime.toFixed(0).padStart(6)}–${r.responseEnd.toFixed(0).padStart(6)} ms  ${r.name.replace(location.origin, '').slice(0, 90)}`,
          ),
      );
      const { first } = await tab.evaluate(() => window.bench);
      const file = profileArg.split('=')[1];
      if (file) await writeFile(file, JSON.stringify(profile));
      const { total, byFunction, byScript } = selfTimes(profile);
      console.log(`${profiled}, ${CARDS} cards over ${PRODUCTS} products, under the profiler (${version})`);
      console.log(`profiled ${total.toFixed(0)} ms of samples${file ? `, written to ${file}` : ''}`);
      console.log('\nrequests (start–end, from navigation start; pictures left out):');
      for (const line of timeline.filter((l) => !l.includes('/__mock/images/'))) console.log(line);
      console.log(`first card at ${first.toFixed(0)} ms`);
      console.log('\nmain thread by trace event (nested events overlap):');
      for (const [name, { ms, count }] of traceTimes(trace))
        console.log(`${ms.toFixed(1).padStart(8)} ms  ${String(count).padStart(5)}×  ${name}`);
      console.log('\nself time by script:');
      for (const [script, ms] of byScript) console.log(`${ms.toFixed(1).padStart(8)} ms  ${script}`);
      console.log('\nself time by function (top 25):');
      for (const [fn, ms] of byFunction) console.log(`${ms.toFixed(1).padStart(8)} ms  ${fn}`);
    },
  });
  console.log(`\nall cards shown at ${figures.ms.toFixed(0)} ms (slowed by the profiler)`);
} else {
  const results = { 'buy-tweet': [], floor: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const name of ['buy-tweet', 'floor']) results[name].push(await run(name));
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, runs]) => [
      name,
      {
        ms: median(runs.map((r) => r.ms)),
        minMs: Math.min(...runs.map((r) => r.ms)),
        maxMs: Math.max(...runs.map((r) => r.ms)),
        heapMB: median(runs.map((r) => r.heapMB)),
        longTasks: median(runs.map((r) => r.longTasks.count)),
        longTaskMs: median(runs.map((r) => r.longTasks.ms)),
        cls: median(runs.map((r) => r.cls)),
      },
    ]),
  );
  const ratio = summary['buy-tweet'].ms / summary.floor.ms;
  const round = (value, digits) => Number(value.toFixed(digits));
  if (json) {
    const pick = (s) => ({
      ms: round(s.ms, 1),
      heapMB: round(s.heapMB, 2),
      longTasks: s.longTasks,
      longTaskMs: round(s.longTaskMs, 0),
      cls: round(s.cls, 4),
    });
    console.log(
      JSON.stringify({
        cards: CARDS,
        products: PRODUCTS,
        runs: RUNS,
        buyTweet: pick(summary['buy-tweet']),
        floor: pick(summary.floor),
        ratio: round(ratio, 2),
        chromium: version,
      }),
    );
  } else {
    console.log(`${CARDS} cards over ${PRODUCTS} products, ${RUNS} runs each, alternating (${version}); medians:`);
    console.log('page        all shown (min–max)       JS heap   long tasks        CLS');
    for (const [name, s] of Object.entries(summary)) {
      console.log(
        `${name.padEnd(10)}  ${`${s.ms.toFixed(0)} ms`.padStart(7)} (${s.minMs.toFixed(0)}–${s.maxMs.toFixed(0)} ms)`.padEnd(
          36,
        ) +
          `${s.heapMB.toFixed(1)} MB`.padStart(9) +
          `${s.longTasks} / ${s.longTaskMs.toFixed(0)} ms`.padStart(13) +
          s.cls.toFixed(4).padStart(11),
      );
    }
    console.log(`ratio buy-tweet / floor: ${ratio.toFixed(2)}×`);
  }
}

await browser.close();
await Promise.all([pages.close(), partner.close()]);
