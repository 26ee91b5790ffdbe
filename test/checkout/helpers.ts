import { fixture, html, oneEvent } from '@open-wc/testing';
import { render } from 'lit';
import { waitUntil } from '../wait.js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import type { BuyTweetCheckout } from '../../src/checkout/checkout.js';
import { installFakeStripe, type FakeStripeControl, type FakeStripeOptions } from '../../src/mock/stripe/index.js';
import { mock } from '../setup.js';

/**
 * A card for this product link, loaded; the embedded tweet gives the order its source. `nested`
 * puts it where a page's own component would: inside that component's (open) shadow root.
 */
export const card = async (
  productUrl: string,
  { lang = 'en-US', nested = false }: { lang?: string; nested?: boolean } = {},
) => {
  const loaded = oneEvent(document, 'buy-tweet-load');
  const tweet = html` <buy-tweet loading="eager" product-url=${productUrl} lang=${lang}>
    <blockquote class="twitter-tweet">
      <p lang="en" dir="ltr">Out now <a href="https://t.co/AbC123">example.com/x</a></p>
      &mdash; The Band (@theband) <a href="https://twitter.com/theband/status/509074208133345280">September 8, 2014</a>
    </blockquote>
  </buy-tweet>`;
  let el: BuyTweetElement;
  if (nested) {
    const component = await fixture<HTMLElement>(html`<div class="component"></div>`);
    const root = component.attachShadow({ mode: 'open' });
    render(tweet, root);
    el = root.querySelector('buy-tweet')!;
  } else {
    el = await fixture<BuyTweetElement>(tweet);
  }
  await loaded;
  await el.updateComplete;
  return el;
};

export const buyButton = (el: BuyTweetElement) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="buy-button"]')!;

export const checkoutOf = (el: BuyTweetElement) =>
  el.shadowRoot!.querySelector('buy-tweet-checkout') as BuyTweetCheckout;

export const dialogOf = (el: BuyTweetElement) => checkoutOf(el)?.renderRoot.querySelector('dialog') ?? null;

/** The element whose shadow root holds the dialog: the checkout, or its layer in document.body. */
export const dialogHostOf = (el: BuyTweetElement) => (dialogOf(el)!.getRootNode() as ShadowRoot).host as HTMLElement;

export const inDialog = <T extends Element = HTMLElement>(el: BuyTweetElement, selector: string) =>
  dialogOf(el)!.querySelector<T & Element>(selector) as T | null;

/** Pay, once Stripe's fields are mounted: the one screen is ready to pay. */
export const payReady = (el: BuyTweetElement) => payButton(el)?.getAttribute('aria-disabled') === 'false';

/**
 * Presses Buy and waits for the dialog to be open and, unless `mounted: false`, for Stripe's
 * fields to be mounted in it.
 */
export const openCheckout = async (el: BuyTweetElement, { mounted = true } = {}) => {
  buyButton(el).click();
  await waitUntil(() => dialogOf(el)?.open, 'the checkout did not open');
  if (mounted) await waitUntil(() => payReady(el) && paymentContainer(el), 'the payment form did not come');
  await checkoutOf(el).updateComplete;
  return dialogOf(el)!;
};

/** Types into a field of the dialog the way a browser reports it. */
export const fill = async (el: BuyTweetElement, name: string, value: string) => {
  const field = inDialog<HTMLInputElement | HTMLSelectElement>(el, `[name="${name}"]`)!;
  field.value = value;
  field.dispatchEvent(
    new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }),
  );
  await checkoutOf(el).updateComplete;
};

export const payButton = (el: BuyTweetElement) => inDialog<HTMLButtonElement>(el, '[part="pay-button"]')!;

/** Pay, and wait for the dialog's answer: a receipt, or Pay ready again (with what failed). */
export const pay = async (el: BuyTweetElement) => {
  const button = payButton(el);
  let started = false;
  // Busy, then not: however short the busy time, the observer has seen it.
  const observer = new MutationObserver((records) => {
    started ||= records.some((record) => record.oldValue === 'true') || button.getAttribute('aria-busy') === 'true';
  });
  observer.observe(button, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
  button.click();
  try {
    await waitUntil(
      () => receiptOf(el) || (started && button.getAttribute('aria-busy') === 'false'),
      'Pay did not end',
    );
  } finally {
    observer.disconnect();
  }
  await checkoutOf(el).updateComplete;
};

/** Stripe's test card 4242: pays. */
export const CARD_OK = '4242 4242 4242 4242';

/** Fills the card, pays, and waits for the receipt. */
export const buy = async (el: BuyTweetElement, number = CARD_OK) => {
  fillCard(el, number);
  payButton(el).click();
  await waitUntil(() => receiptOf(el), 'no receipt');
};

/** The Express Checkout Element's container, shown in the dialog through its `express` slot. */
export const expressContainer = (el: BuyTweetElement) =>
  inDialog<HTMLSlotElement>(el, 'slot[name="express"]')?.assignedElements({ flatten: true })[0] as
    HTMLElement | undefined;

/** The Payment Element's container, shown in the dialog through its `payment` slot. */
export const paymentContainer = (el: BuyTweetElement) =>
  inDialog<HTMLSlotElement>(el, 'slot[name="payment"]')?.assignedElements({ flatten: true })[0] as
    HTMLElement | undefined;

/** The fake card field, in its own shadow root inside the Payment Element's container. */
export const fillCard = (el: BuyTweetElement, number: string) => {
  const form = paymentContainer(el)!.querySelector('.buy-tweet-fake-stripe')!.shadowRoot!;
  const set = (selector: string, value: string) => {
    const input = form.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  set('[autocomplete="cc-number"]', number);
  set('[autocomplete="cc-exp"]', '12 / 34');
  set('[autocomplete="cc-csc"]', '123');
};

export const receiptOf = (el: BuyTweetElement) => inDialog(el, '[part="receipt"]');

export const orderRequests = () => mock.requests.filter((request) => request.route === 'orders');

export const textOf = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * The test-mode fake Stripe for a test file: installed before its tests, uninstalled after. What it
 * gives reads as that installation's control (calls, nextOutcome...), once `before` has run.
 */
export const useFakeStripe = (options: FakeStripeOptions = { delay: 20 }): FakeStripeControl => {
  let control: FakeStripeControl | undefined;
  before(() => {
    control = installFakeStripe(options);
  });
  after(() => control?.uninstall());
  return new Proxy({} as FakeStripeControl, {
    get: (_, name) => {
      const value: unknown = Reflect.get(control!, name);
      return typeof value === 'function' ? value.bind(control) : value;
    },
  });
};
