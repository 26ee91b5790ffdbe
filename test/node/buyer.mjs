// A buyer in headless Chromium (puppeteer): the first card's Buy, email, the test card, Pay, and
// the receipt, as the offline README page and the partner demo are bought from.
import { poll } from './cli-process.mjs';

/** Finds `selector` in the first card's checkout dialog, in the page. */
const inCheckout = (selector) =>
  document
    .querySelector('buy-tweet')
    .shadowRoot.querySelector('buy-tweet-checkout')
    ?.shadowRoot.querySelector(selector);
/** The fake Stripe's card field, in the Payment Element's container. */
const cardField = (autocomplete) =>
  document
    .querySelector('buy-tweet [slot="payment"] .buy-tweet-fake-stripe')
    ?.shadowRoot.querySelector(`[autocomplete="${autocomplete}"]`);

/** Buys the first card's product with Stripe's test card 4242; gives the order id the receipt shows. */
export const buyWithTestCard = async (page) => {
  await page.evaluate(`window.inCheckout = ${inCheckout}; window.cardField = ${cardField};`);
  const inPage = (code) => page.evaluate(code);
  await poll(() => inPage('Boolean(document.querySelector("buy-tweet").product)'), { what: 'the card' });
  await inPage('document.querySelector("buy-tweet").shadowRoot.querySelector("[part=buy-button]").click()');
  await poll(() => inPage('Boolean(inCheckout("dialog[open] [name=email]"))'), { what: 'the checkout' });
  await inPage('inCheckout("[name=email]").focus()');
  await page.keyboard.type('buyer@example.com');
  await poll(() => inPage('Boolean(cardField("cc-number"))'), { what: 'the payment form' });
  await inPage('cardField("cc-number").focus()');
  await page.keyboard.type('4242424242424242');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1234');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  await inPage('inCheckout("[part=pay-button]").click()');
  return poll(() => inPage('inCheckout("[part=receipt] dd")?.textContent'), { what: 'the receipt' });
};
