import type { Stripe, StripeElements, StripePaymentElement } from '@stripe/stripe-js';
import { LitElement, adoptStyles, html, nothing, type TemplateResult } from 'lit';
import { emit } from '../buy-tweet/events.js';
import {
  checkoutReducer,
  expectedTotal,
  initialCheckout,
  orderRequest,
  type BuyerInput,
  type CheckoutAction,
  type CheckoutState,
} from '../core/checkout-flow.js';
import { BuyTweetError } from '../core/errors.js';
import { formatMoney } from '../core/money.js';
import { createOrder, getOrder } from '../core/protocol.js';
import type { PartnerMatch } from '../core/partners.js';
import type { Order, OrderSource, Product, ShippingAddress, TweetInfo } from '../core/types.js';
import { countryOfLocale, countryOptions } from './countries.js';
import { forget, recall, remember } from './remember.js';
import { theme } from '../buy-tweet/theme.styles.js';
import { styles } from './checkout.styles.js';
import { getStripe } from './stripe.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const SHIPPING_FIELDS: Array<[keyof ShippingAddress, string, string, boolean]> = [
  ['name', 'Full name', 'shipping name', true],
  ['line1', 'Address', 'shipping address-line1', true],
  ['line2', 'Apartment, suite (optional)', 'shipping address-line2', false],
  ['city', 'City', 'shipping address-level2', true],
  ['region', 'State / region', 'shipping address-level1', false],
  ['postalCode', 'Postal code', 'shipping postal-code', true],
];

/** A fresh Idempotency-Key: 128 random bits (getRandomValues works on http pages too). */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

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

const messageOf = (error: BuyTweetError, partner: string): string => {
  switch (error.code) {
    case 'network':
      return `${partner} could not be reached. Your details are kept: try again.`;
    case 'partner_error':
      return `${partner} had a problem taking the order. Nothing was charged: try again.`;
    case 'invalid_request':
      return 'Please check the highlighted details.';
    case 'price_changed':
      return 'The price has changed since this page loaded.';
    case 'sold_out':
      return 'Sorry, this just sold out. Nothing was charged.';
    case 'stripe_unavailable':
      return 'The payment form could not be loaded. Check your connection and try again.';
    case 'invalid_response':
      return `${partner} sent an answer that can't be used. Nothing was charged.`;
    default:
      return error.message;
  }
};

