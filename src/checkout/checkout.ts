import { LitElement, html } from 'lit';
import {
  checkoutReducer,
  initialCheckout,
  shownTotal,
  type CheckoutAction,
  type CheckoutState,
} from '../core/checkout-flow.js';
import { watchSettings } from '../core/config.js';
import { BuyTweetError } from '../core/errors.js';
import { formatMoney } from '../core/money.js';
import { getOrder } from '../core/protocol.js';
import { stripeReturn } from './stripe-return.js';
import type { Money, Order, OrderSource, Product } from '../core/types.js';
import english from '../words/en-checkout.js';
import { wordsIn, type CheckoutWords } from '../words/language.js';
import { theme } from '../buy-tweet/theme.styles.js';
import { clearAttempt, forgetStripeReturn, loadAttempt, saveAttempt, type StoredAttempt } from './attempt.js';
import { styles } from './checkout.styles.js';
import { dressLayer, layerFor, lightHostOf } from './layer.js';
import { CheckoutCloseEvent, CheckoutErrorEvent, CheckoutPurchaseEvent, SoldOutEvent } from './events.js';
import { renderDialog, type CheckoutView } from './form.js';
import { isPurchase, PaymentController, publishableKeyOf } from './payment.js';
import { forget, forgottenInput, freshCheckout, recall } from './remember.js';
import { Purchase } from './purchase.js';

