/**
 * `npm run bench`: how big the checkout chunk is, and how long a buyer waits from pressing Buy to
 * seeing the checkout dialog, cold (no hover first: the chunk and Stripe.js load on the press) and
 * after intent (hovered first). Measured in headless Chromium on the demo, on this machine as it
 * is and as a mid-range phone (4x slower CPU, 150 ms round trips, 1.6 Mbps).
 * Needs `npm run build`; a benchmark, not a test: the numbers vary from run to run.
 */
import puppeteer from 'puppeteer-core';
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromeArgs, findChrome } from './find-chrome.mjs';
import { overRuns } from './bench-figures.mjs';
import { firstVisit } from './first-visit.mjs';
import { startDemo } from './serve-demo.mjs';

const RUNS = Number(process.env.RUNS ?? 7);

const chunks = new URL('../dist/chunks/', import.meta.url);
for (const name of await readdir(chunks)) {
  const bytes = await readFile(new URL(name, chunks));
  console.log(
    `chunk ${name}: ${(bytes.length / 1024).toFixed(2)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(2)} KB gzip`,
  );
}

const demo = await startDemo({ port: 0, mockPort: 0 });
const browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs() });

/** Milliseconds from the press of the first Buy to its dialog being open and painted. */
const pressToDialog = async ({ intent, phone }) => {
  const page = await firstVisit(browser, { phone });
  await page.goto(demo.url);
  await page.waitForFunction(
    () => document.querySelector('buy-tweet')?.shadowRoot?.querySelector('[part="buy-button"]'),
    { timeout: 30_000 },
  );
  if (intent) {
    await page.hover('buy-tweet >>> [part="buy-button"]');
    // Give the prefetch time to finish, as a buyer reading the card would.
    await new Promise((resolve) => setTimeout(resolve, phone ? 3000 : 1000));
  }
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('buy-tweet');
        const start = performance.now();
        el.shadowRoot.querySelector('[part="buy-button"]').click();
        const check = () => {
          const dialog = el.shadowRoot.querySelector('buy-tweet-checkout')?.shadowRoot?.querySelector('dialog');
          if (dialog?.open) requestAnimationFrame(() => resolve(performance.now() - start));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  await page.close();
  return ms;
};

for (const phone of [false, true]) {
  for (const intent of [false, true]) {
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await pressToDialog({ intent, phone }));
    console.log(`${phone ? 'phone-like' : 'this machine'}, ${intent ? 'after intent' : 'cold'}: ${overRuns(times)}`);
  }
}

await browser.close();
await demo.close();
