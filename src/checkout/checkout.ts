import type { Appearance, PaymentIntent, Stripe, StripeElementLocale, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import { LitElement, adoptStyles, html, nothing, type TemplateResult } from 'lit';
import { SHIPPING_FIELDS, checkBuyer, emptyAddress, freshInput, newKey, type BuyerInput } from '../core/buyer.js';
import {
  checkoutReducer,
  expectedTotal,
  initialCheckout,
  orderRequest,
  variantOf,
  type CheckoutAction,
  type CheckoutState,
} from '../core/checkout-flow.js';
import { watchSettings } from '../core/config.js';
import { BuyTweetError } from '../core/errors.js';
import { formatMoney } from '../core/money.js';
import type { PartnerMatch } from '../core/partners.js';
import { createOrder, getOrder } from '../core/protocol.js';
import type { Order, OrderSource, Product, TweetInfo } from '../core/types.js';
import english from '../words/en-checkout.js';
import { chooseLanguage, wordsIn, type CheckoutWords } from '../words/language.js';
import { theme } from '../buy-tweet/theme.styles.js';
import { clearAttempt, forgetStripeReturn, loadAttempt, saveAttempt, stripeReturn, type StoredAttempt } from './attempt.js';
import { styles } from './checkout.styles.js';
import { countryOfLocale, countryOptions } from './countries.js';
import { forget, recall, remember } from './remember.js';
import { getStripe } from './stripe.js';

/** The public custom properties (CONTRACT 2), which a layer outside `<buy-tweet>` does not inherit. */
const CUSTOM_PROPERTIES = [
  '--buy-tweet-accent',
  '--buy-tweet-background',
  '--buy-tweet-foreground',
  '--buy-tweet-radius',
  '--buy-tweet-font',
] as const;

/** The element whose light DOM `element` is drawn in: its shadow root's host, or itself. */
const lightHostOf = (element: Element): Element => {
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : element;
};

/** Stripe's word on a PaymentIntent that counts as a purchase (CONTRACT 5). */
const isPurchase = (status: PaymentIntent['status'] | undefined) => status === 'succeeded' || status === 'processing';

/** Errors of `confirmPayment` that are about the buyer's payment details: anything else is unclear. */
const BUYER_ERRORS = ['card_error', 'validation_error'];

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

const messageOf = (error: BuyTweetError, partner: string, words: CheckoutWords): string => {
  const values = { partner };
  switch (error.code) {
    case 'network':
      return words.orderUnreachable(values);
    case 'invalid_request':
      return words.checkDetails;
    case 'price_changed':
      return words.priceChanged;
    case 'sold_out':
      return words.soldOutNow;
    case 'stripe_unavailable':
      return words.paymentFormUnavailable;
    case 'invalid_response':
      return words.orderUnreadable(values);
    default:
      // Stripe's messages are written for buyers, in the Payment Element's language; a partner's
      // own error codes and words are not: partner_error and any code of the partner's own say
      // the same.
      return error.step === 'order' ? words.orderProblem(values) : error.message;
  }
};

/**
 * What the checkout tells `<buy-tweet>`, which alone fires the public events (CONTRACT 2). They
 * neither bubble nor cross a shadow root: only the element that drew the checkout hears them.
 */
export class CheckoutPurchaseEvent extends Event {
  constructor(readonly order: Order) {
    super('checkout-purchase');
  }
}
export class CheckoutErrorEvent extends Event {
  constructor(readonly error: BuyTweetError) {
    super('checkout-error');
  }
}
export class CheckoutCloseEvent extends Event {
  constructor(readonly reason: 'completed' | 'dismissed') {
    super('checkout-close');
  }
}
/** The partner answered sold out: the card says so too. */
export class SoldOutEvent extends Event {
  constructor() {
    super('sold-out');
  }
}

/**
 * The checkout of one `<buy-tweet>`: a native modal `<dialog>` that takes the buyer from options
 * and address through Stripe's Payment Element to a receipt. It lives in the element's shadow
 * root and is loaded only when the buyer shows intent. Its state changes only through
 * `core/checkout-flow.ts`'s reducer; the attempt under way is kept in sessionStorage
 * (`attempt.ts`) until it ends in a receipt.
 *
 * Stripe.js mounts the Payment Element only into the document's own tree, never inside a shadow
 * root (stripe/stripe-js#399, #662). So its container is a light-DOM child of `<buy-tweet>`
 * (`slot="payment"`), which forwards the slot to this element, whose dialog shows it. When
 * `<buy-tweet>` itself sits in another component's shadow root, its light DOM is not in the
 * document either: then the dialog is drawn in a layer of its own at the end of `document.body`
 * (a modal dialog makes everything outside it inert, so the container's host must hold the
 * dialog), while this element stays where it is, so its events reach `<buy-tweet>` as ever.
 *
 * @tagname buy-tweet-checkout
 * @slot payment - The Payment Element's container, in the document's own tree.
 * @csspart dialog - The dialog.
 * @csspart pay-button - The Pay button.
 * @csspart receipt - The receipt.
 */
export class BuyTweetCheckout extends LitElement {
  static override styles = [theme, styles];

  static override properties = {
    product: { attribute: false },
    locale: { attribute: false },
    partner: { attribute: false },
    endpoint: { attribute: false },
    productUrl: { attribute: false },
    source: { attribute: false },
    theme: {},
  };

  declare product: Product;
  /**
   * The BCP 47 tag of the element's language chain: the words (whose chunk the card has loaded),
   * prices, country names and Stripe's own words.
   */
  declare locale?: string;
  /** The partner's name, for messages. */
  declare partner: string;
  declare endpoint: string;
  /** The product link the card is for: with the endpoint, it names the stored attempt. */
  declare productUrl: string;
  declare source: OrderSource;
  declare theme?: 'light' | 'dark' | 'auto';

  /** Made on the first sign of intent: until then, nothing is read from storage. */
  #state?: CheckoutState;
  /** The stored attempt has been read (once per element: afterwards the state is the truth). */
  #resumed?: Promise<void>;
  #stripe?: Stripe;
  #elements?: StripeElements;
  #paymentElement?: StripePaymentElement;
  /** The Payment Element's container, made when the payment form is mounted. */
  #container?: HTMLElement;
  /** Where the dialog is drawn when `<buy-tweet>` is not in the document's own tree. */
  #layer?: HTMLElement;
  #unwatch?: () => void;

  /** The checkout's words in the element's language, with the publisher's own. */
  get #words(): CheckoutWords {
    return wordsIn(english, this.locale);
  }

  protected override createRenderRoot() {
    if (lightHostOf(this).getRootNode() === document) return super.createRenderRoot();
    this.#layer = document.createElement('buy-tweet-checkout-layer');
    const root = this.#layer.attachShadow({ mode: 'open' });
    adoptStyles(root, BuyTweetCheckout.elementStyles);
    document.body.append(this.#layer);
    return root;
  }

  override connectedCallback() {
    super.connectedCallback();
    // `BuyTweet.configure({words})` may change a word while the dialog is open.
    this.#unwatch ??= watchSettings(() => this.requestUpdate());
    // Back after a removal: so is the layer.
    if (this.#layer && !this.#layer.isConnected) document.body.append(this.#layer);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // Deferred, so that moving <buy-tweet> keeps the checkout as it is.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#unwatch?.();
      this.#unwatch = undefined;
      // Closed for good: a dialog taken out while open comes back open but not modal.
      if (this.hasUpdated) this.#dialog().close();
      this.#unmountPayment();
      this.#layer?.remove();
    });
  }

  protected override updated() {
    if (this.#layer) this.#dressLayer(this.#layer);
  }

  /**
   * The layer inherits nothing from `<buy-tweet>`: it gets its theme, direction and custom
   * properties, through CSSOM (allowed under a strict `style-src`, unlike a `style` attribute).
   */
  #dressLayer(layer: HTMLElement) {
    const computed = getComputedStyle(this);
    layer.setAttribute('theme', this.theme ?? 'auto');
    layer.dir = computed.direction;
    for (const name of CUSTOM_PROPERTIES) {
      const value = computed.getPropertyValue(name);
      if (value) layer.style.setProperty(name, value);
      else layer.style.removeProperty(name);
    }
  }

  /** Loads Stripe.js for the product's key ahead of the press: hover or focus of Buy. */
  preload(): void {
    // Draw the (closed) dialog now, so the press only has to open it.
    this.#begin();
    const { checkout } = this.product;
    if (checkout.type === 'stripe') getStripe(checkout.publishableKey).catch(() => undefined);
  }

  /** Opens the dialog, where the buyer left it: in this page, or before a reload. */
  async show(): Promise<void> {
    await this.#begin();
    await this.updateComplete;
    const dialog = this.#dialog();
    if (!dialog.open) dialog.showModal();
    this.#focusStep();
    // The payment form went away with the element (or the page), which is back.
    if (this.#state!.step === 'payment' && !this.#state!.mounted) void this.#showPaymentForm();
  }

  /**
   * Back from a payment method that left the page (CONTRACT 5): when Stripe's parameters name the
   * PaymentIntent of this product's stored attempt, the checkout opens at the outcome, Stripe's
   * parameters leave the address bar, and the purchase counts once.
   */
  async returnFromStripe(): Promise<void> {
    const back = stripeReturn();
    const stored = back && loadAttempt(this.endpoint, this.productUrl);
    if (!back || !stored?.orderId || stored.paymentIntent !== back.paymentIntent) return;
    forgetStripeReturn();
    this.#resumed = Promise.resolve();
    this.#state = initialCheckout(stored.input, Boolean(recall()));
    this.#dispatch({ type: 'resume', input: stored.input, attempt: stored.attempt, acceptedTotal: stored.acceptedTotal });
    await this.updateComplete;
    const dialog = this.#dialog();
    if (!dialog.open) dialog.showModal();
    let intent: PaymentIntent | undefined;
    try {
      this.#stripe = await getStripe(this.#publishableKey());
      intent = (await this.#stripe.retrievePaymentIntent(back.clientSecret)).paymentIntent;
    } catch {
      // Stripe's word could not be had: the partner's is asked all the same.
    }
    let order: Order;
    try {
      order = await getOrder(this.endpoint, stored.orderId);
    } catch (error) {
      // No order to show: the details stay, with the same key, so Continue finds the same order.
      this.#dispatch({ type: 'order_failed', error: BuyTweetError.from(error, { code: 'network', step: 'order', retryable: true }) });
      return this.#focusStep();
    }
    if (isPurchase(intent?.status) || order.status === 'paid') return this.#purchased(order);
    const error = new BuyTweetError({
      code: 'payment_failed',
      message: intent?.last_payment_error?.message ?? this.#words.paymentDeclined,
      step: 'payment',
      retryable: true,
    });
    this.#dispatch({ type: 'returned', order, error });
    this.#focusStep();
    this.dispatchEvent(new CheckoutErrorEvent(error));
    await this.#showPaymentForm();
  }

  /** The state, made once from what is stored: the attempt of before a reload, and the remembered buyer. */
  #begin(): Promise<void> {
    if (!this.#state) {
      const saved = recall();
      const country = countryOfLocale(this.locale) ?? 'US';
      const shipping = { ...emptyAddress(country), ...saved?.shipping };
      this.#state = initialCheckout(freshInput(this.product, { email: saved?.email, shipping }), Boolean(saved));
      this.requestUpdate();
    }
    this.#resumed ??= this.#resume(loadAttempt(this.endpoint, this.productUrl));
    return this.#resumed;
  }

  /** Continues an attempt kept from before a reload: same details, same key, its order if it has one. */
  async #resume(stored: StoredAttempt | undefined) {
    if (!stored) return;
    const { input, attempt, acceptedTotal, orderId } = stored;
    let order: Order | undefined;
    if (orderId) {
      try {
        order = await getOrder(this.endpoint, orderId);
      } catch {
        // The details and key stay: Continue sends the same body, and the partner answers the same order.
      }
    }
    if (order && order.status !== 'requires_payment' && order.status !== 'paid') {
      // Failed or canceled: that attempt is over; what the buyer typed is kept for the next.
      clearAttempt(this.endpoint, this.productUrl);
      this.#dispatch({ type: 'resume', input });
      return;
    }
    this.#dispatch({ type: 'resume', input, attempt, order, acceptedTotal });
    if (order?.status === 'paid') this.#purchased(order);
  }

  #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  #dispatch(action: CheckoutAction) {
    this.#state = checkoutReducer(this.#state!, action);
    this.requestUpdate();
  }

  #focusStep() {
    this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>('[data-focus]');
      target?.focus();
    });
  }

  #fail(error: BuyTweetError) {
    this.dispatchEvent(new CheckoutErrorEvent(error));
  }

  #publishableKey(order = this.#state?.order): string {
    const { checkout } = this.product;
    return order?.payment?.publishableKey ?? (checkout.type === 'stripe' ? checkout.publishableKey : '');
  }

  /** Keeps the attempt for a reload or a return from Stripe, with what is known of it so far. */
  #store(more: Pick<StoredAttempt, 'orderId' | 'paymentIntent'> = {}) {
    const { input, attempt, acceptedTotal } = this.#state!;
    if (!attempt) return;
    saveAttempt({ endpoint: this.endpoint, productUrl: this.productUrl, input, attempt, acceptedTotal, ...more });
  }

  #onInput(event: Event) {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    if (field.name === 'remember') this.#dispatch({ type: 'remember', on: (field as HTMLInputElement).checked });
    else this.#dispatch({ type: 'input', field: field.name, value: field.value });
  }

  async #submit(event: Event) {
    event.preventDefault();
    const state = this.#state!;
    if (state.step !== 'details') return;
    const fields = checkBuyer(this.product, state.input, this.#words);
    if (Object.keys(fields).length) {
      this.#dispatch({ type: 'check_failed', fields });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    // Continue on a new total accepts it.
    const request = orderRequest(this.product, state.input, state.newTotal ?? state.acceptedTotal, this.source);
    this.#dispatch({ type: 'submit', request, key: newKey() });
    const { key } = this.#state!.attempt!;
    // Kept before it leaves: a reload while it is on its way sends it again under the same key.
    this.#store();
    let order: Order;
    try {
      order = await createOrder(this.endpoint, request, key);
      if (order.payment?.type !== 'stripe') {
        throw new BuyTweetError({ code: 'invalid_response', message: 'The order has no way to pay for it.', step: 'order' });
      }
    } catch (error) {
      const failure = BuyTweetError.from(error, { code: 'network', step: 'order', retryable: true });
      this.#dispatch({ type: 'order_failed', error: failure });
      if (failure.code === 'sold_out') this.dispatchEvent(new SoldOutEvent());
      this.#focusStep();
      this.#fail(failure);
      return;
    }
    this.#dispatch({ type: 'ordered', order });
    this.#store({ orderId: order.id });
    this.#keepBuyer();
    this.#focusStep();
    await this.#showPaymentForm();
  }

  /** "Remember me", applied once the order exists: details that made no order are not kept. */
  #keepBuyer() {
    const { remember: wanted, attempt } = this.#state!;
    if (wanted) remember({ email: attempt!.request.email, shipping: attempt!.request.shipping ?? undefined });
    else forget();
    this.#dispatch({ type: 'saved', saved: wanted });
  }

  /** Mounts the Payment Element for the order; when that fails the order stands, and Try again mounts it again. */
  async #showPaymentForm() {
    const order = this.#state!.order;
    if (!order) return;
    this.#dispatch({ type: 'payment_form' });
    try {
      await this.#mountPayment(order);
    } catch (error) {
      const failure = BuyTweetError.from(error, { code: 'stripe_unavailable', step: 'payment', retryable: true });
      this.#dispatch({ type: 'payment_form', error: failure });
      this.#fail(failure);
    }
  }

  async #mountPayment(order: Order) {
    const payment = order.payment!;
    if (this.#state!.mounted === order.id && this.#paymentElement) return;
    this.#stripe = await getStripe(this.#publishableKey(order));
    await this.updateComplete;
    this.#unmountPayment();
    this.#elements = this.#stripe.elements({
      clientSecret: payment.clientSecret,
      appearance: this.#appearance(),
      locale: stripeLocale(this.locale),
    });
    // In the light DOM of a host in the document's own tree, where Stripe.js mounts; slots show it
    // in the dialog.
    this.#container = Object.assign(document.createElement('div'), { slot: 'payment' });
    (this.#layer ?? lightHostOf(this)).append(this.#container);
    this.#paymentElement = this.#elements.create('payment');
    this.#paymentElement.mount(this.#container);
    this.#dispatch({ type: 'mounted', orderId: order.id });
  }

  /**
   * The Payment Element dressed like the card: Stripe's `night` theme where the element is dark
   * (its `theme`, or the system's under `auto`), and the accent, radius and font the page gave
   * (`--buy-tweet-accent`, `--buy-tweet-radius`, `--buy-tweet-font`, resolved with their defaults).
   */
  #appearance(): Appearance {
    const dark = this.theme === 'dark' || (this.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    const computed = getComputedStyle(this);
    const variables: Appearance['variables'] = {};
    for (const [name, property] of [['colorPrimary', '--_accent'], ['borderRadius', '--_radius'], ['fontFamily', '--_font']] as const) {
      const value = computed.getPropertyValue(property).trim();
      if (value) variables[name] = value;
    }
    return { theme: dark ? 'night' : 'stripe', variables };
  }

  #unmountPayment() {
    this.#paymentElement?.destroy();
    this.#container?.remove();
    this.#paymentElement = undefined;
    this.#container = undefined;
    this.#elements = undefined;
    if (this.#state?.mounted) this.#dispatch({ type: 'unmounted' });
  }

  #edit() {
    this.#dispatch({ type: 'edit' });
    this.#focusStep();
  }

  async #pay() {
    const { order, step, mounted } = this.#state!;
    if (step !== 'payment' || !order || !mounted || !this.#stripe || !this.#elements) return;
    this.#dispatch({ type: 'pay' });
    // A payment method that leaves the page comes back to this page's URL: the attempt must be
    // found then by the PaymentIntent Stripe names (its id is the client secret's first part).
    this.#store({ orderId: order.id, paymentIntent: order.payment!.clientSecret.split('_secret_')[0] });
    let result: { paymentIntent?: PaymentIntent; error?: { type?: string; message?: string } } | undefined;
    try {
      result = await this.#stripe.confirmPayment({
        elements: this.#elements,
        redirect: 'if_required',
        confirmParams: { return_url: location.href },
      });
    } catch {
      // No answer at all: unclear, like an API error below.
    }
    if (isPurchase(result?.paymentIntent?.status)) return this.#paidFor(order);
    const stripeError = result?.error;
    if (!stripeError || !BUYER_ERRORS.includes(stripeError.type ?? '')) {
      // An unclear answer (a lost connection, an API error): the payment may have gone through.
      // Stripe's and the partner's word decide before anything is said to have failed.
      if (await this.#wentThrough(order)) return this.#paidFor(order);
    }
    const error = new BuyTweetError({
      code: 'payment_failed',
      message: stripeError?.message ?? this.#words.paymentUnconfirmed,
      step: 'payment',
      retryable: true,
    });
    this.#dispatch({ type: 'pay_failed', error });
    // A form mistake (an incomplete card number) is shown by the payment form itself.
    if (stripeError?.type !== 'validation_error') this.#fail(error);
  }

  /** Whether Stripe, or else the partner, says the order's payment went through. */
  async #wentThrough(order: Order): Promise<boolean> {
    try {
      const { paymentIntent } = await this.#stripe!.retrievePaymentIntent(order.payment!.clientSecret);
      if (isPurchase(paymentIntent?.status)) return true;
    } catch {
      // Stripe cannot say: the partner may.
    }
    try {
      return (await getOrder(this.endpoint, order.id, { retries: 1 })).status === 'paid';
    } catch {
      return false;
    }
  }

  /** A payment went through: the partner's word on the order, once; if that read fails, the purchase still stands. */
  async #paidFor(order: Order) {
    let latest = order;
    try {
      latest = await getOrder(this.endpoint, order.id, { retries: 0 });
    } catch {
      // Keep the order as created.
    }
    this.#dispatch({ type: 'paid', order: latest });
    this.#purchased(latest);
  }

  /** The receipt is shown: the attempt is over, and `<buy-tweet>` tells the page. */
  #purchased(order: Order) {
    if (this.#state!.step !== 'receipt') this.#dispatch({ type: 'returned', order });
    clearAttempt(this.endpoint, this.productUrl);
    this.#focusStep();
    this.updateComplete.then(() => this.dispatchEvent(new CheckoutPurchaseEvent(order)));
  }

  #close() {
    this.#dialog().close();
  }

  #onClose() {
    const completed = this.#state!.step === 'receipt';
    if (completed) this.#unmountPayment();
    this.#dispatch({ type: 'closed' });
    this.dispatchEvent(new CheckoutCloseEvent(completed ? 'completed' : 'dismissed'));
  }

  #forget() {
    forget();
    const shipping = emptyAddress(countryOfLocale(this.locale) ?? 'US');
    this.#dispatch({ type: 'forgot', input: { ...this.#state!.input, email: '', shipping } });
  }

  #money(amount: { amount: number; currency: string }) {
    return formatMoney(amount, this.locale);
  }

  protected override render() {
    const state = this.#state;
    if (!state) return html`<dialog part="dialog"></dialog>`;
    const { product } = this;
    const words = this.#words;
    return html`<dialog part="dialog" aria-labelledby="heading" @close=${this.#onClose}>
      <header>
        <h2 id="heading" tabindex="-1" ?data-focus=${state.step === 'details'}>
          ${state.step === 'receipt' ? words.thanks : words.checkout}
        </h2>
        <button class="close" aria-label=${words.close} @click=${this.#close}>×</button>
      </header>
      <div class="summary">
        ${product.image
          ? html`<img src=${product.image.url} alt="" width="56" height="56" referrerpolicy="no-referrer" />`
          : nothing}
        <div>
          <p class="title"><bdi>${product.title}</bdi></p>
          <p class="muted"><bdi>${product.merchant.name}</bdi></p>
        </div>
      </div>
      ${state.step === 'details' || state.step === 'ordering' ? this.#renderDetails(state, words) : nothing}
      ${state.step === 'sold_out' ? this.#renderSoldOut(state, words) : nothing}
      <section class="payment" ?hidden=${state.step !== 'payment' && state.step !== 'paying'}>
        ${this.#renderPayment(state, words)}
      </section>
      ${state.step === 'receipt' ? this.#renderReceipt(state, words) : nothing}
    </dialog>`;
  }

  #field(name: string, label: string, control: TemplateResult, hint?: string) {
    const error = this.#state!.fields[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${control}
      ${error ? html`<p class="field-error" id=${`${name}-error`}>${error}</p>` : hint ? html`<p class="muted small">${hint}</p>` : nothing}
    </div>`;
  }

  #invalid(name: string) {
    return this.#state!.fields[name] ? 'true' : 'false';
  }

  #describedBy(name: string) {
    return this.#state!.fields[name] ? `${name}-error` : nothing;
  }

  #renderDetails(state: CheckoutState, words: CheckoutWords) {
    const { product } = this;
    const { input } = state;
    const busy = state.step === 'ordering';
    const total = expectedTotal(product, input, state.acceptedTotal);
    // While the order is on its way the details are inert: what was sent is what is ordered.
    return html`<form novalidate @submit=${this.#submit} @input=${this.#onInput} @change=${this.#onInput}>
      <div class="details" ?inert=${busy}>
        ${product.variants.length
          ? this.#field(
              'variantId',
              words.option,
              html`<select id="variantId" name="variantId" aria-invalid=${this.#invalid('variantId')}
                aria-describedby=${this.#describedBy('variantId')}>
                ${product.variants.map(
                  (variant) => html`<option value=${variant.id} ?selected=${variant.id === input.variantId}
                    ?disabled=${variant.availability === 'sold_out'}>
                    ${variant.title} · ${this.#money(variant.price ?? product.price)}${variant.availability === 'sold_out' ? ` · ${words.optionSoldOut}` : ''}
                  </option>`,
                )}
              </select>`,
            )
          : nothing}
        ${product.maxQuantity > 1
          ? this.#field(
              'quantity',
              words.quantity,
              html`<input id="quantity" name="quantity" type="number" inputmode="numeric" min="1"
                max=${product.maxQuantity} .value=${String(input.quantity)} required
                aria-invalid=${this.#invalid('quantity')} aria-describedby=${this.#describedBy('quantity')} />`,
              words.upTo({ max: product.maxQuantity }),
            )
          : nothing}
        ${this.#field(
          'email',
          words.email,
          // dir=auto: an address reads left to right in a right-to-left dialog too.
          html`<input id="email" name="email" type="email" autocomplete="email" required dir="auto"
            .value=${input.email} aria-invalid=${this.#invalid('email')} aria-describedby=${this.#describedBy('email')} />`,
          words.emailHint,
        )}
        ${product.requiresShipping ? this.#renderShipping(input, words) : nothing}
        <div class="remember">
          <input id="remember" name="remember" type="checkbox" .checked=${state.remember} />
          <label for="remember">${product.requiresShipping ? words.rememberAddress : words.rememberEmail}</label>
          ${state.saved ? html`<button type="button" class="link" @click=${this.#forget}>${words.forget}</button>` : nothing}
        </div>
      </div>
      ${state.error ? this.#renderError(state.error, words) : nothing}
      <p class="total">
        <span>${words.total}</span>
        <strong>${this.#money(state.newTotal ?? total)}</strong>
      </p>
      ${state.newTotal
        ? html`<p class="notice" role="alert">
            ${words.newTotal({ now: this.#money(state.newTotal), was: this.#money(total) })}
          </p>`
        : nothing}
      <button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}>
        ${busy
          ? words.creatingOrder
          : state.newTotal
            ? words.accept({ total: this.#money(state.newTotal) })
            : words.continue}
      </button>
    </form>`;
  }

  #renderShipping(input: BuyerInput, words: CheckoutWords) {
    const { shipping } = input;
    const countries = countryOptions(this.locale);
    return html`<fieldset>
      <legend>${words.shippingAddress}</legend>
      ${SHIPPING_FIELDS.map(([key, label, autocomplete, missing]) => {
        const name = `shipping.${key}`;
        return this.#field(
          name,
          words[label],
          html`<input id=${name} name=${name} autocomplete=${autocomplete} ?required=${Boolean(missing)}
            .value=${shipping[key]} aria-invalid=${this.#invalid(name)} aria-describedby=${this.#describedBy(name)} />`,
        );
      })}
      ${this.#field(
        'shipping.country',
        words.country,
        html`<select id="shipping.country" name="shipping.country" autocomplete="shipping country"
          aria-invalid=${this.#invalid('shipping.country')} aria-describedby=${this.#describedBy('shipping.country')}>
          ${countries.map(
            ({ code, name }) => html`<option value=${code} ?selected=${code === shipping.country}>${name}</option>`,
          )}
        </select>`,
      )}
    </fieldset>`;
  }

  #renderError(error: BuyTweetError, words: CheckoutWords) {
    return html`<p class="error" role="alert">${messageOf(error, this.partner, words)}</p>`;
  }

  #renderSoldOut(state: CheckoutState, words: CheckoutWords) {
    return html`<p class="error" role="alert" tabindex="-1" data-focus>${messageOf(state.error!, this.partner, words)}</p>
      <button class="primary" @click=${this.#close}>${words.close}</button>`;
  }

  #renderPayment(state: CheckoutState, words: CheckoutWords) {
    const { order, attempt } = state;
    const paying = state.step === 'paying';
    return html`<h3 tabindex="-1" ?data-focus=${state.step === 'payment'}>${words.payment}</h3>
      <p class="muted small">${words.order} <bdi>${order?.id ?? ''}</bdi> · <bdi>${attempt?.request.email ?? ''}</bdi></p>
      <div class="payment-element"><slot name="payment"></slot></div>
      ${state.error ? this.#renderError(state.error, words) : nothing}
      ${state.error?.code === 'stripe_unavailable'
        ? html`<button class="secondary" @click=${this.#showPaymentForm}>${words.tryAgain}</button>`
        : nothing}
      <button part="pay-button" class="primary" aria-disabled=${paying || !state.mounted ? 'true' : 'false'}
        aria-busy=${paying ? 'true' : 'false'} @click=${this.#pay}>
        ${paying ? words.paying : order ? words.payTotal({ total: this.#money(order.total) }) : words.pay}
      </button>
      <button class="link" aria-disabled=${paying ? 'true' : 'false'} @click=${this.#edit}>${words.changeDetails}</button>`;
  }

  /** What was ordered, as sent, at the partner's total: never the form as it is now. */
  #renderReceipt(state: CheckoutState, words: CheckoutWords) {
    const order = state.order!;
    const sent = state.attempt?.request;
    const { product } = this;
    const variant = variantOf(product, sent?.variantId);
    return html`<section part="receipt" class="receipt" aria-labelledby="receipt-heading">
      <h3 id="receipt-heading" tabindex="-1" data-focus>${words.confirmed}</h3>
      <dl>
        <dt>${words.order}</dt>
        <dd>${order.id}</dd>
        <dt>${words.item}</dt>
        <dd><bdi>${product.title}${variant ? ` (${variant.title})` : ''}</bdi> × ${sent?.quantity ?? 1}</dd>
        <dt>${words.total}</dt>
        <dd>${this.#money(order.total)}</dd>
        ${sent ? html`<dt>${words.receiptTo}</dt><dd>${sent.email}</dd>` : nothing}
      </dl>
      ${order.receiptUrl
        ? html`<p><a href=${order.receiptUrl} target="_blank" rel="noopener noreferrer">${words.viewReceipt({ partner: this.partner })}</a></p>`
        : nothing}
      <button class="primary" @click=${this.#close}>${words.done}</button>
    </section>`;
  }
}

/** What `<buy-tweet>` hands its checkout, and how it hears back (handlers run with it as `this`). */
export interface CheckoutOf {
  product: Product;
  match: PartnerMatch;
  /** The tweet the product came from, if any: the order's source. */
  tweet: TweetInfo | null;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  soldOut: (event: SoldOutEvent) => void;
  purchased: (event: CheckoutPurchaseEvent) => void;
  failed: (event: CheckoutErrorEvent) => void;
  closed: (event: CheckoutCloseEvent) => void;
}

/**
 * The checkout dialog as `<buy-tweet>` draws it in its shadow root. It comes with this chunk, so
 * the card's script does not carry it. The order's source names the page by origin and path
 * only: its query and fragment may hold what is nobody else's business (`?session=…#email=…`).
 */
export const renderCheckout = ({ product, match, tweet, locale, theme, soldOut, purchased, failed, closed }: CheckoutOf) => {
  const source: OrderSource = { pageUrl: location.origin + location.pathname };
  if (tweet?.id) source.tweetId = tweet.id;
  if (tweet?.url) source.tweetUrl = tweet.url;
  return html`<buy-tweet-checkout exportparts="dialog, pay-button, receipt" theme=${theme ?? 'auto'}
    .product=${product} .locale=${locale} .partner=${match.partner.name} .endpoint=${match.partner.endpoint}
    .productUrl=${match.productUrl} .source=${source} @sold-out=${soldOut} @checkout-purchase=${purchased}
    @checkout-error=${failed} @checkout-close=${closed}>
    <slot name="payment" slot="payment"></slot>
  </buy-tweet-checkout>`;
};

/** Defines the checkout element once per page, whichever copy of buy-tweet gets here first. */
export const defineCheckout = (): void => {
  if (!customElements.get('buy-tweet-checkout')) customElements.define('buy-tweet-checkout', BuyTweetCheckout);
  // Defined, so that a page's `:not(:defined) { display: none }` leaves the dialog alone.
  if (!customElements.get('buy-tweet-checkout-layer')) {
    customElements.define('buy-tweet-checkout-layer', class extends HTMLElement {});
  }
};

declare global {
  interface HTMLElementTagNameMap {
    'buy-tweet-checkout': BuyTweetCheckout;
    'buy-tweet-checkout-layer': HTMLElement;
  }
}
