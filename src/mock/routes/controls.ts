/**
 * The mock's own controls over HTTP, for tests that run it in another process: its state, a reset,
 * queued faults, and the Stripe webhook stand-in (`POST /__mock/stripe/events`).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { FAULT_NAMES, FAULT_ROUTES, parseFault, type FaultRoute } from '../faults.js';
import type { PaymentEventType } from '../handlers.js';
import { errorAnswer, json, parseBody, preflight } from './answers.js';
import { queueFault } from './faults.js';
import { settlePayment } from './orders.js';
import { logRequest, resetState, type MockState } from './state.js';

const stripeEvent = async (state: MockState, request: Request): Promise<Response> => {
  await logRequest(state, 'stripe-event', request);
  const event = parseBody(await request.text()) as { type?: unknown; clientSecret?: unknown } | null;
  const types: unknown[] = ['payment_intent.succeeded', 'payment_intent.processing', 'payment_intent.payment_failed'];
  if (!event || typeof event.clientSecret !== 'string' || !types.includes(event.type)) {
    return errorAnswer(400, 'invalid_request', 'Send {type, clientSecret} with a payment_intent event type.');
  }
  const order = settlePayment(state, event.clientSecret, event.type as PaymentEventType);
  if (!order) return errorAnswer(404, 'order_not_found', 'No order has this client secret.');
  return json({ received: true });
};

export const controlRoutes = (state: MockState): HttpHandler[] => [
  http.post('*/__mock/stripe/events', ({ request }) => stripeEvent(state, request)),
  http.get('*/__mock/state', () => json({ orders: state.orders, requests: state.requests })),
  http.post('*/__mock/reset', () => {
    resetState(state);
    return new HttpResponse(null, { status: 204 });
  }),
  http.post('*/__mock/faults', async ({ request }) => {
    const body = parseBody(await request.text()) as { fault?: unknown; route?: unknown; times?: unknown } | null;
    const routes: unknown[] = [...FAULT_ROUTES, undefined];
    if (!body || typeof body.fault !== 'string' || !parseFault(body.fault) || !routes.includes(body.route)) {
      return errorAnswer(400, 'invalid_request', `Send {fault, route?, times?}. Faults: ${FAULT_NAMES.join(', ')}.`);
    }
    queueFault(state, body.fault, {
      route: body.route as FaultRoute | undefined,
      times: Number.isInteger(body.times) ? (body.times as number) : undefined,
    });
    return new HttpResponse(null, { status: 204 });
  }),
  http.options('*/__mock/*', preflight),
];
