import type { BuyerInput } from './buyer.js';
import type { BuyTweetError } from './errors.js';
import { multiply } from './money.js';
import type { Money, Order, OrderRequest, Product, ShippingAddress, Variant } from './types.js';
import { isRecord } from './rules.js';

export type { BuyerInput } from './buyer.js';

/**
 * The checkout's states as a pure reducer: no DOM, no fetch, no storage. The dialog draws the
 * state and turns the buyer's presses and the partner's and Stripe's answers into actions; this is
 * the one place where what the buyer entered, what was sent and what is shown change.
 *
 *   details ──pay──▶ paying ──paid──▶ receipt
 *      ▲               │ (ordered: the order is kept with its attempt)
 *      └── order_failed, pay_failed ──┘        order_failed sold_out ──▶ sold_out
 *
 * One screen (docs/publishers/checkout.md): the details, Stripe's fields and Pay together, the
 * order created when the buyer pays (Stripe's deferred intents). One purchase attempt is one body
 * sent to `POST /orders`: the same body again (after a network error, a timeout or a 5xx, a
 * declined card, or a reload) is a retry and keeps the attempt's Idempotency-Key and its order;
 * any change the buyer makes is a new attempt with a new key. So the partner creates one order per
 * attempt, whatever is pressed twice, retried or reloaded.
 */

export type Step = 'details' | 'paying' | 'receipt' | 'sold_out';

/** One submission of what the buyer entered: what was sent, under which key. */
export interface Attempt {
  request: OrderRequest;
  /** `request` as sent, to tell a retry (the same body) from a new attempt. */
  body: string;
  key: string;
}

export interface CheckoutState {
  step: Step;
  /** What the buyer has entered; changes only in the details step. */
  input: BuyerInput;
  /** The "remember me" box. */
  remember: boolean;
  /** Whether details are saved on this site (Forget shows then). */
  saved: boolean;
  /** Why the last step failed, shown to the buyer; cleared by the next action. */
  error?: BuyTweetError;
  /** Field messages: the buyer's own mistakes, or a 422's, by field name (`email`, `shipping.city`). */
  fields: Record<string, string>;
  /** A new total the partner answered with `price_changed`, until the buyer pays it. */
  newTotal?: Money;
  /** The total the buyer has accepted, when it differs from the listed price. */
  acceptedTotal?: Money;
  attempt?: Attempt;
  /** The partner's order for the attempt, once Pay has created it: paying again pays it. */
  order?: Order;
  /** Stripe's fields (the Payment Element) are mounted: Pay can pay. */
  mounted: boolean;
  /** The Express Checkout Element has wallets to show. */
  wallets: boolean;
}

export type CheckoutAction =
  | { type: 'input'; field: string; value: string }
  | { type: 'remember'; on: boolean }
  | { type: 'forgot'; input: BuyerInput }
  | { type: 'check_failed'; fields: Record<string, string> }
  /** Pay (or a wallet's confirmation, whose email and address come as `input`). */
  | { type: 'pay'; request: OrderRequest; key: string; input?: BuyerInput }
  | { type: 'ordered'; order: Order }
  | { type: 'order_failed'; error: BuyTweetError }
  | { type: 'saved'; saved: boolean }
  | { type: 'payment_form'; error?: BuyTweetError }
  | { type: 'mounted' }
  | { type: 'unmounted' }
  | { type: 'wallets'; available: boolean }
  | { type: 'pay_failed'; error: BuyTweetError }
  | { type: 'paid'; order: Order }
  /** An attempt kept from before a reload or a redirect, with its order when it has one. */
  | { type: 'resume'; input: BuyerInput; attempt?: Attempt; order?: Order; acceptedTotal?: Money }
  /** Back from a payment method that left the page: paid, or the failure and Pay again. */
  | { type: 'returned'; order: Order; error?: BuyTweetError }
  | { type: 'closed' };

export const initialCheckout = (input: BuyerInput, saved = false): CheckoutState => ({
  step: 'details',
  input,
  remember: saved,
  saved,
  fields: {},
  mounted: false,
  wallets: false,
});

/** `input` with `field` set from a form control's value. */
const withInput = (input: BuyerInput, field: string, value: string): BuyerInput => {
  if (field.startsWith('shipping.')) {
    const key = field.slice(9);
    return key in input.shipping ? { ...input, shipping: { ...input.shipping, [key]: value } } : input;
  }
  if (field === 'quantity') return { ...input, quantity: Number(value) };
  if (field === 'email' || field === 'variantId') return { ...input, [field]: value };
  return input;
};

