import type {
  Appearance,
  PaymentIntent,
  Stripe,
  StripeElementLocale,
  StripeElements,
  StripeExpressCheckoutElementClickEvent,
  StripeExpressCheckoutElementConfirmEvent,
  StripeExpressCheckoutElementOptions,
} from '@stripe/stripe-js';
import type { Money, Order, Product } from '../core/types.js';
import { chooseLanguage } from '../words/language.js';
import { getStripe } from './stripe.js';

/** Whether an error of `confirmPayment` is about the buyer's payment details: anything else is unclear. */
export const isAboutPaymentDetails = ({ type }: { type?: string }): boolean =>
  type === 'card_error' || type === 'validation_error';

/** The publishable key Stripe.js loads with: the order's, else the product's. */
export const publishableKeyOf = (product: Product, order?: Order): string =>
  order?.payment?.publishableKey ?? (product.checkout.type === 'stripe' ? product.checkout.publishableKey : '');

/** Stripe's word on a PaymentIntent that counts as a purchase (docs/publishers/checkout.md). */
export const isPurchase = (status: PaymentIntent['status'] | undefined): boolean =>
  status === 'succeeded' || status === 'processing';

/**
 * The languages of Stripe's Payment Element (StripeElementLocale; docs.stripe.com/js/appendix/
 * supported_locales). A tag gets one of them as the element's words get ours (`zh-CN` → `zh`,
 * `zh-HK` → `zh-HK`, `pt-PT` → `pt`), else Stripe's own guess, `auto`.
 */
const STRIPE_LOCALES = (
  'ar bg cs da de el en en-AU en-CA en-NZ en-GB es es-ES es-419 et fi fil fr fr-CA fr-FR he hu hr id it it-IT ja ' +
  'ko lt lv ms mt nb nl no pl pt pt-BR ro ru sk sl sv th tr vi zh zh-HK zh-TW'
).split(' ');
export const stripeLocale = (tag: string | undefined): StripeElementLocale =>
  (chooseLanguage(tag, STRIPE_LOCALES) ?? 'auto') as StripeElementLocale;

/** What confirming a payment answered: nothing at all when Stripe.js itself failed. */
export type Confirmation = { paymentIntent?: PaymentIntent; error?: StripeProblem } | undefined;

/** A Stripe.js error as the checkout reads it. */
export interface StripeProblem {
  type?: string;
  message?: string;
}

/** The checkout as the Stripe half sees it: its theme and locale dress the Payment Element. */
interface PaymentHost extends HTMLElement {
  theme?: 'light' | 'dark' | 'auto';
  locale?: string;
}

/** What the checkout does with the Express Checkout Element's events. */
export interface WalletHandlers {
  /** The options it is created with (`emailRequired`, `shippingAddressRequired`). */
  options: StripeExpressCheckoutElementOptions;
  ready: (available: boolean) => void;
  click: (event: StripeExpressCheckoutElementClickEvent) => void;
  confirm: (event: StripeExpressCheckoutElementConfirmEvent) => unknown;
}

/**
 * The checkout's Stripe half: Stripe.js for a publishable key; Elements in Stripe's deferred-intent
 * mode for the total shown, with the Payment Element and the Express Checkout Element (the wallets)
 * mounted in the light DOM; submitting, confirming and asking Stripe about a payment. The checkout
 * decides when; this knows how. (Stripe.js itself loads once per key: `stripe.ts`.)
 */
export class PaymentController {
  #stripe?: Stripe;
  #elements?: StripeElements;
  #elementsMade: Array<{ destroy(): void }> = [];
  /** The containers of the Elements, made when they are mounted. */
  #containers: HTMLElement[] = [];
  /** The amount Elements holds. */
  #amount?: number;

  constructor(private readonly host: PaymentHost) {}

