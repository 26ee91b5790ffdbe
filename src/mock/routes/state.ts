/**
 * What one mock partner remembers between requests, as one explicit object that each module of
 * routes takes: the requests it answered, the orders and their idempotency keys, the faults queued
 * and counted, and the product changes of `updateProduct`. `createPartnerMock` (`../handlers.ts`)
 * makes one and hands it to every route; nothing else keeps state.
 */
import type { Product } from '../../core/types.js';
import type { ProtocolError } from '../../core/rules.js';
import type { Fault, FaultRoute } from '../faults.js';
import type { CatalogueEntry, PartnerId } from '../fixtures.js';
import type { LoggedRequest, MockOrder, MockRoute, PartnerMockOptions } from '../handlers.js';
import { parseBody } from './answers.js';

/** What an Idempotency-Key was first used with, and what it was answered. */
export interface Replay {
  fingerprint: string;
  orderId?: string;
  answer?: ProtocolError;
}

export interface QueuedFault {
  fault: Fault;
  route?: FaultRoute;
  remaining: number;
}

export interface MockState {
  /** As the mock was created with. */
  readonly options: PartnerMockOptions;
  /** `Cache-Control` of a successful lookup, the option's default applied. */
  readonly lookupCacheControl: string;
  readonly requests: LoggedRequest[];
  readonly orders: MockOrder[];
  /** The origin each order was created through, by id: its receipt lives there. */
  readonly orderOrigins: Map<string, string>;
  /** Idempotency keys, per partner: `${partner} ${key}`. */
  readonly replays: Map<string, Replay>;
  readonly queuedFaults: QueuedFault[];
  /** How often a limited fault (`503*2`) was used, per subject. */
  readonly faultUses: Map<string, number>;
  readonly productPatches: Map<string, Partial<Product>>;
  /** `options.generatedProducts`' catalogue entries, made on first use. */
  generated?: CatalogueEntry[];
}

export const createMockState = (options: PartnerMockOptions): MockState => ({
  options,
  lookupCacheControl: options.lookupCacheControl ?? 'public, max-age=60',
  requests: [],
  orders: [],
  orderOrigins: new Map(),
  replays: new Map(),
  queuedFaults: [],
  faultUses: new Map(),
  productPatches: new Map(),
});

/** Forgets everything, in place: whoever holds `requests` or `orders` sees them empty. */
export const resetState = (state: MockState): void => {
  state.requests.length = 0;
  state.orders.length = 0;
  state.orderOrigins.clear();
  state.replays.clear();
  state.queuedFaults.length = 0;
  state.faultUses.clear();
  state.productPatches.clear();
};

export const logRequest = async (
  state: MockState,
  route: MockRoute,
  request: Request,
  partner?: PartnerId,
): Promise<void> => {
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
  state.requests.push({
    method: request.method,
    url: request.url,
    route,
    ...(partner && { partner }),
    headers: Object.fromEntries(request.headers),
    ...(text && { body: parseBody(text) }),
  });
};
