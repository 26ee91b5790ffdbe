import { sendKeys, setViewport } from '@web/test-runner-commands';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import '../../src/define.js';

import { mock } from '../setup.js';
import {
  buy,
  buyButton,
  CARD_OK,
  card,
  checkoutOf,
  dialogOf,
  fill,
  fillCard,
  inDialog,
  openCheckout,
  orderRequests,
  payButton,
  paymentContainer,
  receiptOf,
  textOf,
  useFakeStripe,
} from './helpers.js';

const stripe = useFakeStripe();
afterEach(() => localStorage.clear());

describe('checkout: a whole purchase', () => {
  it('buys a digital product with a variant: order once, pay, receipt, purchase event', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    const dialog = await openCheckout(el);
    expect(dialog.getAttribute('part')).to.equal('dialog');
    await expect(checkoutOf(el)).to.be.accessible();

    await fill(el, 'variantId', 'var_flac');
    await fill(el, 'quantity', '2');
    await fill(el, 'email', 'buyer@example.com');
    expect(textOf(inDialog(el, '.total'))).to.equal('Total $25.98');
    expect(textOf(payButton(el))).to.equal('Pay $25.98');
    // One screen: Stripe's Elements made for the total shown, kept to it; no order before Pay.
    expect(stripe.calls.filter((call) => call.method === 'stripe.elements').at(-1)!.args[0]).to.include({
      mode: 'payment',
      amount: 999,
      currency: 'usd',
    });
    expect(stripe.calls.filter((call) => call.method === 'elements.update').map((call) => call.args[0])).to.deep.equal([
      { amount: 1299 },
      { amount: 2598 },
    ]);
    // No order id before the receipt.
    expect(textOf(dialog)).to.not.match(/ord_/);
    expect(orderRequests()).to.have.length(0);
    // A device without wallets: the wallet area takes no room.
    expect(stripe.calls.some((call) => call.method === 'expressCheckoutElement.mount')).to.equal(true);
    expect(inDialog(el, '.express')!.getBoundingClientRect().height).to.equal(0);
    expect(inDialog(el, '.or')).to.equal(null);
    await expect(checkoutOf(el)).to.be.accessible();

    fillCard(el, CARD_OK);
    const purchased = oneEvent(el, 'buy-tweet-purchase');
    payButton(el).click();
    const { detail } = await purchased;
    const [request] = orderRequests();
    expect(orderRequests()).to.have.length(1);
    expect(request.headers['idempotency-key']).to.match(/^[0-9a-f]{32}$/);
    expect(request.body).to.deep.equal({
      productId: 'prod_album',
      variantId: 'var_flac',
      quantity: 2,
      email: 'buyer@example.com',
      shipping: null,
      expectedTotal: { amount: 2598, currency: 'USD' },
      source: {
        // Origin and path only: the page's query and fragment are nobody else's business.
        pageUrl: location.origin + location.pathname,
        tweetId: '509074208133345280',
        tweetUrl: 'https://twitter.com/theband/status/509074208133345280',
      },
    });
    expect(detail.product.id).to.equal('prod_album');
    expect(detail.order).to.include({ status: 'paid' });
    expect(detail.order.receiptUrl).to.match(/\/__mock\/receipts\/ord_/);
    expect(mock.requests.filter((r) => r.route === 'order')).to.have.length(1);
    await checkoutOf(el).updateComplete;

    const receipt = receiptOf(el)!;
    expect(textOf(receipt)).to.contain(detail.order.id);
    expect(textOf(receipt)).to.contain('New Album (Digital) (FLAC) × 2');
    expect(textOf(receipt)).to.contain('$25.98');
    expect(textOf(receipt)).to.contain('buyer@example.com');
    expect(receipt.querySelector('a')!.href).to.equal(detail.order.receiptUrl);
    await expect(checkoutOf(el)).to.be.accessible();

    const closed = oneEvent(el, 'buy-tweet-close');
    inDialog<HTMLButtonElement>(el, '[part="receipt"] button')!.click();
    expect((await closed).detail).to.deep.equal({ reason: 'completed' });
    expect(mock.ordersCreated).to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal(buyButton(el));
  });

  it('asks for a shipping address, checks it first, and sends it', async () => {
    const el = await card('https://theband.gumroad.com/l/tour-poster');
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    fillCard(el, CARD_OK);
    payButton(el).click();
    await checkoutOf(el).updateComplete;
    expect(orderRequests()).to.have.length(0);
    const name = inDialog<HTMLInputElement>(el, '[name="shipping.name"]')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('autocomplete')).to.equal('shipping name');
    expect(textOf(inDialog(el, '#shipping\\.name-error'))).to.equal('Enter your full name.');
    expect((checkoutOf(el).renderRoot as ShadowRoot).activeElement).to.equal(name);
    await expect(checkoutOf(el)).to.be.accessible();

    await fill(el, 'shipping.name', 'Ada Lovelace');
    await fill(el, 'shipping.line1', '1 Main St');
    await fill(el, 'shipping.city', 'Springfield');
    await fill(el, 'shipping.region', 'IL');
    await fill(el, 'shipping.postalCode', '62701');
    await buy(el);
    expect((orderRequests()[0].body as { shipping: unknown }).shipping).to.deep.equal({
      name: 'Ada Lovelace',
      line1: '1 Main St',
      line2: '',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    });
  });

  it("shows Stripe's card form in the buyer's language: Arabic, right to left", async () => {
    const el = await card('https://gumroad.com/l/new-album', { lang: 'ar' });
    await openCheckout(el);
    const form = paymentContainer(el)!.querySelector<HTMLElement>('.buy-tweet-fake-stripe')!;
    expect([form.lang, form.dir]).to.deep.equal(['ar', 'rtl']);
    expect(stripe.calls.filter((call) => call.method === 'stripe.elements').at(-1)!.args[0]).to.include({
      locale: 'ar',
    });
  });

  it('buys in yen, a currency without minor units', async () => {
    const el = await card('https://tokyoband.musictoday.com/live-cd', { lang: 'ja-JP' });
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.jp');
    for (const [name, value] of [
      ['shipping.name', '山田太郎'],
      ['shipping.line1', '1-1 Chiyoda'],
      ['shipping.city', 'Tokyo'],
      ['shipping.postalCode', '100-0001'],
    ]) {
      await fill(el, name, value);
    }
    expect(inDialog<HTMLSelectElement>(el, '[name="shipping.country"]')!.value).to.equal('JP');
    expect(stripe.calls.filter((call) => call.method === 'stripe.elements').at(-1)!.args[0]).to.include({
      amount: 3300,
      currency: 'jpy',
    });
    expect(textOf(payButton(el))).to.match(/3,300/);
    await buy(el);
    expect((orderRequests()[0].body as { expectedTotal: unknown }).expectedTotal).to.deep.equal({
      amount: 3300,
      currency: 'JPY',
    });
    expect(textOf(receiptOf(el))).to.match(/3,300/);
  });
});

