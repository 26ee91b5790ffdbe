// What the tests of the fake Stripe's deferred intents and Express Checkout Element share: a
// deferred Elements group as the checkout makes it, the wallet buttons and sheet as a buyer sees
// them, a clock a test moves by hand, and the console warnings a test expects.
import { expect, fixture, html } from '@open-wc/testing';
import type {
  PaymentIntentResult,
  Stripe,
  StripeElements,
  StripeExpressCheckoutElement,
  StripeExpressCheckoutElementOptions,
  StripeExpressCheckoutElementReadyEvent,
  StripePaymentElement,
} from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import type { FakeStripeClock } from '../../src/mock/stripe/index.js';

export const KEY = 'pk_test_buytweet_gumroad';

export interface Deferred {
  stripe: Stripe;
  elements: StripeElements;
  payment: StripePaymentElement;
  node: HTMLElement;
}

/** What the checkout makes as its dialog opens: a group with the total, and the Payment Element mounted. */
export const openDeferred = async (amount = 999, currency = 'usd'): Promise<Deferred> => {
  const stripe = (await loadStripe(KEY))!;
  const node = await fixture<HTMLElement>(html`<div></div>`);
  const elements = stripe.elements({
    mode: 'payment',
    amount,
    currency,
    appearance: { theme: 'stripe' },
    locale: 'en',
  });
  const payment = elements.create('payment');
  payment.mount(node);
  return { stripe, elements, payment, node };
};

export interface Express {
  express: StripeExpressCheckoutElement;
  node: HTMLElement;
  ready: StripeExpressCheckoutElementReadyEvent;
}

/** The Express Checkout Element mounted in a light-DOM container of its own, once it is ready. */
export const mountExpress = async (
  elements: StripeElements,
  options: StripeExpressCheckoutElementOptions = { emailRequired: true },
): Promise<Express> => {
  const node = await fixture<HTMLElement>(html`<div></div>`);
  const express = elements.create('expressCheckout', options);
  const ready = new Promise<StripeExpressCheckoutElementReadyEvent>((resolve) => express.once('ready', resolve));
  express.mount(node);
  return { express, node, ready: await ready };
};

/** The wallet buttons: in a shadow root of their own, on a child of the mount node. */
export const walletButtons = (node: Element): HTMLButtonElement[] => [
  ...(node.querySelector('.buy-tweet-fake-stripe-express')?.shadowRoot?.querySelectorAll('button') ?? []),
];

export const walletButton = (node: Element, name: string): HTMLButtonElement => {
  const button = walletButtons(node).find((candidate) => candidate.getAttribute('aria-label') === name);
  expect(button, `no ${name} button`).to.exist;
  return button!;
};

/** The fake device's wallet sheet, when one is open: at the end of the body, in its own shadow root. */
export const walletSheet = (): HTMLDialogElement | null =>
  document.querySelector('.buy-tweet-fake-stripe-sheet')?.shadowRoot?.querySelector('[role="dialog"]') ?? null;

export const sheetText = () => walletSheet()?.textContent?.replace(/\s+/g, ' ') ?? '';

export const confirmWith = (deferred: Deferred, clientSecret: string): Promise<PaymentIntentResult> =>
  deferred.stripe.confirmPayment({
    elements: deferred.elements,
    clientSecret,
    redirect: 'if_required',
    confirmParams: { return_url: location.href },
  });

/** The error a promise rejects with; fails when it does not reject. */
export const rejection = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};

/** A clock that moves only when the test fires its timers: Stripe.js's deadlines without the wait. */
export const manualClock = () => {
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  const clock: FakeStripeClock & { timers: typeof timers; fire(ms: number): void } = {
    timers,
    setTimeout(callback, ms) {
      timers.set(next, { callback, ms });
      return next++;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    fire(ms) {
      for (const [id, timer] of [...timers]) {
        if (timer.ms !== ms) continue;
        timers.delete(id);
        timer.callback();
      }
    },
  };
  return clock;
};

/** Runs `during` with console warnings caught instead of failing the test; gives them back. */
export const catchWarnings = async (during: (warnings: string[]) => Promise<void> | void): Promise<string[]> => {
  const warnings: string[] = [];
  const noisy = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await during(warnings);
  } finally {
    console.warn = noisy;
  }
  return warnings;
};
