// Stripe.js mounts the Payment Element only into the document's own tree (docs/publishers/checkout.md), and the
// fake refuses anything else as Stripe.js does: these purchases pass only if the container is
// outside every shadow root, whether <buy-tweet> is in the page or in another component's shadow root.
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import '../../src/define.js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';

import {
  buyButton,
  card,
  checkoutOf,
  dialogHostOf,
  dialogOf,
  fill,
  fillCard,
  openCheckout,
  payButton,
  paymentContainer,
  receiptOf,
  useFakeStripe,
} from './helpers.js';

const stripe = useFakeStripe();

const ALBUM = 'https://gumroad.com/l/new-album';

/** The layers the checkout drew in document.body. */
const layers = () => document.body.querySelectorAll(':scope > buy-tweet-checkout-layer');

const defaultSlotOf = (el: BuyTweetElement) => el.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;

/** Asserts the Payment Element's container is in the document's own tree and shown in the open dialog. */
const expectShownInDialog = (el: BuyTweetElement) => {
  const dialog = dialogOf(el)!;
  const container = paymentContainer(el)!;
  expect(dialog.open).to.equal(true);
  expect(container.getRootNode()).to.equal(document);
  expect(dialog.querySelector<HTMLSlotElement>('slot[name="payment"]')!.assignedElements({ flatten: true })).to.include(
    container,
  );
  const box = container.getBoundingClientRect();
  const frame = dialog.getBoundingClientRect();
  expect(box.width).to.be.above(0);
  expect(box.height).to.be.above(0);
  expect(box.left).to.be.at.least(frame.left);
  expect(box.right).to.be.at.most(frame.right);
  // Not part of the embedded tweet that <buy-tweet> reads.
  expect(defaultSlotOf(el).assignedNodes()).to.not.include(container);
  return container;
};

for (const nested of [false, true]) {
  const where = nested ? 'inside another component’s shadow root' : 'in the page';

  describe(`checkout with <buy-tweet> ${where}`, () => {
    it('buys through a Payment Element in the document’s own tree, shown in the dialog', async () => {
      const el = await card(ALBUM, { nested });
      const heard: string[] = [];
      const note = (event: Event) => heard.push(event.type);
      for (const type of ['buy-tweet-purchase', 'buy-tweet-close'] as const) document.addEventListener(type, note);
      try {
        // Made only when the checkout opens.
        expect(el.querySelector('[slot="payment"]')).to.equal(null);
        await openCheckout(el);
        await fill(el, 'email', 'buyer@example.com');
        const container = expectShownInDialog(el);
        expect(container.parentElement).to.equal(nested ? dialogHostOf(el) : el);
        await expect(dialogHostOf(el)).to.be.accessible();

        fillCard(el, '4242 4242 4242 4242');
        const purchased = oneEvent(el, 'buy-tweet-purchase');
        payButton(el).click();
        const { detail } = await purchased;
        expect(detail.order).to.include({ status: 'paid' });
        await waitUntil(() => receiptOf(el), 'no receipt');

        const closed = oneEvent(el, 'buy-tweet-close');
        receiptOf(el)!.querySelector('button')!.click();
        expect((await closed).detail.reason).to.equal('completed');
        // The next purchase starts afresh, and so does its payment form.
        expect(container.isConnected).to.equal(false);
        expect(el.shadowRoot!.activeElement).to.equal(buyButton(el));
        // Heard once each on the document, as from <buy-tweet> in the page.
        expect(heard).to.deep.equal(['buy-tweet-purchase', 'buy-tweet-close']);
      } finally {
        for (const type of ['buy-tweet-purchase', 'buy-tweet-close'] as const) document.removeEventListener(type, note);
      }
    });

    it('declines in the dialog and pays again in the same form', async () => {
      const el = await card(ALBUM, { nested });
      await openCheckout(el);
      await fill(el, 'email', 'buyer@example.com');
      const container = paymentContainer(el);
      fillCard(el, '4000 0000 0000 0002');
      const failed = oneEvent(el, 'buy-tweet-error');
      payButton(el).click();
      expect((await failed).detail.code).to.equal('payment_failed');
      await checkoutOf(el).updateComplete;
      await expect(dialogHostOf(el)).to.be.accessible();
      expect(paymentContainer(el)).to.equal(container);
      fillCard(el, '4242 4242 4242 4242');
      payButton(el).click();
      await waitUntil(() => receiptOf(el), 'no receipt');
    });
  });
}

describe('checkout with <buy-tweet> in the page', () => {
  it('draws the dialog in <buy-tweet>’s shadow root, where ::part(dialog) styles it', async () => {
    const style = document.createElement('style');
    style.textContent = 'buy-tweet::part(dialog) { outline: 3px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const el = await card(ALBUM);
      const dialog = await openCheckout(el);
      expect(dialogHostOf(el)).to.equal(checkoutOf(el));
      expect(layers()).to.have.length(0);
      expect(getComputedStyle(dialog).outlineColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });
});

describe('checkout with <buy-tweet> inside another component’s shadow root', () => {
  it('draws the dialog in a layer of document.body, with <buy-tweet>’s theme and custom properties', async () => {
    const el = await card(ALBUM, { nested: true });
    el.style.setProperty('--buy-tweet-accent', 'rgb(122, 43, 214)');
    el.theme = 'dark';
    await el.updateComplete;
    await openCheckout(el);
    const layer = dialogHostOf(el);
    expect(layer.parentElement).to.equal(document.body);
    expect(layer.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(dialogOf(el)!).backgroundColor).to.equal('rgb(21, 32, 43)');
    await fill(el, 'email', 'buyer@example.com');
    expect(getComputedStyle(payButton(el)).backgroundColor).to.equal('rgb(122, 43, 214)');
    const { appearance } = stripe.calls.filter((call) => call.method === 'stripe.elements').at(-1)!.args[0] as {
      appearance: { theme: string; variables: { colorPrimary: string } };
    };
    expect(appearance.theme).to.equal('night');
    expect(appearance.variables.colorPrimary).to.equal('rgb(122, 43, 214)');
  });

  it('keeps the layer while <buy-tweet> moves, and takes it away when <buy-tweet> goes', async () => {
    const el = await card(ALBUM, { nested: true });
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    const layer = dialogHostOf(el);
    const container = paymentContainer(el)!;
    const root = el.getRootNode() as ShadowRoot;

    root.append(el); // a move: out and back in within one task
    await Promise.resolve();
    expect(layer.isConnected).to.equal(true);
    expect(container.isConnected).to.equal(true);

    el.remove();
    await waitUntil(() => !layer.isConnected, 'the layer stayed in document.body');
    expect(container.isConnected).to.equal(false);
    expect(layers()).to.have.length(0);

    // Back on the page: the checkout opens where the buyer left it, with a new payment form.
    root.append(el);
    await openCheckout(el);
    await waitUntil(() => paymentContainer(el), 'no payment form after coming back');
    expectShownInDialog(el);
    expect(layers()).to.have.length(1);
  });
});
