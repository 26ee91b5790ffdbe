import type {
  StripeExpressCheckoutElementClickEvent,
  StripeExpressCheckoutElementConfirmEvent,
} from '@stripe/stripe-js';
import { checkBuyer, newKey, type BuyerInput } from '../core/buyer.js';
import { orderRequest, type CheckoutAction, type CheckoutState } from '../core/checkout-flow.js';
import { BuyTweetError } from '../core/errors.js';
import { createOrder, getOrder } from '../core/protocol.js';
import type { Money, Order, OrderSource, Product } from '../core/types.js';
import { walletDetails, walletInput } from '../core/wallet.js';
import type { CheckoutWords } from '../words/language.js';
import type { StoredAttempt } from './attempt.js';
import { isAboutPaymentDetails, isPurchase, type PaymentController, type StripeProblem } from './payment.js';
import { keepBuyer } from './remember.js';

/** What a purchase needs of its checkout: its product and state, and how it tells the buyer and the page. */
export interface PurchaseHost {
  /** The checkout element: what is bought, from whom, from where. */
  readonly checkout: { readonly product: Product; readonly endpoint: string; readonly source: OrderSource };
  readonly payment: PaymentController;
  words(): CheckoutWords;
  state(): CheckoutState | undefined;
  dispatch(action: CheckoutAction): CheckoutState;
  /** The total the buyer sees, which Stripe's Elements hold. */
  total(): Money;
  /** Keeps the attempt for a reload or a return from Stripe. */
  store(more?: Pick<StoredAttempt, 'orderId' | 'paymentIntent'>): void;
  /** The first field the buyer must fix gets focus. */
  focusInvalid(): void;
  focusStep(): void;
  failed(error: BuyTweetError): void;
  soldOut(): void;
  /** The receipt is shown, and the page hears of it. */
  purchased(order: Order): void;
}

/**
 * Paying, on one screen (docs/publishers/checkout.md): Pay, and the wallets of Stripe's Express
 * Checkout Element. Stripe's deferred intents set the order of things: `elements.submit()` as soon
 * as the buyer pays, before any other asynchronous work; then the attempt's order (made once:
 * paying again pays the same order); then `confirmPayment` with its client secret. The checkout
 * element draws; this decides nothing the reducer does not (core/checkout-flow.ts).
 */
export class Purchase {
  constructor(private readonly host: PurchaseHost) {}

  /** Pay, or Enter in a field. */
  async pay(): Promise<void> {
    const { host } = this;
    const state = host.state();
    if (state?.step !== 'details' || !state.mounted) return;
    const fields = checkBuyer(host.checkout.product, state.input, host.words());
    if (Object.keys(fields).length) {
      host.dispatch({ type: 'check_failed', fields });
      return host.focusInvalid();
    }
    const submitted = host.payment.submit();
    this.#begin(state, state.input);
    const { error } = await submitted;
    if (error) return this.#payFailed(error);
    await this.#purchase();
  }

  /** A wallet's button: its sheet opens with the line and total the buyer sees, if resolved within one second. */
  walletClick(event: StripeExpressCheckoutElementClickEvent): void {
    const { host } = this;
    const state = host.state();
    if (state?.step !== 'details') return event.reject();
    // The wallet gives the email and the address; the option and quantity are the dialog's.
    const { quantity, variantId } = checkBuyer(host.checkout.product, state.input, host.words());
    if (quantity || variantId) {
      host.dispatch({
        type: 'check_failed',
        fields: { ...(quantity && { quantity }), ...(variantId && { variantId }) },
      });
      host.focusInvalid();
      return event.reject();
    }
    event.resolve(walletDetails(host.checkout.product, state.input, host.total(), host.words().shippingIncluded));
  }

