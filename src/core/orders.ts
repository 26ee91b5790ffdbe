import { BuyTweetError } from './errors.js';
import { ACCEPT_JSON, MAX_ANSWER_BYTES, exchange, withRetries, type RequestOptions } from './http.js';
import type { Money, Order, OrderRequest } from './types.js';
import { safeUrl } from './url.js';
import { isRecord } from './rules.js';
import { allValid, oneOf, parseMoney, stripeKey, text } from './validate.js';

/**
 * Orders (docs/partners/protocol.md): only the checkout needs them, so they load with it, not with the card.
 * `protocol.ts` exports them with the rest of the client.
 */

const ORDER_STATUS = ['requires_payment', 'paid', 'failed', 'canceled', 'refunded'] as const;

const parsePayment = (value: unknown): Order['payment'] | null => {
  if (!isRecord(value) || value.type !== 'stripe') return null;
  const clientSecret = text(value.clientSecret, 500);
  const publishableKey = stripeKey(value.publishableKey);
  return clientSecret ? { type: 'stripe', clientSecret, ...(publishableKey && { publishableKey }) } : null;
};

/** An Order, or `null` when the answer is not one (a payment given must be valid too). */
export const parseOrder = (value: unknown): Order | null => {
  if (!isRecord(value)) return null;
  const receiptUrl = safeUrl(value.receiptUrl);
  const total = parseMoney(value.total);
  // A partial refund (docs/partners/protocol.md): a Money in the order's currency.
  const refunded = value.amountRefunded == null ? undefined : parseMoney(value.amountRefunded);
  return allValid<Order>({
    id: text(value.id, 200),
    status: oneOf(ORDER_STATUS, value.status),
    total,
    ...(value.payment != null && { payment: parsePayment(value.payment) }),
    ...(refunded !== undefined && { amountRefunded: refunded?.currency === total?.currency ? refunded : null }),
    ...(receiptUrl && { receiptUrl }),
  });
};

const readOrder = ({ body }: { body: unknown }): Order => {
  const order = parseOrder(body);
  if (!order) throw new BuyTweetError({ code: 'invalid_response', message: 'Not a valid order.', step: 'order' });
  return order;
};

/**
 * `POST {endpoint}/orders` under one `Idempotency-Key`: retries of a network failure, timeout or
 * 5xx resend the same body with the same key, so the partner creates the order at most once.
 */
export const createOrder = async (
  endpoint: string,
  request: OrderRequest,
  idempotencyKey: string,
  options: RequestOptions = {},
): Promise<Order> => {
  const init = {
    method: 'POST',
    headers: { ...ACCEPT_JSON, 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(request),
  };
  let order: Order;
  try {
    order = readOrder(
      await withRetries(
        () => exchange(`${endpoint}/orders`, init, 'order', MAX_ANSWER_BYTES, { timeout: 20_000, ...options }),
        options,
      ),
    );
  } catch (error) {
    throw checkedPriceChange(error, request.expectedTotal);
  }
  // No payment form for an amount the buyer did not see (docs/partners/protocol.md).
  if (!sameMoney(order.total, request.expectedTotal)) {
    throw new BuyTweetError({
      code: 'invalid_response',
      message: "The order's total is not the total shown.",
      step: 'order',
      details: { total: order.total },
    });
  }
  return order;
};

const sameMoney = (a: Money, b: Money): boolean =>
  a.amount === b.amount && a.currency.toUpperCase() === b.currency.toUpperCase();

/**
 * A `price_changed` answer whose new total the buyer can be asked to accept: a valid Money in the
 * currency of the total they saw. Anything else is `invalid_response`: "Accept $0.13" for a total
 * of `"12.99"` must never be shown.
 */
const checkedPriceChange = (error: unknown, expected: Money): unknown => {
  if (!(error instanceof BuyTweetError) || error.code !== 'price_changed') return error;
  const total = parseMoney(error.details?.total);
  if (total && total.currency === expected.currency.toUpperCase()) {
    return new BuyTweetError({ ...error, message: error.message, details: { ...error.details, total } });
  }
  return new BuyTweetError({
    code: 'invalid_response',
    message: 'The partner said the price changed, without a valid new total.',
    step: 'order',
    cause: error,
  });
};

/** `GET {endpoint}/orders/{id}`. */
export const getOrder = async (endpoint: string, id: string, options: RequestOptions = {}): Promise<Order> =>
  readOrder(
    await withRetries(
      () =>
        exchange(
          `${endpoint}/orders/${encodeURIComponent(id)}`,
          { headers: ACCEPT_JSON },
          'order',
          MAX_ANSWER_BYTES,
          options,
        ),
      options,
    ),
  );
