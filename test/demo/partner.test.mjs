// `npm run demo:partner` (issue 10's done-when): a purchase in the demo runs against the reference
// partner, with the test-mode Stripe in the page and Stripe's signed webhook telling the partner.
// In headless Chromium, as a buyer would: Buy, email, card, Pay, receipt; then the partner's word.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startPartnerDemo } from '../../scripts/demo-partner.mjs';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';
import { buyWithTestCard } from '../node/buyer.mjs';

let demo;
let browser;
before(async () => {
  demo = await startPartnerDemo({ port: 0, partnerPort: 0 });
  browser = await puppeteer.launch({ executablePath: findChrome(), args: chromeArgs() });
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

test('a purchase against the reference partner ends paid, with the receipt Stripe gave', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => ['error', 'warn'].includes(message.type()) && problems.push(message.text()));
  await page.goto(demo.url);
  const orderId = await buyWithTestCard(page);

  // The partner's own word, after Stripe's webhook.
  const order = await (await fetch(`${demo.partner.endpoint}/orders/${orderId}`)).json();
  assert.equal(order.status, 'paid');
  assert.match(order.receiptUrl, /^https:\/\/pay\.stripe\.com\/receipts\//);
  assert.deepEqual(order.total, { amount: 999, currency: 'USD' });
  assert.deepEqual(problems, []);
});