  /**
   * The buyer approved the wallet's sheet: the order is made from the dialog's choices and the
   * wallet's email and address, and paid within the handler; a refusal ends the sheet, and its
   * message shows in the dialog.
   */
  async walletConfirm(event: StripeExpressCheckoutElementConfirmEvent): Promise<void> {
    const { host } = this;
    const state = host.state();
    if (state?.step !== 'details' || !state.mounted) return event.paymentFailed({ reason: 'fail' });
    const submitted = host.payment.submit();
    const input = walletInput(state.input, event);
    const fields = checkBuyer(host.checkout.product, input, host.words());
    if (Object.keys(fields).length) {
      return event.paymentFailed({ reason: fields.email ? 'invalid_payment_data' : 'invalid_shipping_address' });
    }
    this.#begin(state, input);
    const { error } = await submitted;
    if (error) {
      event.paymentFailed({ reason: 'fail' });
      return this.#payFailed(error);
    }
    if (!(await this.#purchase())) event.paymentFailed({ reason: 'fail' });
  }

  /** The attempt for what is paid for: the same body as before keeps its key and order. */
  #begin(state: CheckoutState, input: BuyerInput) {
    const { host } = this;
    const request = orderRequest(
      host.checkout.product,
      input,
      state.newTotal ?? state.acceptedTotal,
      host.checkout.source,
    );
    host.dispatch({ type: 'pay', request, key: newKey(), ...(input !== state.input && { input }) });
  }

  /** The attempt's order, made once, then paid: whether it was. */
  async #purchase(): Promise<boolean> {
    const { host } = this;
    const order = host.state()?.order ?? (await this.#order());
    const clientSecret = order?.payment?.clientSecret;
    if (!order || !clientSecret) return false;
    // A payment method that leaves the page comes back to this page's URL: the attempt must be
    // found then by the PaymentIntent Stripe names (its id is the client secret's first part).
    host.store({ orderId: order.id, paymentIntent: clientSecret.split('_secret_')[0] });
    const result = await host.payment.confirm(clientSecret);
    if (isPurchase(result?.paymentIntent?.status)) return this.#paidFor(order);
    const stripeError = result?.error;
    if (!stripeError || !isAboutPaymentDetails(stripeError)) {
      // An unclear answer (a lost connection, an API error): the payment may have gone through.
      // Stripe's and the partner's word decide before anything is said to have failed.
      if (await this.#wentThrough(order, clientSecret)) return this.#paidFor(order);
    }
    this.#payFailed(stripeError ?? {});
    return false;
  }

  /** `POST /orders` for the attempt; a refusal goes back to the details, saying why. */
  async #order(): Promise<Order | undefined> {
    const { host } = this;
    const attempt = host.state()?.attempt;
    if (!attempt) return undefined;
    // Kept before it leaves: a reload while it is on its way sends it again under the same key.
    host.store();
    try {
      const order = await createOrder(host.checkout.endpoint, attempt.request, attempt.key);
      if (order.payment?.type !== 'stripe') {
        throw new BuyTweetError({
          code: 'invalid_response',
          message: 'The order has no way to pay for it.',
          step: 'order',
        });
      }
      const { remember: wanted } = host.dispatch({ type: 'ordered', order });
      keepBuyer(wanted, attempt.request);
      host.dispatch({ type: 'saved', saved: wanted });
      return order;
    } catch (error) {
      const failure = BuyTweetError.from(error, { code: 'network', step: 'order', retryable: true });
      host.dispatch({ type: 'order_failed', error: failure });
      if (failure.code === 'sold_out') host.soldOut();
      host.focusStep();
      host.failed(failure);
      return undefined;
    }
  }

  /** Stripe refused the payment (or its fields): back to the details; Pay again pays the same order. */
  #payFailed(stripeError: StripeProblem) {
    const error = new BuyTweetError({
      code: 'payment_failed',
      message: stripeError.message ?? this.host.words().paymentUnconfirmed,
      step: 'payment',
      retryable: true,
    });
    this.host.dispatch({ type: 'pay_failed', error });
    // A form mistake (an incomplete card number) is shown by the payment form itself.
    if (stripeError.type !== 'validation_error') this.host.failed(error);
  }

  /** Whether Stripe, or else the partner, says the order's payment went through. */
  async #wentThrough(order: Order, clientSecret: string): Promise<boolean> {
    // When Stripe cannot say, the partner may.
    if (isPurchase((await this.host.payment.retrieve(clientSecret))?.status)) return true;
    try {
      return (await getOrder(this.host.checkout.endpoint, order.id, { retries: 1 })).status === 'paid';
    } catch {
      return false;
    }
  }

  /** A payment went through: the partner's word on the order, once; if that read fails, the purchase still stands. */
  async #paidFor(order: Order): Promise<true> {
    let latest = order;
    try {
      latest = await getOrder(this.host.checkout.endpoint, order.id, { retries: 0 });
    } catch {
      // Keep the order as created.
    }
    this.host.dispatch({ type: 'paid', order: latest });
    this.host.purchased(latest);
    return true;
  }
}