describe('checkout: closing, reopening, remembering', () => {
  it('closes on Escape as dismissed, returns focus to Buy, and keeps what was typed', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    await openCheckout(el);
    await fill(el, 'email', 'kept@example.com');
    await fill(el, 'quantity', '2');
    const closed = oneEvent(el, 'buy-tweet-close');
    // A real Escape: the browser cancels the modal dialog, as it would for the buyer.
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail).to.deep.equal({ reason: 'dismissed' });
    expect(dialogOf(el)!.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(buyButton(el));
    await openCheckout(el);
    expect(inDialog<HTMLInputElement>(el, '[name="email"]')!.value).to.equal('kept@example.com');
    expect(inDialog<HTMLInputElement>(el, '[name="quantity"]')!.value).to.equal('2');
  });

  it('open() does what Buy does, and preventDefault keeps the checkout closed', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    // The signal: a second card's checkout, asked for after this one's, which does open.
    const other = await card('https://gumroad.com/l/new-album');
    el.addEventListener('buy-tweet-open', (event) => event.preventDefault(), { once: true });
    el.open();
    other.open();
    await waitUntil(() => dialogOf(other)?.open, "the other card's checkout did not open");
    expect(dialogOf(el)?.open ?? false).to.equal(false);
    dialogOf(other)!.close();
    el.open();
    await waitUntil(() => dialogOf(el)?.open, 'open() did not open the checkout');
  });

  it('remembers email and address only when asked, never anything of payment, and forgets on request', async () => {
    const el = await card('https://theband.gumroad.com/l/tour-poster');
    await openCheckout(el);
    await fill(el, 'email', 'ada@example.com');
    for (const [name, value] of [
      ['shipping.name', 'Ada'],
      ['shipping.line1', '1 Main St'],
      ['shipping.city', 'Springfield'],
      ['shipping.postalCode', '62701'],
    ]) {
      await fill(el, name, value);
    }
    const box = inDialog<HTMLInputElement>(el, '[name="remember"]')!;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await buy(el);
    const stored = localStorage.getItem('buy-tweet:buyer')!;
    const { savedAt, ...buyer } = JSON.parse(stored);
    expect(buyer).to.deep.equal({
      email: 'ada@example.com',
      shipping: {
        name: 'Ada',
        line1: '1 Main St',
        line2: '',
        city: 'Springfield',
        region: '',
        postalCode: '62701',
        country: 'US',
      },
    });
    expect(savedAt).to.be.a('number');
    expect(stored).to.not.match(/4242|cvc|card/i);

    const other = await card('https://gumroad.com/l/new-album');
    await openCheckout(other);
    expect(inDialog<HTMLInputElement>(other, '[name="email"]')!.value).to.equal('ada@example.com');
    expect(inDialog<HTMLInputElement>(other, '[name="remember"]')!.checked).to.equal(true);
    inDialog<HTMLButtonElement>(other, '.remember button')!.click();
    await checkoutOf(other).updateComplete;
    expect(localStorage.getItem('buy-tweet:buyer')).to.equal(null);
    expect(inDialog<HTMLInputElement>(other, '[name="email"]')!.value).to.equal('');
  });

  describe('on a phone, 375 px wide', () => {
    before(() => setViewport({ width: 375, height: 800 }));
    after(() => setViewport({ width: 800, height: 600 }));

    // The German label of a product that ships takes two lines here; in every language the box
    // stays at the label's start, beside its first line.
    for (const lang of ['en', 'de', 'ar']) {
      it(`keeps the remember-me box beside the first line of its label (${lang})`, async () => {
        const el = await card('https://musictoday.com/store/theband/tour-tee', { lang });
        await openCheckout(el);
        const box = inDialog(el, '[name="remember"]')!.getBoundingClientRect();
        const label = inDialog(el, 'label[for="remember"]')!;
        const text = document.createRange();
        text.selectNodeContents(label);
        const lines = [...new Set([...text.getClientRects()].map((rect) => Math.round(rect.top)))];
        const first = text.getClientRects()[0];
        if (lang === 'de') expect(lines, 'the label should wrap at this width').to.have.length.above(1);
        const middle = (box.top + box.bottom) / 2;
        expect(middle).to.be.within(first.top, first.bottom);
        if (lang === 'ar') expect(box.left).to.be.at.least(first.right);
        else expect(box.right).to.be.at.most(first.left);
      });
    }
  });

  it('stores nothing without the box ticked', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    await openCheckout(el);
    await fill(el, 'email', 'quiet@example.com');
    await buy(el);
    expect(localStorage.getItem('buy-tweet:buyer')).to.equal(null);
  });
});