/**
 * The checkout of one `<buy-tweet>`: a native modal `<dialog>` with everything on one screen
 * (options, email, the address when it ships, Stripe's Payment Element, the wallets above, and Pay)
 * that ends in a receipt. The order is created when the buyer pays, as Stripe's deferred intents
 * have it (docs/publishers/checkout.md). It lives in the element's shadow root and is loaded only
 * when the buyer shows intent. Its state changes only through `core/checkout-flow.ts`'s reducer;
 * the attempt under way is kept in sessionStorage (`attempt.ts`) until it ends in a receipt. Where
 * Stripe's Elements mount: `layer.ts`.
 *
 * @tagname buy-tweet-checkout
 * @slot payment - The Payment Element's container, in the document's own tree.
 * @slot express - The Express Checkout Element's container, in the document's own tree.
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
  /** Stripe.js and its Elements. */
  #payment = new PaymentController(this);
  /** Pay and the wallets. */
  #purchase = new Purchase({
    checkout: this,
    payment: this.#payment,
    words: () => this.#words,
    state: () => this.#state,
    dispatch: (action) => this.#dispatch(action),
    total: () => this.#total(),
    store: (more) => this.#store(more),
    focusInvalid: () => this.#focusOn('[aria-invalid="true"]'),
    focusStep: () => this.#focusStep(),
    failed: (error) => this.#fail(error),
    soldOut: () => this.dispatchEvent(new SoldOutEvent()),
    purchased: (order) => this.#purchased(order),
  });
  /** Where the dialog is drawn when `<buy-tweet>` is not in the document's own tree. */
  #layer?: HTMLElement;
  #unwatch?: () => void;

  /** The checkout's words in the element's language, with the publisher's own. */
  get #words(): CheckoutWords {
    return wordsIn(english, this.locale);
  }

  protected override createRenderRoot() {
    if (lightHostOf(this).getRootNode() === document) return super.createRenderRoot();
    const root = layerFor(BuyTweetCheckout.elementStyles);
    this.#layer = root.host as HTMLElement;
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
      this.#dialog()?.close();
      this.#unmountPayment();
      this.#layer?.remove();
    });
  }

  protected override updated() {
    if (this.#layer) dressLayer(this.#layer, this);
    // Stripe's Elements hold the total the buyer sees: the wallets' sheet shows it.
    if (this.#state) this.#payment.setAmount(this.#total());
  }

  #total(): Money {
    // Only called with a state: the total of what is drawn.
    return this.#state ? shownTotal(this.product, this.#state) : this.product.price;
  }

  /** Loads Stripe.js for the product's key ahead of the press: hover or focus of Buy. */
  preload(): void {
    // Draw the (closed) dialog now, so the press only has to open it. Not awaited: `#resume` handles
    // its own failures, and show() awaits the same promise.
    void this.#begin();
    const { checkout } = this.product;
    if (checkout.type === 'stripe') this.#payment.preload(checkout.publishableKey);
  }

  /** Opens the dialog, where the buyer left it: in this page, or before a reload. */
  async show(): Promise<void> {
    await this.#begin();
    await this.updateComplete;
    this.#openDialog();
    this.#focusStep();
    // Stripe's fields come with the dialog (and again when the element, or the page, is back).
    if (this.#state?.step === 'details') void this.#showPaymentForm();
  }

  /**
   * Back from a payment method that left the page (docs/publishers/checkout.md): when Stripe's parameters name the
   * PaymentIntent of this product's stored attempt, the checkout opens at the outcome, Stripe's
   * parameters leave the address bar, and the purchase counts once.
   */
  async returnFromStripe(): Promise<void> {
    const back = stripeReturn(location.search);
    const stored = back && loadAttempt(this.endpoint, this.productUrl);
    if (!back || !stored?.orderId || stored.paymentIntent !== back.paymentIntent) return;
    forgetStripeReturn();
    this.#resumed = Promise.resolve();
    this.#state = initialCheckout(stored.input, Boolean(recall()));
    this.#dispatch({
      type: 'resume',
      input: stored.input,
      attempt: stored.attempt,
      acceptedTotal: stored.acceptedTotal,
    });
    await this.updateComplete;
    this.#openDialog();
    // When Stripe's word cannot be had, the partner's is asked all the same.
    const intent = await this.#payment.retrieve(back.clientSecret, publishableKeyOf(this.product, this.#state?.order));
    let order: Order;
    try {
      order = await getOrder(this.endpoint, stored.orderId);
    } catch (error) {
      // No order to show: the details stay, with the same key, so Pay finds the same order.
      this.#dispatch({
        type: 'order_failed',
        error: BuyTweetError.from(error, { code: 'network', step: 'order', retryable: true }),
      });
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
      this.#state = freshCheckout(this.product, this.locale);
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

  /** The dialog: every render draws one, so it is missing only before the first. */
  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #openDialog() {
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** Applies an action to the state, and gives the new state. */
  #dispatch(action: CheckoutAction): CheckoutState {
    // Actions come only once `#begin` or `returnFromStripe` has made the state: the dialog's
    // handlers are drawn only with it.
    if (!this.#state) throw new Error('buy-tweet-checkout: an action before the checkout began');
    const state = checkoutReducer(this.#state, action);
    this.#state = state;
    this.requestUpdate();
    return state;
  }

  /** Once drawn, focus goes to what `selector` finds. */
  #focusOn(selector: string) {
    // Only focus: an update that throws is reported by Lit itself.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  #focusStep() {
    this.#focusOn('[data-focus]');
  }

  #fail(error: BuyTweetError) {
    this.dispatchEvent(new CheckoutErrorEvent(error));
  }

  /** Keeps the attempt for a reload or a return from Stripe, with what is known of it so far. */
  #store(more: Pick<StoredAttempt, 'orderId' | 'paymentIntent'> = {}) {
    const state = this.#state;
    if (!state?.attempt) return;
    const { input, attempt, acceptedTotal } = state;
    saveAttempt({ endpoint: this.endpoint, productUrl: this.productUrl, input, attempt, acceptedTotal, ...more });
  }

  #pay(event: Event) {
    event.preventDefault();
    void this.#purchase.pay();
  }

  #onInput(event: Event) {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    // Only the dialog's own fields: typing in Stripe's (frames, or the test-mode fake's shadow root
    // slotted into the form) is Stripe's.
    if (field.getRootNode() !== this.renderRoot) return;
    if (field.name === 'remember') this.#dispatch({ type: 'remember', on: (field as HTMLInputElement).checked });
    else this.#dispatch({ type: 'input', field: field.name, value: field.value });
  }

  /** Mounts Stripe's fields for the total shown; when that fails the details stay, and Try again mounts them again. */
  async #showPaymentForm() {
    if (!this.#state || this.#payment.mounted) return;
    this.#dispatch({ type: 'payment_form' });
    try {
      await this.#payment.load(publishableKeyOf(this.product, this.#state.order));
      await this.updateComplete;
      // Mounted meanwhile by another call.
      if (this.#payment.mounted) return;
      // In the light DOM of a host in the document's own tree, where Stripe.js mounts.
      this.#payment.mount(this.#total(), this.#layer ?? lightHostOf(this), {
        options: { emailRequired: true, shippingAddressRequired: this.product.requiresShipping },
        ready: (available) => this.#dispatch({ type: 'wallets', available }),
        click: (event) => this.#purchase.walletClick(event),
        confirm: (event) => this.#purchase.walletConfirm(event),
      });
      this.#dispatch({ type: 'mounted' });
    } catch (error) {
      this.#payment.unmount();
      const failure = BuyTweetError.from(error, { code: 'stripe_unavailable', step: 'payment', retryable: true });
      this.#dispatch({ type: 'payment_form', error: failure });
      this.#fail(failure);
    }
  }

  #unmountPayment() {
    this.#payment.unmount();
    if (this.#state?.mounted) this.#dispatch({ type: 'unmounted' });
  }

  /** The receipt is shown: the attempt is over, and `<buy-tweet>` tells the page. */
  #purchased(order: Order) {
    if (this.#state?.step !== 'receipt') this.#dispatch({ type: 'returned', order });
    clearAttempt(this.endpoint, this.productUrl);
    this.#focusStep();
    // The page hears of the purchase after the receipt is drawn, and even if drawing it failed
    // (which Lit reports itself).
    const tell = () => this.dispatchEvent(new CheckoutPurchaseEvent(order));
    this.updateComplete.then(tell, tell);
  }

  #close() {
    this.#dialog()?.close();
  }

  #onClose() {
    const completed = this.#state?.step === 'receipt';
    if (completed) this.#unmountPayment();
    this.#dispatch({ type: 'closed' });
    this.dispatchEvent(new CheckoutCloseEvent(completed ? 'completed' : 'dismissed'));
  }

  #forget() {
    forget();
    // Forget is drawn only with the state.
    if (this.#state) this.#dispatch({ type: 'forgot', input: forgottenInput(this.#state.input, this.locale) });
  }

  protected override render() {
    const state = this.#state;
    if (!state) return html`<dialog part="dialog"></dialog>`;
    const view: CheckoutView = {
      product: this.product,
      partner: this.partner,
      locale: this.locale,
      state,
      words: this.#words,
      money: (amount) => formatMoney(amount, this.locale),
      total: this.#total(),
      input: this.#onInput,
      forget: this.#forget,
      close: this.#close,
      retryPayment: this.#showPaymentForm,
      pay: this.#pay,
    };
    return renderDialog(view, this.#onClose);
  }
}
