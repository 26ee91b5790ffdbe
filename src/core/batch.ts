/**
 * Requests for a whole page, batched: what callers ask of one endpoint within a few milliseconds
 * of each other goes out as one request (up to `max` keys each), the same key is asked once, and
 * answers are kept for as long as their `Cache-Control` allows. Product lookups and t.co links
 * (docs/publishers/embedding.md and docs/publishers/real-tweets.md) both work this way.
 */

/** What one batched request gives: an entry per key, in order, and for how many seconds they keep. */
export interface BatchAnswer<Entry> {
  entries: Entry[];
  maxAge: number;
}

export interface BatchOptions<Entry> {
  /** Keys per request. */
  max: number;
  /**
   * When keys have waited long enough for company: `schedule(go)` as the first key of a request
   * comes, and its request goes out at the first call of `go` (a timer, or the next frame,
   * whichever comes first). A full request goes out at once.
   */
  schedule: (go: () => void) => void;
  send: (endpoint: string, keys: string[], options: { signal: AbortSignal }) => Promise<BatchAnswer<Entry>>;
}

/** One key on its way, shared by everyone who asked for it meanwhile. */
interface Pending<Entry> {
  key: string;
  answer: Promise<Entry>;
  settle: (answer: Promise<Entry>) => void;
  /** How many callers still wait; when the last one leaves, the key is no longer asked. */
  waiting: number;
  /** Aborted when the last caller leaves. */
  left: AbortController;
}

export interface Batcher<Entry> {
  /**
   * The entry for `key` at `endpoint`; rejects when the request itself failed, or with the
   * signal's reason as soon as `signal` aborts.
   */
  load: (endpoint: string, key: string, options?: { signal?: AbortSignal }) => Promise<Entry>;
  /** Forgets every kept answer. */
  clear(): void;
}

export const createBatcher = <Entry>({ max, schedule, send }: BatchOptions<Entry>): Batcher<Entry> => {
  const cache = new Map<string, { entry: Entry; expires: number }>();
  const inFlight = new Map<string, Pending<Entry>>();
  /** Keys waiting for company, by endpoint. */
  const queues = new Map<string, Pending<Entry>[]>();

  /** Sends `keys` unless they went out already. */
  const flush = (endpoint: string, keys: Pending<Entry>[]) => {
    if (queues.get(endpoint) !== keys) return;
    queues.delete(endpoint);
    request(endpoint, keys);
  };

  const request = (endpoint: string, batch: Pending<Entry>[]) => {
    const live = batch.filter((pending) => pending.waiting);
    if (!live.length) return;
    // The request goes on while anyone still waits for one of its keys.
    const controller = new AbortController();
    for (const pending of live) {
      pending.left.signal.addEventListener('abort', () => {
        if (!live.some((other) => other.waiting)) controller.abort();
      });
    }
    const answer = send(
      endpoint,
      live.map((pending) => pending.key),
      { signal: controller.signal },
    );
    live.forEach((pending, index) => {
      const id = `${endpoint} ${pending.key}`;
      pending.settle(
        answer
          .then(({ entries, maxAge }) => {
            if (maxAge > 0) cache.set(id, { entry: entries[index], expires: Date.now() + maxAge * 1000 });
            return entries[index];
          })
          .finally(() => inFlight.get(id) === pending && inFlight.delete(id)),
      );
    });
  };

  const load = (endpoint: string, key: string, { signal }: { signal?: AbortSignal } = {}): Promise<Entry> => {
    const id = `${endpoint} ${key}`;
    const cached = cache.get(id);
    if (cached && cached.expires > Date.now()) return Promise.resolve(cached.entry);
    cache.delete(id);
    if (signal?.aborted) return Promise.reject(signal.reason);

    let pending = inFlight.get(id);
    if (!pending) {
      let settle!: Pending<Entry>['settle'];
      const answer = new Promise<Entry>((resolve) => (settle = resolve));
      pending = { key, answer, settle, waiting: 0, left: new AbortController() };
      inFlight.set(id, pending);
      const queue = queues.get(endpoint);
      if (queue) queue.push(pending);
      else {
        const keys = [pending];
        queues.set(endpoint, keys);
        schedule(() => flush(endpoint, keys));
      }
    }
    const shared = pending;
    shared.waiting++;
    // A full request goes out at once: on a page of many cards, while the others still upgrade.
    const queue = queues.get(endpoint);
    if (queue?.length === max) flush(endpoint, queue);
    return new Promise((resolve, reject) => {
      const leave = () => {
        if (!--shared.waiting) {
          shared.left.abort();
          if (inFlight.get(id) === shared) inFlight.delete(id);
        }
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      shared.answer.then(resolve, reject).finally(() => signal?.removeEventListener('abort', leave));
    });
  };

  return { load, clear: () => cache.clear() };
};
