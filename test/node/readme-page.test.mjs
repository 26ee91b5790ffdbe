// The README's offline page ("Embed it"), as a newcomer uses it: the HTML block copied from the
// README into a file, the mock partner server running, the file opened in Chromium. The card shows,
// and a purchase with the test card ends in a receipt. The mock runs on a free port here, not
// 8788 (a CI machine may have that taken): its origin is the one thing changed in the page.
// Runs against the build.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startMockPartnerServer } from 'buy-tweet/mock/server';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';
import { buyWithTestCard } from './buyer.mjs';
import { poll } from './cli-process.mjs';

const WIDGETS_JS = 'https://platform.twitter.com/widgets.js';

/** The first ```html block of the README's "Embed it" section. */
const readmePage = async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Embed it\n'));
  const block = /```html\n([^]*?)```/.exec(section);
  assert.ok(block, 'the README has no html block under "Embed it"');
  return block[1];
};

let mock;
let browser;
let folder;
let pageUrl;
before(async () => {
  mock = await startMockPartnerServer({ port: 0 });
  folder = await mkdtemp(join(tmpdir(), 'buy-tweet-readme-'));
  const html = (await readmePage()).replaceAll('http://127.0.0.1:8788', mock.url);
  await writeFile(join(folder, 'buy.html'), html);
  pageUrl = pathToFileURL(join(folder, 'buy.html')).href;
  browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs() });
});
after(async () => {
  await browser?.close();
  await mock?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/**
 * The page opened offline (no request leaves the machine), or with widgets.js answered by the mock's
 * stand-in, as it is answered online. What the page says in its console comes back in `problems`.
 */
const open = async ({ widgets }) => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => ['error', 'warn'].includes(message.type()) && problems.push(message.text()));
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'file:' || url.origin === mock.url) return request.continue();
    if (widgets && request.url() === WIDGETS_JS) {
      const answer = await fetch(`${mock.url}/widgets.js`);
      return request.respond({ status: 200, contentType: 'text/javascript', body: await answer.text() });
    }
    return request.abort('internetdisconnected');
  });
  await page.goto(pageUrl);
  return { page, problems, inPage: (code) => page.evaluate(code) };
};

test('offline: the card shows below the tweet, and the test card buys the album', async () => {
  const { page, problems, inPage } = await open({ widgets: false });
  await poll(() => inPage('document.querySelector("buy-tweet").product?.title'), { what: 'the card' });
  assert.equal(
    await inPage('document.querySelector("buy-tweet").shadowRoot.querySelector("[part=title]").textContent'),
    'New Album (Digital)',
  );
  const orderId = await buyWithTestCard(page);
  // The fake Stripe told the mock, as Stripe's webhook tells a partner.
  assert.equal(mock.mock.orders.find((entry) => entry.order.id === orderId)?.order.status, 'paid');
  // widgets.js, which the embed code asks for, is the one thing offline refuses.
  assert.deepEqual(
    problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED/.test(problem)),
    [],
  );
});

test('online: widgets.js renders the tweet, and the card stays below it', async () => {
  const { problems, inPage } = await open({ widgets: true });
  await poll(
    () => inPage('document.querySelector("buy-tweet iframe[data-tweet-id]")?.contentDocument?.body?.textContent'),
    {
      what: 'the rendered tweet',
    },
  );
  await poll(() => inPage('document.querySelector("buy-tweet").product?.title'), { what: 'the card' });
  assert.equal(await inPage('document.querySelectorAll("buy-tweet blockquote").length'), 0);
  assert.deepEqual(problems, []);
});
