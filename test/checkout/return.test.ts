// Back from a payment method that left the page (docs/publishers/checkout.md): in a frame, since the test page
// itself must not leave. The frame's page reloads at return_url with Stripe's parameters, and its
// <buy-tweet> opens the checkout at the outcome.
import { expect } from '@open-wc/testing';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { fakeStripeCards } from '../../src/mock/stripe/index.js';
import type { ReturnPage } from '../pages/checkout-return.js';
import { waitUntil } from '../wait.js';
import '../setup.js';
import { buyButton, dialogOf, fill, fillCard, inDialog, payButton, receiptOf, textOf } from './helpers.js';

const loaded = (frame: HTMLIFrameElement) =>
  new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
const elementIn = (frame: HTMLIFrameElement) => frame.contentDocument!.querySelector('buy-tweet') as BuyTweetElement;
const pageOf = (frame: HTMLIFrameElement) => frame.contentWindow as unknown as ReturnPage & Window;

/** The page in a frame, its card shown, the album's checkout open with the buyer's email. */
const toPayment = async () => {
  const frame = document.createElement('iframe');
  frame.src = '/test/pages/checkout-return.html?from=tweet#top';
  const first = loaded(frame);
  document.body.append(frame);
  await first;
  const el = elementIn(frame);
  await waitUntil(() => el.product, 'no card in the frame');
  await el.updateComplete;
  buyButton(el).click();
  await waitUntil(() => dialogOf(el)?.open, 'the checkout did not open');
  await waitUntil(() => payButton(el)?.getAttribute('aria-disabled') === 'false', 'no payment form');
  await fill(el, 'email', 'buyer@example.com');
  return { frame, el };
};

/** Pays with a card whose method leaves the page, and gives the element of the page that came back. */
const payAndReturn = async (frame: HTMLIFrameElement, el: BuyTweetElement, card: string) => {
  fillCard(el, card);
  const back = loaded(frame);
  payButton(el).click();
  await back;
  const again = elementIn(frame);
  await waitUntil(() => dialogOf(again)?.open, 'the checkout did not open on return');
  return again;
};

const attemptsIn = (frame: HTMLIFrameElement) =>
  Object.keys(frame.contentWindow!.sessionStorage).filter((key) => key.startsWith('buy-tweet:attempt'));

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('back from a payment method that left the page', () => {
  it("opens the receipt, tells the page once, and takes Stripe's parameters off the address bar", async () => {
    const { frame, el } = await toPayment();
    const again = await payAndReturn(frame, el, fakeStripeCards.redirect);
    await waitUntil(() => receiptOf(again), 'no receipt after the return');
    const page = pageOf(frame);
    expect(page.location.search).to.equal('?from=tweet');
    expect(page.location.hash).to.equal('#top');
    await waitUntil(() => page.heard.some((event) => event.type === 'buy-tweet-purchase'), 'no purchase event');
    const purchases = page.heard.filter((event) => event.type === 'buy-tweet-purchase');
    expect(purchases).to.have.length(1);
    const { order } = purchases[0].detail as { order: Record<string, unknown> };
    expect(order.status).to.equal('paid');
    expect(order).to.not.have.property('payment');
    expect(textOf(receiptOf(again))).to.contain('buyer@example.com');
    expect(attemptsIn(frame)).to.deep.equal([]);
    // The page that came back created no order: it read the one it had.
    const posted = page.performance.getEntriesByType('resource').filter((entry) => /\/orders$/.test(entry.name));
    expect(posted).to.have.length(0);
  });

  it('shows a failed return in the dialog and pays again on the same order', async () => {
    const { frame, el } = await toPayment();
    const again = await payAndReturn(frame, el, fakeStripeCards.redirectFailed);
    await waitUntil(() => inDialog(again, '.error'), 'no failure shown');
    expect(textOf(inDialog(again, '.error'))).to.equal('Your card was declined.');
    expect(pageOf(frame).location.search).to.equal('?from=tweet');
    await waitUntil(() => payButton(again).getAttribute('aria-disabled') === 'false', 'no Pay again');
    expect(textOf(dialogOf(again))).to.not.match(/ord_/);
    fillCard(again, fakeStripeCards.succeeds);
    payButton(again).click();
    await waitUntil(() => receiptOf(again), 'no receipt');
    expect(pageOf(frame).heard.filter((event) => event.type === 'buy-tweet-purchase')).to.have.length(1);
    // Paid again on the order it had: the page that came back created none.
    const posted = pageOf(frame)
      .performance.getEntriesByType('resource')
      .filter((entry) => /\/orders$/.test(entry.name));
    expect(posted).to.have.length(0);
  });
});