/** The partner refused the order: back to the details, with what it said. */
const orderFailed = (state: CheckoutState, error: BuyTweetError): CheckoutState => {
  if (error.code === 'sold_out') return { ...state, step: 'sold_out', error };
  const next: CheckoutState = { ...state, step: 'details', error };
  if (error.code === 'invalid_request' && isRecord(error.details?.fields)) {
    next.fields = Object.fromEntries(
      Object.entries(error.details.fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  }
  // Checked where the answer was read (core/orders.ts): a valid Money in the same currency.
  if (error.code === 'price_changed') next.newTotal = error.details?.total as Money | undefined;
  // The key was used for another body: whatever happened, the next press is a new attempt.
  if (error.code === 'idempotency_conflict') next.attempt = undefined;
  return next;
};

export const checkoutReducer = (state: CheckoutState, action: CheckoutAction): CheckoutState => {
  switch (action.type) {
    case 'input': {
      // The details are inert while a payment is on its way: what was sent is what is ordered.
      if (state.step !== 'details') return state;
      const { [action.field]: _fixed, ...fields } = state.fields;
      // A price accepted for the old choice says nothing about the new one.
      return {
        ...state,
        input: withInput(state.input, action.field, action.value),
        fields,
        newTotal: undefined,
        acceptedTotal: undefined,
      };
    }
    case 'remember':
      return { ...state, remember: action.on };
    case 'forgot':
      return state.step === 'details' ? { ...state, input: action.input, remember: false, saved: false } : state;
    case 'saved':
      return { ...state, saved: action.saved };
    case 'check_failed':
      return state.step === 'details' ? { ...state, fields: action.fields, error: undefined } : state;
    case 'pay': {
      // A second press while the first is on its way sends nothing.
      if (state.step !== 'details' || !state.mounted) return state;
      const body = JSON.stringify(action.request);
      // The same body again is a retry of the attempt: its key, and its order, stay.
      const retried = state.attempt?.body === body;
      return {
        ...state,
        step: 'paying',
        input: action.input ?? state.input,
        error: undefined,
        fields: {},
        // Paying a new total accepts it.
        acceptedTotal: state.newTotal ?? state.acceptedTotal,
        newTotal: undefined,
        attempt: { request: action.request, body, key: retried && state.attempt ? state.attempt.key : action.key },
        order: retried ? state.order : undefined,
      };
    }
    case 'ordered':
      return state.step === 'paying' ? { ...state, order: action.order } : state;
    case 'order_failed':
      return state.step === 'paying' ? orderFailed(state, action.error) : state;
    case 'payment_form': {
      // Trying again clears that failure, not another (a declined payment the buyer came back from).
      const kept = state.error?.code === 'stripe_unavailable' ? undefined : state.error;
      return { ...state, error: action.error ?? kept };
    }
    case 'mounted':
      return { ...state, mounted: true };
    case 'unmounted':
      return { ...state, mounted: false, wallets: false };
    case 'wallets':
      return { ...state, wallets: action.available };
    case 'pay_failed':
      return state.step === 'paying' ? { ...state, step: 'details', error: action.error } : state;
    case 'paid':
      return state.step === 'paying' ? { ...state, step: 'receipt', order: action.order } : state;
    case 'resume': {
      const { input, attempt, order, acceptedTotal } = action;
      const step: Step = order?.status === 'paid' ? 'receipt' : 'details';
      return { ...state, step, input, attempt, order, acceptedTotal, error: undefined, fields: {} };
    }
    case 'returned':
      return { ...state, step: action.error ? 'details' : 'receipt', order: action.order, error: action.error };
    case 'closed':
      // After a receipt the next Buy is a new purchase: the buyer's details stay for it.
      return state.step === 'receipt' ? initialCheckout({ ...state.input, quantity: 1 }, state.saved) : state;
  }
};

export const variantOf = (product: Product, variantId: string | null | undefined): Variant | undefined =>
  product.variants.find((variant) => variant.id === variantId);

/** The unit price of what is chosen: the variant's, else the product's. */
export const unitPrice = (product: Product, input: BuyerInput): Money =>
  variantOf(product, input.variantId)?.price ?? product.price;

/** The total the buyer expects to pay: the accepted new total, else unit price × quantity. */
export const expectedTotal = (product: Product, input: BuyerInput, acceptedTotal?: Money): Money =>
  acceptedTotal ?? multiply(unitPrice(product, input), input.quantity);

/** The total the dialog shows, Pay says and Stripe's Elements hold: a new total to pay, else the expected one. */
export const shownTotal = (product: Product, state: CheckoutState): Money =>
  state.newTotal ?? expectedTotal(product, state.input, state.acceptedTotal);

/** The body of `POST /orders` for what the buyer entered, as sent (docs/partners/protocol.md). */
export const orderRequest = (
  product: Product,
  input: BuyerInput,
  acceptedTotal: Money | undefined,
  source: OrderRequest['source'],
): OrderRequest => ({
  productId: product.id,
  variantId: product.variants.length ? (input.variantId ?? null) : null,
  quantity: input.quantity,
  email: input.email.trim(),
  shipping: product.requiresShipping ? trimAll(input.shipping) : null,
  expectedTotal: expectedTotal(product, input, acceptedTotal),
  source,
});

const trimAll = (address: ShippingAddress): ShippingAddress =>
  Object.fromEntries(
    Object.entries(address as unknown as Record<string, string>).map(([key, value]) => [key, value.trim()]),
  ) as unknown as ShippingAddress;
