/** Parsing of the mock's fault names (the list and how to choose them: `handlers.ts`). */

/** The header that chooses a fault for one request. */
export const FAULT_HEADER = 'X-Buy-Tweet-Fault';

export const FAULT_NAMES = [
  '500',
  '503',
  '429',
  '404',
  'network',
  'slow',
  'hang',
  'malformed',
  'oversize',
  'schema',
  'html-title',
  'partner-error',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/** The routes a fault can be injected for. */
export type FaultRoute = 'products' | 'orders' | 'order' | 'oembed' | 'tco' | 'links';

export const FAULT_ROUTES: readonly FaultRoute[] = ['products', 'orders', 'order', 'oembed', 'tco', 'links'];

export interface Fault {
  name: FaultName;
  /** As written, e.g. `503*2`: with the subject, it keys the count of a limited fault. */
  spec: string;
  /** Of `slow`: how long to wait before answering. */
  delayMs: number;
  /** Of `name*N`: the fault applies to the first N matching requests only. */
  times?: number;
}

export const DEFAULT_SLOW_MS = 3000;

const FAULT =
  /^(500|503|429|404|network|slow(?:-(\d{1,6}))?|hang|malformed|oversize|schema|html-title|partner-error)(?:\*(\d{1,4}))?$/;

/** The fault a spec names (`503`, `slow-250`, `503*2`...), or `null` when it names none. */
export const parseFault = (spec: string): Fault | null => {
  const match = FAULT.exec(spec.trim().toLowerCase());
  if (!match) return null;
  const [, name, delay, times] = match;
  return {
    name: (name.startsWith('slow') ? 'slow' : name) as FaultName,
    spec: match[0],
    delayMs: delay ? Number(delay) : DEFAULT_SLOW_MS,
    ...(times && { times: Number(times) }),
  };
};

/** The faults that replace one entry of a lookup rather than the whole answer. */
export const isEntryFault = (fault: Fault): boolean =>
  fault.name === 'schema' || fault.name === 'html-title' || fault.name === 'partner-error';