/**
 * The checkout of one `<buy-tweet>`: a native modal `<dialog>` that takes the buyer from options
 * and address through Stripe's Payment Element to a receipt. It lives in the element's shadow
 * root and is loaded only when the buyer shows intent.
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
    source: { attribute: false },
    theme: {},
  };

  declare product: Product;
  declare locale?: string;
  /** The partner's name, for messages. */
  declare partner: string;
  declare endpoint: string;
  declare source: OrderSource;
  declare theme?: 'light' | 'dark' | 'auto';

  #state: CheckoutState = initialCheckout();
  #input!: BuyerInput;
  #remember = false;
  #saved = false;
  #stripe?: Stripe;
  #elements?: StripeElements;
  #paymentElement?: StripePaymentElement;
  /** The Payment Element's container, made when the payment form is mounted. */
  #container?: HTMLElement;
  /** The client secret of the order whose Payment Element is mounted. */
  #mounted?: string;
  /** Where the dialog is drawn when `<buy-tweet>` is not in the document's own tree. */
  #layer?: HTMLElement;

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
    // Back after a removal: so is the layer.
    if (this.#layer && !this.#layer.isConnected) document.body.append(this.#layer);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // Deferred, so that moving <buy-tweet> keeps the checkout as it is.
    queueMicrotask(() => {
      if (this.isConnected) return;
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
    this.#input ??= this.#freshInput();
    this.requestUpdate();
    const { checkout } = this.product;
    if (checkout.type === 'stripe') getStripe(checkout.publishableKey).catch(() => undefined);
  }

  /** Opens the dialog, where the buyer left it. */
  async show(): Promise<void> {
    this.#input ??= this.#freshInput();
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.#dialog();
    if (!dialog.open) dialog.showModal();
    this.#focusStep();
    // The payment form went away with the element, which is back.
    if (this.#state.step === 'payment' && !this.#mounted) void this.#showPaymentForm();
  }

  #freshInput(): BuyerInput {
    const saved = recall();
    this.#saved = this.#remember = Boolean(saved);
    const available = this.product.variants.find((variant) => variant.availability !== 'sold_out');
    return {
      variantId: available?.id,
      quantity: 1,
      email: saved?.email ?? '',
      shipping: {
        name: '',
        line1: '',
        line2: '',
        city: '',
        region: '',
        postalCode: '',
        country: countryOfLocale(this.locale) ?? 'US',
        ...saved?.shipping,
      },
    };
  }

  #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  #dispatch(action: CheckoutAction) {
    this.#state = checkoutReducer(this.#state, action);
    this.requestUpdate();
  }

  #focusStep() {
    this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>('[data-focus]');
      target?.focus();
    });
  }

  #fail(error: BuyTweetError) {
    emit(this, 'buy-tweet-error', error.toDetail());
  }

  #onInput(event: Event) {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    const name = field.name;
    const value = field.type === 'checkbox' ? (field as HTMLInputElement).checked : field.value;
    if (name === 'remember') {
      this.#remember = value as boolean;
      return this.requestUpdate();
    }
    if (name.startsWith('shipping.')) {
      this.#input.shipping = { ...this.#input.shipping, [name.slice(9)]: value };
    } else if (name === 'quantity') {
      this.#input.quantity = Number(value);
    } else {
      (this.#input as unknown as Record<string, unknown>)[name] = value;
    }
    this.#dispatch({ type: 'input', field: name });
  }

  /** The buyer's own mistakes, found before anything is sent. */
  #check(): Record<string, string> {
    const { product } = this;
    const input = this.#input;
    const fields: Record<string, string> = {};
    if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > product.maxQuantity) {
      fields.quantity = `Choose from 1 to ${product.maxQuantity}.`;
    }
    if (!EMAIL.test(input.email.trim())) fields.email = 'Enter an email address like name@example.com.';
    if (product.requiresShipping) {
      for (const [key, label, , required] of SHIPPING_FIELDS) {
        if (required && !input.shipping[key].trim()) fields[`shipping.${key}`] = `Enter your ${label.toLowerCase()}.`;
      }
    }
    return fields;
  }

  async #submit(event: Event) {
    event.preventDefault();
    if (this.#state.step !== 'details') return;
    const fields = this.#check();
    if (Object.keys(fields).length) {
      this.#dispatch({ type: 'check_failed', fields });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (this.#state.newTotal) this.#dispatch({ type: 'accept_total' });
    const request = orderRequest(this.product, this.#input, this.#state, this.source);
    this.#dispatch({ type: 'submit', body: JSON.stringify(request), key: newKey() });
    const { key } = this.#state.attempt!;
    if (this.#remember) remember({ email: request.email, shipping: request.shipping ?? undefined });
    else forget();
    this.#saved = this.#remember;
    try {
      const order = await createOrder(this.endpoint, request, key);
      if (order.payment?.type !== 'stripe') {
        throw new BuyTweetError({
          code: 'invalid_response',
          message: 'The order has no way to pay for it.',
          step: 'order',
        });
      }
      this.#dispatch({ type: 'ordered', order });
      this.#focusStep();
    } catch (error) {
      const failure =
        error instanceof BuyTweetError
          ? error
          : new BuyTweetError({ code: 'network', message: String(error), step: 'order', retryable: true });
      this.#dispatch({ type: 'order_failed', error: failure });
      // Tells the card behind the dialog, which then says sold out too.
      if (failure.code === 'sold_out') this.dispatchEvent(new Event('sold-out'));
      this.#focusStep();
      this.#fail(failure);
      return;
    }
    await this.#showPaymentForm();
  }

  /** Mounts the Payment Element for the order; when that fails the order stands, and Try again mounts it again. */
  async #showPaymentForm() {
    const order = this.#state.order;
    if (!order) return;
    this.#dispatch({ type: 'payment_form' });
    try {
      await this.#mountPayment(order);
    } catch (error) {
      const failure =
        error instanceof BuyTweetError
          ? error
          : new BuyTweetError({ code: 'stripe_unavailable', message: String(error), step: 'payment', retryable: true });
      this.#dispatch({ type: 'payment_form', error: failure });
      this.#fail(failure);
    }
  }

  async #mountPayment(order: Order) {
    const payment = order.payment!;
    if (this.#mounted === payment.clientSecret) return;
    const { checkout } = this.product;
    const key = payment.publishableKey ?? (checkout.type === 'stripe' ? checkout.publishableKey : '');
    this.#stripe = await getStripe(key);
    await this.updateComplete;
    this.#unmountPayment();
    const dark = this.theme === 'dark' || (this.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    this.#elements = this.#stripe.elements({
      clientSecret: payment.clientSecret,
      appearance: { theme: dark ? 'night' : 'stripe' },
      locale: (this.locale ?? 'auto') as 'auto',
    });
    // In the light DOM of a host in the document's own tree, where Stripe.js mounts; slots show it
    // in the dialog.
    this.#container = Object.assign(document.createElement('div'), { slot: 'payment' });
    (this.#layer ?? lightHostOf(this)).append(this.#container);
    this.#paymentElement = this.#elements.create('payment');
    this.#paymentElement.mount(this.#container);
    this.#mounted = payment.clientSecret;
    this.requestUpdate();
  }

  #unmountPayment() {
    this.#paymentElement?.destroy();
    this.#container?.remove();
    this.#paymentElement = undefined;
    this.#container = undefined;
    this.#elements = undefined;
    this.#mounted = undefined;
  }

  #edit() {
    this.#dispatch({ type: 'edit' });
    this.#focusStep();
  }

  async #pay() {
    const { order } = this.#state;
    if (this.#state.step !== 'payment' || !order || !this.#stripe || !this.#elements) return;
    this.#dispatch({ type: 'pay' });
    let result;
    try {
      result = await this.#stripe.confirmPayment({
        elements: this.#elements,
        redirect: 'if_required',
        confirmParams: { return_url: location.href },
      });
    } catch (error) {
      result = { error: { type: 'api_error', message: 'The payment could not be sent. Try again.' } };
    }
    const status = result.paymentIntent?.status;
    if (status === 'succeeded' || status === 'processing') {
      // The partner's word on the order, once; if that read fails, the purchase still stands.
      let latest = order;
      try {
        latest = await getOrder(this.endpoint, order.id, { retries: 0 });
      } catch {
        // Keep the order as created.
      }
      this.#dispatch({ type: 'paid', order: latest });
      this.#focusStep();
      emit(this, 'buy-tweet-purchase', { order: latest, product: this.product });
      return;
    }
    const stripeError = result.error;
    const error = new BuyTweetError({
      code: 'payment_failed',
      message: stripeError?.message ?? 'The payment did not go through.',
      step: 'payment',
      retryable: true,
    });
    this.#dispatch({ type: 'pay_failed', error });
    // A form mistake (an incomplete card number) is shown by the payment form itself.
    if (stripeError?.type !== 'validation_error') this.#fail(error);
  }

  #close() {
    this.#dialog().close();
  }

  #onClose() {
    const completed = this.#state.step === 'receipt';
    if (completed) {
      // The next Buy is a new purchase; the buyer's details stay for it.
      this.#state = initialCheckout();
      this.#unmountPayment();
      this.#input.quantity = 1;
    }
    emit(this, 'buy-tweet-close', { reason: completed ? 'completed' : 'dismissed' });
  }

  #forget() {
    forget();
    this.#saved = this.#remember = false;
    this.#input = { ...this.#input, email: '', shipping: { ...this.#freshInput().shipping } };
    this.requestUpdate();
  }

  #money(amount: { amount: number; currency: string }) {
    return formatMoney(amount, this.locale);
  }

  protected override render() {
    if (!this.#input) return html`<dialog part="dialog"></dialog>`;
    const state = this.#state;
    const { product } = this;
    return html`<dialog part="dialog" aria-labelledby="heading" @close=${this.#onClose}>
      <header>
        <h2 id="heading" tabindex="-1" ?data-focus=${state.step === 'details'}>
          ${state.step === 'receipt' ? 'Thank you!' : 'Checkout'}
        </h2>
        <button class="close" aria-label="Close" @click=${this.#close}>×</button>
      </header>
      <div class="summary">
        ${product.image ? html`<img src=${product.image.url} alt="" width="56" height="56" />` : nothing}
        <div>
          <p class="title">${product.title}</p>
          <p class="muted">${product.merchant.name}</p>
        </div>
      </div>
      ${state.step === 'details' || state.step === 'ordering' ? this.#renderDetails() : nothing}
      ${state.step === 'sold_out' ? this.#renderSoldOut() : nothing}
      <section class="payment" ?hidden=${state.step !== 'payment' && state.step !== 'paying'}>
        ${this.#renderPayment()}
      </section>
      ${state.step === 'receipt' ? this.#renderReceipt() : nothing}
    </dialog>`;
  }

  #field(name: string, label: string, control: TemplateResult, hint?: string) {
    const error = this.#state.fields[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      ${control}
      ${error ? html`<p class="field-error" id=${`${name}-error`}>${error}</p>` : hint ? html`<p class="muted small">${hint}</p>` : nothing}
    </div>`;
  }

  #invalid(name: string) {
    return this.#state.fields[name] ? 'true' : 'false';
  }

  #describedBy(name: string) {
    return this.#state.fields[name] ? `${name}-error` : nothing;
  }

  #renderDetails() {
    const { product } = this;
    const state = this.#state;
    const input = this.#input;
    const busy = state.step === 'ordering';
    const total = expectedTotal(product, input, state);
    return html`<form novalidate @submit=${this.#submit} @input=${this.#onInput} @change=${this.#onInput}>
      ${product.variants.length
        ? this.#field(
            'variantId',
            'Option',
            html`<select id="variantId" name="variantId" aria-invalid=${this.#invalid('variantId')}
              aria-describedby=${this.#describedBy('variantId')}>
              ${product.variants.map(
                (variant) => html`<option value=${variant.id} ?selected=${variant.id === input.variantId}
                  ?disabled=${variant.availability === 'sold_out'}>
                  ${variant.title} · ${this.#money(variant.price ?? product.price)}${variant.availability === 'sold_out' ? ' · sold out' : ''}
                </option>`,
              )}
            </select>`,
          )
        : nothing}
      ${product.maxQuantity > 1
        ? this.#field(
            'quantity',
            'Quantity',
            html`<input id="quantity" name="quantity" type="number" inputmode="numeric" min="1"
              max=${product.maxQuantity} .value=${String(input.quantity)} required
              aria-invalid=${this.#invalid('quantity')} aria-describedby=${this.#describedBy('quantity')} />`,
            `Up to ${product.maxQuantity}`,
          )
        : nothing}
      ${this.#field(
        'email',
        'Email',
        html`<input id="email" name="email" type="email" autocomplete="email" required
          .value=${input.email} aria-invalid=${this.#invalid('email')} aria-describedby=${this.#describedBy('email')} />`,
        'For your receipt',
      )}
      ${product.requiresShipping ? this.#renderShipping() : nothing}
      <div class="remember">
        <input id="remember" name="remember" type="checkbox" .checked=${this.#remember} />
        <label for="remember">Remember my email${product.requiresShipping ? ' and address' : ''} on this site</label>
        ${this.#saved ? html`<button type="button" class="link" @click=${this.#forget}>Forget saved details</button>` : nothing}
      </div>
      ${state.error ? this.#renderError(state.error) : nothing}
      <p class="total">
        <span>Total</span>
        <strong>${this.#money(state.newTotal ?? total)}</strong>
      </p>
      ${state.newTotal
        ? html`<p class="notice" role="alert">
            The new total is ${this.#money(state.newTotal)} (was ${this.#money(total)}). Continue to accept it.
          </p>`
        : nothing}
      <button type="submit" class="primary" aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}>
        ${busy ? 'Creating your order…' : state.newTotal ? `Accept ${this.#money(state.newTotal)} and continue` : 'Continue to payment'}
      </button>
    </form>`;
  }

  #renderShipping() {
    const shipping = this.#input.shipping;
    const countries = countryOptions(this.locale);
    return html`<fieldset>
      <legend>Shipping address</legend>
      ${SHIPPING_FIELDS.map(([key, label, autocomplete, required]) => {
        const name = `shipping.${key}`;
        return this.#field(
          name,
          label,
          html`<input id=${name} name=${name} autocomplete=${autocomplete} ?required=${required}
            .value=${shipping[key]} aria-invalid=${this.#invalid(name)} aria-describedby=${this.#describedBy(name)} />`,
        );
      })}
      ${this.#field(
        'shipping.country',
        'Country',
        html`<select id="shipping.country" name="shipping.country" autocomplete="shipping country"
          aria-invalid=${this.#invalid('shipping.country')} aria-describedby=${this.#describedBy('shipping.country')}>
          ${countries.map(
            ({ code, name }) => html`<option value=${code} ?selected=${code === shipping.country}>${name}</option>`,
          )}
        </select>`,
      )}
    </fieldset>`;
  }

  #renderError(error: BuyTweetError) {
    return html`<p class="error" role="alert">${messageOf(error, this.partner)}</p>`;
  }

  #renderSoldOut() {
    return html`<p class="error" role="alert" tabindex="-1" data-focus>${messageOf(this.#state.error!, this.partner)}</p>
      <button class="primary" @click=${this.#close}>Close</button>`;
  }

  #renderPayment() {
    const state = this.#state;
    const order = state.order;
    const paying = state.step === 'paying';
    return html`<h3 tabindex="-1" ?data-focus=${state.step === 'payment'}>Payment</h3>
      <p class="muted small">Order ${order?.id ?? ''} · ${this.#input.email}</p>
      <div class="payment-element"><slot name="payment"></slot></div>
      ${state.error ? this.#renderError(state.error) : nothing}
      ${state.error?.code === 'stripe_unavailable'
        ? html`<button class="secondary" @click=${this.#showPaymentForm}>Try again</button>`
        : nothing}
      <button part="pay-button" class="primary" aria-disabled=${paying || !this.#mounted ? 'true' : 'false'}
        aria-busy=${paying ? 'true' : 'false'} @click=${this.#pay}>
        ${paying ? 'Paying…' : order ? `Pay ${this.#money(order.total)}` : 'Pay'}
      </button>
      <button class="link" aria-disabled=${paying ? 'true' : 'false'} @click=${this.#edit}>Change details</button>`;
  }

  #renderReceipt() {
    const { order } = this.#state;
    const { product } = this;
    const input = this.#input;
    const variant = product.variants.find((v) => v.id === input.variantId);
    return html`<section part="receipt" class="receipt" aria-labelledby="receipt-heading">
      <h3 id="receipt-heading" tabindex="-1" data-focus>Your order is confirmed</h3>
      <dl>
        <dt>Order</dt>
        <dd>${order!.id}</dd>
        <dt>Item</dt>
        <dd>${product.title}${variant ? ` (${variant.title})` : ''} × ${input.quantity}</dd>
        <dt>Total</dt>
        <dd>${this.#money(order!.total)}</dd>
        <dt>Receipt to</dt>
        <dd>${input.email}</dd>
      </dl>
      ${order!.receiptUrl
        ? html`<p><a href=${order!.receiptUrl} target="_blank" rel="noopener noreferrer">View receipt from ${this.partner}</a></p>`
        : nothing}
      <button class="primary" @click=${this.#close}>Done</button>
    </section>`;
  }
}

/** What `<buy-tweet>` hands its checkout. */
export interface CheckoutOf {
  product: Product;
  match: PartnerMatch;
  /** The tweet the product came from, if any: the order's source. */
  tweet: TweetInfo | null;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  /** The partner answered sold out. */
  soldOut: () => void;
  closed: () => void;
}

/**
 * The checkout dialog as `<buy-tweet>` draws it in its shadow root (handlers run with the element
 * as `this`). It comes with this chunk, so the card's script does not carry it.
 */
export const renderCheckout = ({ product, match, tweet, locale, theme, soldOut, closed }: CheckoutOf) => {
  const source: OrderSource = { pageUrl: location.href };
  if (tweet?.id) source.tweetId = tweet.id;
  if (tweet?.url) source.tweetUrl = tweet.url;
  return html`<buy-tweet-checkout exportparts="dialog, pay-button, receipt" theme=${theme ?? 'auto'}
    .product=${product} .locale=${locale} .partner=${match.partner.name} .endpoint=${match.partner.endpoint}
    .source=${source} @sold-out=${soldOut} @buy-tweet-close=${closed}>
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
