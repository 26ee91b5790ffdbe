import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';

import { mock } from '../setup.js';
import { buyButton, card, checkoutOf, dialogOf, payReady, receiptOf, useFakeStripe } from './helpers.js';

useFakeStripe();

/** The focused element, through every shadow root. */
const focused = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** A short name for the focused element: its `name`, `autocomplete`, part, or text. */
const where = () => {
  const el = focused() as HTMLElement | null;
  if (!el) return 'nothing';
  return (
    el.getAttribute('name') ??
    el.getAttribute('autocomplete') ??
    el.getAttribute('part') ??
    el.getAttribute('aria-label') ??
    `${el.tagName.toLowerCase()}:${el.textContent!.replace(/\s+/g, ' ').trim()}`
  );
};

const tab = async (times = 1, shift = false) => {
  if (shift) await sendKeys({ down: 'Shift' });
  for (let i = 0; i < times; i++) await sendKeys({ press: 'Tab' });
  if (shift) await sendKeys({ up: 'Shift' });
};

/** Counts the keys pressed (Tab, Enter, Space, arrows), not the characters typed. */
let presses = 0;
const press = async (key: string, times = 1) => {
  for (let i = 0; i < times; i++) {
    presses++;
    await sendKeys({ press: key });
  }
};

describe('checkout by keyboard alone', () => {
  beforeEach(() => (presses = 0));

  for (const nested of [false, true]) {
    const place = nested ? ', inside another component’s shadow root' : '';
    it(`buys on one screen with Tab, Enter, Space and typing, in a sensible focus order${place}`, async () => {
      const el = await card('https://gumroad.com/l/new-album', { nested });
      buyButton(el).focus();
      await press('Enter');
      await waitUntil(() => dialogOf(el)?.open, 'Enter on Buy did not open the checkout');
      await waitUntil(() => where() === 'h2:Checkout', `focus is on ${where()}, not the dialog's heading`);
      await waitUntil(() => payReady(el), 'the payment form did not come');

      const order: string[] = [];
      for (let i = 0; i < 9; i++) {
        await tab();
        order.push(where());
      }
      expect(order).to.deep.equal([
        'Close',
        'variantId',
        'quantity',
        'email',
        'cc-number',
        'cc-exp',
        'cc-csc',
        'remember',
        'pay-button',
      ]);

      await tab(7, true); // back to the options
      expect(where()).to.equal('variantId');
      await sendKeys({ press: 'ArrowDown' });
      await tab(2);
      expect(where()).to.equal('email');
      await sendKeys({ type: 'keys@example.com' });
      await tab();
      expect(where()).to.equal('cc-number');
      await sendKeys({ type: '4242424242424242' });
      await tab();
      await sendKeys({ type: '1234' });
      await tab();
      await sendKeys({ type: '123' });
      await tab(2);
      expect(where()).to.equal('pay-button');
      const purchased = oneEvent(el, 'buy-tweet-purchase');
      await sendKeys({ press: 'Space' });
      await purchased;
      expect((mock.requests.find((r) => r.route === 'orders')!.body as { variantId: string }).variantId).to.equal(
        'var_flac',
      );
      await waitUntil(() => where() === 'h3:Your order is confirmed', `focus is on ${where()}, not the receipt`);
      expect(receiptOf(el)).to.not.equal(null);

      await tab(2);
      expect(where()).to.equal('button:Done');
      const closed = oneEvent(el, 'buy-tweet-close');
      await sendKeys({ press: 'Enter' });
      expect((await closed).detail.reason).to.equal('completed');
      expect(focused()).to.equal(buyButton(el));
    });
  }

  // The count the README gives (issue 16: at most 12 keys besides the typed email and card).
  for (const [what, product, most] of [
    ['an album with options and quantity', 'https://gumroad.com/l/new-album', 11],
    ['an e-book', 'https://buy.stripe.com/test_6oE5lY0aB1cD', 9],
  ] as const) {
    it(`buys ${what} from Buy to receipt in ${most} key presses besides the typed email and card`, async () => {
      const el = await card(product);
      buyButton(el).focus();
      await press('Enter');
      await waitUntil(() => payReady(el), 'the payment form did not come');
      while (where() !== 'email') await press('Tab');
      await sendKeys({ type: 'keys@example.com' });
      await press('Tab');
      await sendKeys({ type: '4242424242424242' });
      await press('Tab');
      await sendKeys({ type: '1234' });
      await press('Tab');
      await sendKeys({ type: '123' });
      while (where() !== 'pay-button') await press('Tab');
      const purchased = oneEvent(el, 'buy-tweet-purchase');
      await press('Enter');
      await purchased;
      expect(presses).to.equal(most);
    });
  }

  it('closes on Escape and gives focus back to Buy', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    buyButton(el).focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => dialogOf(el)?.open, 'Space on Buy did not open the checkout');
    await checkoutOf(el).updateComplete;
    const closed = oneEvent(el, 'buy-tweet-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.reason).to.equal('dismissed');
    expect(dialogOf(el)!.open).to.equal(false);
    expect(focused()).to.equal(buyButton(el));
  });
});
