// `npm run demo:partner` (issue 10's done-when): a purchase in the demo runs against the reference
// partner, with the test-mode Stripe in the page and Stripe's signed webhook telling the partner.
// In headless Chromium, as a buyer would: Buy, email, card, Pay, receipt; then the partner's word.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startPartnerDemo } from '../../scripts/demo-partner.mjs';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';
import { poll } from '../node/cli-process.mjs';

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

/** Finds `selector` in the first card's checkout dialog, in the page. */
const inCheckout = (selector) =>
  document.querySelector('buy-tweet').shadowRoot.querySelector('buy-tweet-checkout')?.shadowRoot.querySelector(selector);
/** The fake Stripe's card field, in the Payment Element's container. */
const cardField = (autocomplete) =>
  document.querySelector('buy-tweet [slot="payment"] .buy-tweet-fake-stripe')?.shadowRoot.querySelector(`[autocomplete="${autocomplete}"]`);

test('a purchase against the reference partner ends paid, with the receipt Stripe gave', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => ['error', 'warn'].includes(message.type()) && problems.push(message.text()));
  await page.goto(demo.url);
  // The page's own helpers, defined from the functions above.
  await page.evaluate(`window.inCheckout = ${inCheckout}; window.cardField = ${cardField};`);
  const inPage = (code) => page.evaluate(code);

  await poll(() => inPage('Boolean(document.querySelector("buy-tweet").product)'), { what: 'the card' });
  await inPage('document.querySelector("buy-tweet").shadowRoot.querySelector("[part=buy-button]").click()');
  await poll(() => inPage('Boolean(inCheckout("dialog[open] [name=email]"))'), { what: 'the checkout' });
  await inPage('inCheckout("[name=email]").focus()');
  await page.keyboard.type('buyer@example.com');
  await page.keyboard.press('Enter');
  await poll(() => inPage('Boolean(cardField("cc-number"))'), { what: 'the payment form' });
  await inPage('cardField("cc-number").focus()');
  await page.keyboard.type('4242424242424242');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1234');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  await inPage('inCheckout("[part=pay-button]").click()');
  const orderId = await poll(() => inPage('inCheckout("[part=receipt] dd")?.textContent'), { what: 'the receipt' });

  // The partner's own word, after Stripe's webhook.
  const order = await (await fetch(`${demo.partner.endpoint}/orders/${orderId}`)).json();
  assert.equal(order.status, 'paid');
  assert.match(order.receiptUrl, /^https:\/\/pay\.stripe\.com\/receipts\//);
  assert.deepEqual(order.total, { amount: 999, currency: 'USD' });
  assert.deepEqual(problems, []);
});
