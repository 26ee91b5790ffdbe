/**
 * Which fault a request gets and what the mock then answers (the list of faults and the ways to
 * choose one: `../handlers.ts`; their names are parsed in `../faults.ts`).
 */
import { delay, HttpResponse } from 'msw';
import { FAULT_HEADER, FAULT_NAMES, parseFault, type Fault, type FaultRoute } from '../faults.js';
import type { InjectOptions } from '../handlers.js';
import { errorAnswer, JSON_TYPE } from './answers.js';
import type { MockState } from './state.js';

/** What the `malformed` fault answers, cut short where a reader would least expect it. */
const MALFORMED: Partial<Record<FaultRoute, string>> = {
  products: '{"products": [{"id": "prod_album", "title": "New Al',
  links: '{"links": [{"url": "https://t.co/',
};

/** Queues a fault for the next `times` requests of its route (of any route without one). */
export const queueFault = (state: MockState, spec: string, { route, times }: InjectOptions = {}): void => {
  const fault = parseFault(spec);
  if (!fault) throw new TypeError(`buy-tweet mock: unknown fault "${spec}"`);
  state.queuedFaults.push({ fault, route, remaining: times ?? fault.times ?? 1 });
};

/** A limited fault applies while its subject has used it fewer than N times. */
export const counted = (state: MockState, fault: Fault, subject: string): Fault | null => {
  if (fault.times === undefined) return fault;
  const key = `${subject} ${fault.spec}`;
  const used = state.faultUses.get(key) ?? 0;
  if (used >= fault.times) return null;
  state.faultUses.set(key, used + 1);
  return fault;
};

export const unknownFault = (spec: string): Response =>
  errorAnswer(400, 'invalid_request', `Unknown fault "${spec}". Faults: ${FAULT_NAMES.join(', ')}.`);

/** The fault the request asks for (sources 1 to 3), or an answer saying its name is unknown. */
export const requestFault = (
  state: MockState,
  route: FaultRoute,
  request: Request,
  subject: string,
): Fault | Response | null => {
  const queued = state.queuedFaults.findIndex((entry) => !entry.route || entry.route === route);
  if (queued >= 0) {
    const entry = state.queuedFaults[queued];
    if (--entry.remaining <= 0) state.queuedFaults.splice(queued, 1);
    return entry.fault;
  }
  const specs = [request.headers.get(FAULT_HEADER), new URL(request.url).searchParams.get('fault')];
  for (const spec of specs) {
    if (!spec) continue;
    const fault = parseFault(spec);
    if (!fault) return unknownFault(spec);
    const chosen = counted(state, fault, `${route} ${subject}`);
    if (chosen) return chosen;
  }
  return null;
};

/**
 * The answer of a fault that replaces the whole answer, or `undefined` when the request goes on
 * (after `slow` has waited, and for the faults that change what the answer says).
 */
export const faultAnswer = async (fault: Fault, route: FaultRoute): Promise<Response | undefined> => {
  const because = `The mock partner was asked to fail (fault ${fault.spec}).`;
  switch (fault.name) {
    case '500':
      return errorAnswer(500, 'internal_error', because);
    case '503':
      return errorAnswer(503, 'unavailable', because, { 'Retry-After': '1' });
    case '429':
      return errorAnswer(429, 'rate_limited', because, { 'Retry-After': '1' });
    case '404':
      return errorAnswer(404, 'not_found', because);
    case 'network':
      return HttpResponse.error();
    case 'slow':
      await delay(fault.delayMs);
      return undefined;
    case 'hang':
      await delay('infinite');
      return undefined;
    case 'malformed':
      return new HttpResponse(MALFORMED[route] ?? '{"id": "ord_', {
        status: 200,
        headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
      });
    case 'oversize':
      // Valid JSON, past what buy-tweet reads of an answer: 1 MB for lookups, 100 KB for the rest.
      return new HttpResponse(`{"padding": "${' '.repeat(route === 'products' ? 1_100_000 : 110_000)}"}`, {
        status: 200,
        headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' },
      });
    case 'partner-error':
      return errorAnswer(400, 'partner_specific_error', because);
    case 'schema':
    case 'html-title':
      return undefined;
  }
};
