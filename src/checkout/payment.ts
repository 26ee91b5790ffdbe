import type {
  Appearance,
  PaymentIntent,
  Stripe,
  StripeElementLocale,
  StripeElements,
  StripePaymentElement,
} from '@stripe/stripe-js';
import type { Order, Product } from '../core/types.js';
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
export type Confirmation = { paymentIntent?: PaymentIntent; error?: { type?: string; message?: string } } | undefined;

/** The checkout as the Stripe half sees it: its theme and locale dress the Payment Element. */
interface PaymentHost extends HTMLElement {
  theme?: 'light' | 'dark' | 'auto';
  locale?: string;
}

/**
 * The checkout's Stripe half: Stripe.js for a publishable key, the Payment Element mounted for an
 * order's client secret, confirming and asking Stripe about a payment. The checkout decides when;
 * this knows how. (Stripe.js itself loads once per key: `stripe.ts`.)
 */
export class PaymentController {
  #stripe?: Stripe;
  #elements?: StripeElements;
  #paymentElement?: StripePaymentElement;
  /** The Payment Element's container, made when the payment form is mounted. */
  #container?: HTMLElement;

  constructor(private readonly host: PaymentHost) {}

  /** A Payment Element is mounted. */
  get mounted(): boolean {
    return Boolean(this.#paymentElement);
  }

  /** A payment can be confirmed: Stripe.js is here and the Payment Element's fields are. */
  get ready(): boolean {
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
   * Mounts the Payment Element for a client secret into a new container in `into`: the light DOM of
   * a host in the document's own tree, where Stripe.js mounts (slots show it in the dialog). Call
   * after `load`, with whatever was mounted before gone.
   */
  mount(clientSecret: string, into: Element): void {
    const stripe = this.#stripe;
    // The checkout's caller turns this into `stripe_unavailable`, as it would any failure to mount.
    if (!stripe) throw new Error('Stripe.js is not loaded: call load() before mount().');
    this.#elements = stripe.elements({
      clientSecret,
      appearance: this.#appearance(),
      locale: stripeLocale(this.host.locale),
    });
    this.#container = Object.assign(document.createElement('div'), { slot: 'payment' });
    into.append(this.#container);
    this.#paymentElement = this.#elements.create('payment');
    this.#paymentElement.mount(this.#container);
  }

  unmount(): void {
    this.#paymentElement?.destroy();
    this.#container?.remove();
    this.#paymentElement = undefined;
    this.#container = undefined;
    this.#elements = undefined;
  }

  /**
   * Confirms the payment with what the buyer typed; a payment method that leaves the page comes
   * back to this page's URL. `undefined` when no answer came at all.
   */
  async confirm(): Promise<Confirmation> {
    const stripe = this.#stripe;
    const elements = this.#elements;
    // Not ready (the checkout asks `ready` first): no answer, as when Stripe.js fails.
    if (!stripe || !elements) return undefined;
    try {
      return await stripe.confirmPayment({
        elements,
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
