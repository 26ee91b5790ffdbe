/**
 * Orders, `POST {endpoint}/orders` and `GET {endpoint}/orders/{id}`: checked by the shared rules
 * (`core/rules.ts`), replayed per Idempotency-Key, and paid by the Stripe webhook stand-in.
 */
import { http, type HttpHandler } from 'msw';
import type { Order } from '../../core/types.js';
import { checkOrder, newId, orderFingerprint, parseOrderBody, randomHex } from '../../core/rules.js';
import { productAt, type PartnerId } from '../fixtures.js';
import type { PaymentEventType } from '../handlers.js';
import { errorAnswer, json, protocolError } from './answers.js';
import { partnerEndpoints } from './endpoints.js';
import { faultAnswer, requestFault } from './faults.js';
import { productsOf } from './products.js';
import { logRequest, type MockState } from './state.js';

const brokenOrder = { status: 'requires_payment', total: { amount: '12.99', currency: 'USD' } };

const createOrder = async (state: MockState, partner: PartnerId, request: Request): Promise<Response> => {
  await logRequest(state, 'orders', request, partner);
  const key = request.headers.get('Idempotency-Key')?.trim();
  const text = await request.text();

  const chosen = requestFault(state, 'orders', request, key || text);
  if (chosen instanceof Response) return chosen;
  if (chosen?.name === 'schema') return json(brokenOrder, 201);
  if (chosen) {
    const answer = await faultAnswer(chosen, 'orders');
    if (answer) return answer;
  }

  if (!key) return errorAnswer(400, 'invalid_request', 'The Idempotency-Key header is required.');
  // Not JSON is 400; nested past the limit is 422, before the fingerprint walks it.
  const parsed = parseOrderBody(text);
  if (!parsed.ok) return protocolError(parsed.answer);
  const body = parsed.body;

  const replayKey = `${partner} ${key}`;
  const print = orderFingerprint(body);
  const previous = state.replays.get(replayKey);
  if (previous) {
    if (previous.fingerprint !== print) {
      return errorAnswer(409, 'idempotency_conflict', 'This Idempotency-Key was used with a different body.');
    }
    const replayed = state.orders.find((record) => record.order.id === previous.orderId);
    if (replayed) return json(replayed.order, 200);
    if (previous.answer) return protocolError(previous.answer);
  }

  const origin = new URL(request.url).origin;
  const productId = (body as { productId?: unknown } | null)?.productId;
  const product = productsOf(state, partner).find((entry) => entry.product.id === productId)?.product;
  const check = checkOrder(body, product && productAt(product, origin));
  if (!check.ok) {
    // The same attempt sent again gets the same answer; a changed one needs a new key.
    state.replays.set(replayKey, { fingerprint: print, answer: check.answer });
    return protocolError(check.answer);
  }

  const checkout = check.product.checkout;
  const order: Order = {
    id: newId('ord', 8),
    status: 'requires_payment',
    total: check.total,
    payment: {
      type: 'stripe',
      clientSecret: `pi_${randomHex(12)}_secret_${randomHex(12)}`,
      ...(checkout.type === 'stripe' && { publishableKey: checkout.publishableKey }),
    },
  };
  state.orders.push({ partner, order, request: check.request, idempotencyKey: key });
  state.orderOrigins.set(order.id, origin);
  state.replays.set(replayKey, { fingerprint: print, orderId: order.id });
  return json(order, 201);
};

const readOrder = async (state: MockState, partner: PartnerId, request: Request, id: string): Promise<Response> => {
  await logRequest(state, 'order', request, partner);
  const chosen = requestFault(state, 'order', request, id);
  if (chosen instanceof Response) return chosen;
  if (chosen?.name === 'schema') return json(brokenOrder);
  if (chosen) {
    const answer = await faultAnswer(chosen, 'order');
    if (answer) return answer;
  }
  const record = state.orders.find((entry) => entry.partner === partner && entry.order.id === id);
  if (!record) return errorAnswer(404, 'order_not_found', 'No order has this id.');
  return json(record.order);
};

/** What the Stripe webhook stand-in does; gives the order, or `undefined` for an unknown secret. */
export const settlePayment = (state: MockState, clientSecret: string, type: PaymentEventType): Order | undefined => {
  const record = state.orders.find((entry) => entry.order.payment?.clientSecret === clientSecret);
  if (!record) return undefined;
  // A failed or processing payment leaves the order payable: the buyer may try again.
  if (type === 'payment_intent.succeeded' && record.order.status === 'requires_payment') {
    record.order.status = 'paid';
    record.order.receiptUrl = new URL(
      `/__mock/receipts/${record.order.id}`,
      state.orderOrigins.get(record.order.id),
    ).href;
  }
  return record.order;
};

export const orderRoutes = (state: MockState): HttpHandler[] =>
  partnerEndpoints.flatMap(({ partner, base }) => [
    http.post(`${base}/orders`, ({ request }) => createOrder(state, partner, request)),
    http.get(`${base}/orders/:id`, ({ request, params }) => readOrder(state, partner, request, String(params.id))),
  ]);
