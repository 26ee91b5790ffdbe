// Buy in one tap (docs/publishers/checkout.md, "Wallets"): the Express Checkout Element above the
// form, on a fake device with Apple Pay. Buy, then the wallet's button, and nothing typed: the
// order is made from the dialog's choices and the wallet's email and address, and paid within the
// wallet's `confirm`.
import { expect, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import '../../src/define.js';
import { mock } from '../setup.js';
import { waitUntil } from '../wait.js';
import {
  card,
  checkoutOf,
  dialogOf,
  expressContainer,
  inDialog,
  openCheckout,
  orderRequests,
  payReady,
  receiptOf,
  textOf,
  useFakeStripe,
} from './helpers.js';

const stripe = useFakeStripe({ delay: 20, wallets: ['apple_pay'] });
afterEach(() => localStorage.clear());

/** The fake device's Apple Pay button, in the Express Checkout Element's container. */
const applePay = (el: BuyTweetElement) =>
  expressContainer(el)
    ?.querySelector('.buy-tweet-fake-stripe-express')
    ?.shadowRoot?.querySelector<HTMLButtonElement>('button[aria-label="Apple Pay"]') ?? null;

/** Buy, by mouse, and wait for the wallet's button. */
const openWithWallets = async (el: BuyTweetElement) => {
  await openCheckout(el);
  await waitUntil(() => applePay(el) && inDialog(el, '.express[data-wallets]'), 'no Apple Pay button');
};

const calls = (method: string) => stripe.calls.filter((call) => call.method === method);

describe('wallets: Buy, then one tap', () => {
  it('buys a digital product with Buy and Apple Pay, nothing typed', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    let clicks = 1; // Buy
    await openWithWallets(el);
    expect(textOf(inDialog(el, '.or'))).to.equal('Or pay another way');
    await expect(checkoutOf(el)).to.be.accessible();
    const purchased = oneEvent(el, 'buy-tweet-purchase');
    applePay(el)!.click();
    clicks++;
    const { detail } = await purchased;
    expect(clicks).to.equal(2);
    expect(detail.order.status).to.equal('paid');
    await waitUntil(() => receiptOf(el), 'no receipt');

    // The sheet showed the line and the total the buyer saw, asked for an email, and no address.
    expect(calls('expressCheckout.resolve').at(-1)!.args[0]).to.deep.equal({
      emailRequired: true,
      lineItems: [{ name: 'New Album (Digital) (MP3) × 1', amount: 999 }],
    });
    const [request] = orderRequests();
    expect(orderRequests()).to.have.length(1);
    expect(request.body).to.deep.include({
      variantId: 'var_mp3',
      quantity: 1,
      email: 'jenny.rosen@example.com',
      shipping: null,
      expectedTotal: { amount: 999, currency: 'USD' },
    });
    // Stripe's order of things, within the confirm handler.
    const sequence = stripe.calls
      .map((call) => call.method)
      .filter((method) => ['expressCheckout.confirm', 'elements.submit', 'stripe.confirmPayment'].includes(method));
    expect(sequence.slice(-3)).to.deep.equal(['expressCheckout.confirm', 'elements.submit', 'stripe.confirmPayment']);
    expect(textOf(receiptOf(el))).to.contain('jenny.rosen@example.com');
    expect(mock.ordersCreated).to.equal(1);
  });

  it('asks the wallet for a shipping address for a product that ships, and sends it', async () => {
    const el = await card('https://theband.gumroad.com/l/tour-poster');
    await openWithWallets(el);
    const purchased = oneEvent(el, 'buy-tweet-purchase');
    applePay(el)!.click();
    await purchased;
    expect(calls('expressCheckout.resolve').at(-1)!.args[0]).to.deep.include({
      shippingAddressRequired: true,
      shippingRates: [{ id: 'included', displayName: 'Shipping included', amount: 0 }],
    });
    expect((orderRequests()[0].body as { shipping: unknown }).shipping).to.deep.equal({
      name: 'Jenny Rosen',
      line1: '510 Townsend St',
      line2: '',
      city: 'San Francisco',
      region: 'CA',
      postalCode: '94103',
      country: 'US',
    });
  });

  it('ends the sheet with paymentFailed when the partner refuses the order, and says why in the dialog', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    await openWithWallets(el);
    mock.updateProduct('prod_album', { availability: 'sold_out' });
    const failed = oneEvent(el, 'buy-tweet-error');
    applePay(el)!.click();
    expect((await failed).detail).to.include({ code: 'sold_out', step: 'order' });
    await waitUntil(() => calls('expressCheckout.paymentFailed').length, 'the sheet was not ended');
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.error'))).to.equal('Sorry, this just sold out. Nothing was charged.');
    expect(mock.ordersCreated).to.equal(0);
  });

  it('pays again on the same order after the wallet is declined', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    await openWithWallets(el);
    stripe.nextOutcome('card_declined');
    const failed = oneEvent(el, 'buy-tweet-error');
    applePay(el)!.click();
    expect((await failed).detail).to.include({ code: 'payment_failed', step: 'payment' });
    await waitUntil(() => calls('expressCheckout.paymentFailed').length, 'the sheet was not ended');
    await waitUntil(() => payReady(el), 'Pay did not come back');
    const purchased = oneEvent(el, 'buy-tweet-purchase');
    applePay(el)!.click();
    await purchased;
    expect(orderRequests()).to.have.length(1);
    expect(mock.ordersCreated).to.equal(1);
  });

  it('changes nothing when the buyer dismisses the sheet', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    await openWithWallets(el);
    stripe.nextWalletOutcome('cancel');
    applePay(el)!.click();
    await waitUntil(() => calls('expressCheckout.cancel').length, 'no cancel');
    expect(orderRequests()).to.have.length(0);
    expect(payReady(el)).to.equal(true);
    expect(dialogOf(el)!.open).to.equal(true);
  });

  describe('on a phone, 375 px wide, in Arabic', () => {
    before(() => setViewport({ width: 375, height: 800 }));
    after(() => setViewport({ width: 800, height: 600 }));

    it('draws the wallets above the form, right to left, within the screen, and buys in one tap', async () => {
      const el = await card('https://gumroad.com/l/new-album', { lang: 'ar' });
      await openWithWallets(el);
      const dialog = dialogOf(el)!;
      expect(getComputedStyle(dialog).direction).to.equal('rtl');
      expect(textOf(inDialog(el, '.or'))).to.equal('أو ادفع بطريقة أخرى');
      const wallet = applePay(el)!.getBoundingClientRect();
      const email = inDialog(el, '[name="email"]')!.getBoundingClientRect();
      expect(wallet.bottom).to.be.at.most(email.top);
      expect(wallet.left).to.be.at.least(0);
      expect(wallet.right).to.be.at.most(375);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth);
      await expect(checkoutOf(el)).to.be.accessible();
      const purchased = oneEvent(el, 'buy-tweet-purchase');
      applePay(el)!.click();
      await purchased;
      await waitUntil(() => receiptOf(el), 'no receipt');
    });
  });
});