  /** Stripe's fields are mounted: a payment can be submitted and confirmed. */
  get mounted(): boolean {
    return Boolean(this.#stripe && this.#elements);
  }

  /** Loads Stripe.js ahead of need (hover or focus of Buy); a failure shows later, when it counts. */
  preload(publishableKey: string): void {
    getStripe(publishableKey).catch(() => undefined);
  }

  /** Stripe.js for the key: rejects with `stripe_unavailable`. */
  async load(publishableKey: string): Promise<void> {
    this.#stripe = await getStripe(publishableKey);
  }

  /**
   * Mounts Stripe's fields for `total` in new containers in `into`: the light DOM of a host in the
   * document's own tree, where Stripe.js mounts (slots show them in the dialog). The order does not
   * exist yet: Elements is made in `payment` mode with the amount and currency the buyer sees
   * (docs.stripe.com/payments/accept-a-payment-deferred). Call after `load`, with whatever was
   * mounted before gone.
   */
  mount(total: Money, into: Element, wallet: WalletHandlers): void {
    const stripe = this.#stripe;
    // The checkout's caller turns this into `stripe_unavailable`, as it would any failure to mount.
    if (!stripe) throw new Error('Stripe.js is not loaded: call load() before mount().');
    const elements = stripe.elements({
      mode: 'payment',
      amount: total.amount,
      currency: total.currency.toLowerCase(),
      appearance: this.#appearance(),
      locale: stripeLocale(this.host.locale),
    });
    const express = elements.create('expressCheckout', wallet.options);
    express.on('ready', ({ availablePaymentMethods }) =>
      wallet.ready(Object.values(availablePaymentMethods ?? {}).some(Boolean)),
    );
    express.on('click', wallet.click);
    express.on('confirm', wallet.confirm);
    const payment = elements.create('payment');
    this.#elements = elements;
    this.#amount = total.amount;
    this.#elementsMade = [express, payment];
    this.#containers = ['express', 'payment'].map((slot) => Object.assign(document.createElement('div'), { slot }));
    into.append(...this.#containers);
    express.mount(this.#containers[0]);
    payment.mount(this.#containers[1]);
  }

  /** Elements holds `total` from now on (Stripe's `elements.update`): the wallets' sheet shows it. */
  setAmount(total: Money): void {
    const { amount } = total;
    if (!this.#elements || amount === this.#amount || !Number.isSafeInteger(amount) || amount < 1) return;
    this.#amount = amount;
    // A failed update leaves the old amount, which Pay's order check then catches.
    this.#elements.update({ amount }).catch(() => {
      this.#amount = undefined;
    });
  }

  unmount(): void {
    for (const element of this.#elementsMade) element.destroy();
    for (const container of this.#containers) container.remove();
    this.#elementsMade = [];
    this.#containers = [];
    this.#elements = undefined;
    this.#amount = undefined;
  }

  /**
   * Stripe's `elements.submit()`: checks Stripe's fields (which show what to fix) and gathers what
   * wallets need. Stripe asks for it as soon as the buyer pays, before any other asynchronous work.
   */
  async submit(): Promise<{ error?: StripeProblem }> {
    const elements = this.#elements;
    if (!elements) return { error: {} };
    try {
      const { error } = await elements.submit();
      return error ? { error } : {};
    } catch {
      // No answer at all: nothing was sent, Pay again.
      return { error: {} };
    }
  }

  /**
   * Confirms the order's PaymentIntent with what was submitted; a payment method that leaves the
   * page comes back to this page's URL. `undefined` when no answer came at all.
   */
  async confirm(clientSecret: string): Promise<Confirmation> {
    const stripe = this.#stripe;
    const elements = this.#elements;
    if (!stripe || !elements) return undefined;
    try {
      return await stripe.confirmPayment({
        elements,
        clientSecret,
        redirect: 'if_required',
        confirmParams: { return_url: location.href },
      });
    } catch {
      // No answer at all: unclear, like an API error.
      return undefined;
    }
  }

  /** Stripe's word on a PaymentIntent (loading Stripe.js for the key first), or `undefined` when it cannot be had. */
  async retrieve(clientSecret: string, publishableKey?: string): Promise<PaymentIntent | undefined> {
    try {
      if (publishableKey !== undefined) await this.load(publishableKey);
      // Never loaded: Stripe's word cannot be had.
      const stripe = this.#stripe;
      if (!stripe) return undefined;
      return (await stripe.retrievePaymentIntent(clientSecret)).paymentIntent;
    } catch {
      return undefined;
    }
  }

  /**
   * The Payment Element dressed like the card: Stripe's `night` theme where the element is dark
   * (its `theme`, or the system's under `auto`), and the accent, radius and font the page gave
   * (`--buy-tweet-accent`, `--buy-tweet-radius`, `--buy-tweet-font`, resolved with their defaults).
   */
  #appearance(): Appearance {
    const { theme } = this.host;
    const dark = theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    const computed = getComputedStyle(this.host);
    const variables: Appearance['variables'] = {};
    for (const [name, property] of [
      ['colorPrimary', '--_accent'],
      ['borderRadius', '--_radius'],
      ['fontFamily', '--_font'],
    ] as const) {
      const value = computed.getPropertyValue(property).trim();
      if (value) variables[name] = value;
    }
    return { theme: dark ? 'night' : 'stripe', variables };
  }
}
