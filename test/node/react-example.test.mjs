// examples/react bundled as an app's bundler bundles it (esbuild, the example's tsconfig.json):
// `import 'buy-tweet'` defines the element before React renders, so React sets `tweet` as a
// property, and the example's page sells the album in Chromium, offline. Runs against the build
// (the mock partner server).
import { build } from 'esbuild';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startExample } from '../../examples/react/serve.mjs';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';

describe('examples/react', () => {
  test('bundled from main.tsx, it defines <buy-tweet> before it renders', async () => {
    const example = (path) => fileURLToPath(new URL(`../../examples/react/${path}`, import.meta.url));
    const { outputFiles } = await build({
      entryPoints: [example('main.tsx')],
      tsconfig: example('tsconfig.json'),
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const app = outputFiles[0].text;
    const defined = app.indexOf('customElements.define("buy-tweet"');
    const rendered = app.search(/createRoot\)?\(document\.getElementById\("root"\)\)/);
    assert.ok(defined >= 0, 'the bundle has no customElements.define("buy-tweet"): `import \'buy-tweet\'` was dropped');
    assert.ok(rendered > defined, 'React renders before <buy-tweet> is defined');
  });

  describe('its page in Chromium', () => {
    let example;
    let browser;
    before(async () => {
      example = await startExample({ port: 0, mockPort: 0 });
      browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs() });
    });
    after(async () => {
      await browser?.close();
      await example?.close();
    });

    test('shows the card, and React hears the purchase', async () => {
      const page = await browser.newPage();
      const problems = [];
      page.on('console', (message) => ['error', 'warn'].includes(message.type()) && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(example.url);
      const status = () => page.$eval('[role=status]', (node) => node.textContent);
      await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent, { timeout: 15_000 });
      assert.equal(await status(), 'On sale: New Album (Digital)');
      assert.equal(await page.$eval('buy-tweet', (el) => el.hasAttribute('tweet')), false, 'tweet is a property');

      await page.click('buy-tweet >>> [part="buy-button"]');
      await page.waitForSelector('buy-tweet >>> buy-tweet-checkout >>> dialog[open]');
      await page.type('buy-tweet >>> buy-tweet-checkout >>> input[name="email"]', 'buyer@example.com');
      await page.waitForSelector('.buy-tweet-fake-stripe >>> input[autocomplete="cc-number"]');
      await page.type('.buy-tweet-fake-stripe >>> input[autocomplete="cc-number"]', '4242 4242 4242 4242');
      await page.type('.buy-tweet-fake-stripe >>> input[autocomplete="cc-exp"]', '12 / 34');
      await page.type('.buy-tweet-fake-stripe >>> input[autocomplete="cc-csc"]', '123');
      await page.click('buy-tweet >>> buy-tweet-checkout >>> [part="pay-button"]');
      await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent.startsWith('Thank you'), {
        timeout: 15_000,
      });
      assert.match(await status(), /^Thank you: order ord_\w+$/);
      assert.deepEqual(problems, []);
    });
  });
});