describe('checkout: styling from the page', () => {
  it('exposes dialog, pay-button and receipt as parts of <buy-tweet>, and follows the custom properties', async () => {
    const style = document.createElement('style');
    style.textContent = `
      buy-tweet { --buy-tweet-accent: rgb(122, 43, 214); }
      buy-tweet::part(dialog) { outline: 3px solid rgb(1, 2, 3); }
      buy-tweet::part(pay-button) { letter-spacing: 3px; }
      buy-tweet::part(receipt) { word-spacing: 7px; }`;
    document.head.append(style);
    try {
      const el = await card('https://gumroad.com/l/new-album');
      const dialog = await openCheckout(el);
      expect(getComputedStyle(dialog).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(buyButton(el)).backgroundColor).to.equal('rgb(122, 43, 214)');
      await fill(el, 'email', 'buyer@example.com');
      expect(getComputedStyle(payButton(el)).letterSpacing).to.equal('3px');
      expect(getComputedStyle(payButton(el)).backgroundColor).to.equal('rgb(122, 43, 214)');
      await buy(el);
      expect(getComputedStyle(receiptOf(el)!).wordSpacing).to.equal('7px');
    } finally {
      style.remove();
    }
  });
});

describe('checkout: redirect checkout', () => {
  it("opens the partner's own checkout in a new tab with noopener, after buy-tweet-open", async () => {
    const el = await card('https://gum.co/photo-course');
    const opened: unknown[][] = [];
    const original = window.open;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    try {
      const open = oneEvent(el, 'buy-tweet-open');
      buyButton(el).click();
      await open;
    } finally {
      window.open = original;
    }
    expect(opened).to.deep.equal([
      ['https://gumroad.com/__mock/checkout/photo-course', '_blank', 'noopener,noreferrer'],
    ]);
    expect(dialogOf(el)).to.equal(null);
  });
});
