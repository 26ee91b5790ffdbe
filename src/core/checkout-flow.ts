import type { BuyTweetError } from './errors.js';
import { multiply } from './money.js';
import type { Money, Order, OrderRequest, Product, ShippingAddress, Variant } from './types.js';

/**
 * The checkout's states as a pure reducer: no DOM, no fetch. The dialog draws the state and turns
 * the buyer's presses and the partner's answers into actions.
 *
 *   details ──submit──▶ ordering ──ordered──▶ payment ──pay──▶ paying ──paid──▶ receipt
 *      ▲                    │                    ▲                │
 *      └─── order_failed ───┘                    └── pay_failed ──┘
 *
 * One purchase attempt is one body sent to `POST /orders`: the same body again (after a network
 * error, a timeout or a 5xx) is a retry and keeps the attempt's Idempotency-Key; any change the
 * buyer makes is a new attempt with a new key. So the partner creates one order per attempt,
 * whatever is pressed twice or retried.
 */

export type Step = 'details' | 'ordering' | 'payment' | 'paying' | 'receipt' | 'sold_out';

export interface CheckoutState {
  step: Step;
  /** Why the last step failed, shown to the buyer; cleared by the next action. */
  error?: BuyTweetError;
  /** Field messages of a 422, by field name (`email`, `shipping.postalCode`...). */
  fields: Record<string, string>;
  /** A new total the partner answered with `price_changed`, until the buyer accepts it. */
  newTotal?: Money;
  /** The total the buyer has accepted, when it differs from the listed price. */
  acceptedTotal?: Money;
  /** The current attempt: the body sent and its key. */
  attempt?: { body: string; key: string };
  order?: Order;
}

export type CheckoutAction =
  | { type: 'check_failed'; fields: Record<string, string> }
  | { type: 'submit'; body: string; key: string }
  | { type: 'ordered'; order: Order }
  | { type: 'order_failed'; error: BuyTweetError }
  | { type: 'input'; field: string }
  | { type: 'accept_total' }
  | { type: 'edit' }
  | { type: 'payment_form'; error?: BuyTweetError }
  | { type: 'pay' }
  | { type: 'pay_failed'; error: BuyTweetError }
  | { type: 'paid'; order: Order };

export const initialCheckout = (): CheckoutState => ({ step: 'details', fields: {} });

export const checkoutReducer = (state: CheckoutState, action: CheckoutAction): CheckoutState => {
  switch (action.type) {
    case 'check_failed':
      // The buyer's own mistakes, found before anything is sent.
      return state.step === 'details' ? { ...state, fields: action.fields, error: undefined } : state;
    case 'submit': {
      // A second press while the first is on its way sends nothing.
      if (state.step !== 'details') return state;
      const retry = state.attempt?.body === action.body;
      return {
        ...state,
        step: 'ordering',
        error: undefined,
        fields: {},
        attempt: { body: action.body, key: retry ? state.attempt!.key : action.key },
      };
    }
    case 'ordered':
      return state.step === 'ordering' ? { ...state, step: 'payment', order: action.order } : state;
    case 'order_failed': {
      if (state.step !== 'ordering') return state;
      const { error } = action;
      if (error.code === 'sold_out') return { ...state, step: 'sold_out', error };
      const next: CheckoutState = { ...state, step: 'details', error };
      if (error.code === 'invalid_request' && isRecord(error.details?.fields)) {
        next.fields = Object.fromEntries(
          Object.entries(error.details.fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        );
      }
      if (error.code === 'price_changed') next.newTotal = error.details?.total as Money | undefined;
      // The key was used for another body: whatever happened, the next press is a new attempt.
      if (error.code === 'idempotency_conflict') next.attempt = undefined;
      return next;
    }
    case 'input': {
      // A price accepted for the old choice says nothing about the new one.
      const { [action.field]: _fixed, ...fields } = state.fields;
      return { ...state, fields, newTotal: undefined, acceptedTotal: undefined };
    }
    case 'accept_total':
      return state.newTotal
        ? { ...state, acceptedTotal: state.newTotal, newTotal: undefined, error: undefined }
        : state;
    case 'edit':
      return state.step === 'payment' ? { ...state, step: 'details', error: undefined } : state;
    case 'payment_form':
      // The order stands whether or not the payment form could be loaded.
      return state.step === 'payment' ? { ...state, error: action.error } : state;
    case 'pay':
      return state.step === 'payment' ? { ...state, step: 'paying', error: undefined } : state;
    case 'pay_failed':
      return state.step === 'paying' ? { ...state, step: 'payment', error: action.error } : state;
    case 'paid':
      return state.step === 'paying' ? { ...state, step: 'receipt', order: action.order } : state;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** What the buyer has entered. */
export interface BuyerInput {
  variantId?: string;
  quantity: number;
  email: string;
  shipping: ShippingAddress;
}

export const variantOf = (product: Product, input: BuyerInput): Variant | undefined =>
  product.variants.find((variant) => variant.id === input.variantId);

/** The unit price of what is chosen: the variant's, else the product's. */
export const unitPrice = (product: Product, input: BuyerInput): Money =>
  variantOf(product, input)?.price ?? product.price;

/** The total the buyer expects to pay: the accepted new total, else unit price × quantity. */
export const expectedTotal = (product: Product, input: BuyerInput, state: CheckoutState): Money =>
  state.acceptedTotal ?? multiply(unitPrice(product, input), input.quantity);

/** The body of `POST /orders` for what the buyer entered, as sent (CONTRACT 4). */
export const orderRequest = (
  product: Product,
  input: BuyerInput,
  state: CheckoutState,
  source: OrderRequest['source'],
): OrderRequest => ({
  productId: product.id,
  variantId: product.variants.length ? (input.variantId ?? null) : null,
  quantity: input.quantity,
  email: input.email.trim(),
  shipping: product.requiresShipping ? trimAll(input.shipping) : null,
  expectedTotal: expectedTotal(product, input, state),
  source,
});

const trimAll = (address: ShippingAddress): ShippingAddress =>
  Object.fromEntries(Object.entries(address).map(([key, value]) => [key, value.trim()])) as unknown as ShippingAddress;
