/**
 * A bound on how long a request of protocol v1 takes (./partner.ts routes `/v1/*` through it).
 * Each call to Stripe ends within 10 s with one retry (./stripe-config.ts), yet one request may
 * make several (a Payment Links read, then a PaymentIntent), and a database may not answer: past
 * the deadline the buyer gets an answer anyway, a 503 with `Retry-After`, which the element
 * retries under the same Idempotency-Key.
 *
 * The work is not abandoned: it goes on and keeps what it makes (the order, its PaymentIntent, both
 * idempotent), so the retry finds it done or finishes it.
 */
import type { Context, MiddlewareHandler } from 'hono';

/**
 * 25 s: longer than one Stripe call with its retry (10 + 0.5 + 10 s), which then answers for
 * itself, and within the 30 s the contract gives an order request.
 */
export const DEADLINE_MS = 25_000;

/** Answers `late(c)` when the rest of the chain has not answered within `ms` milliseconds. */
export const deadline =
  (ms: number, late: (c: Context) => Response): MiddlewareHandler =>
  async (c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms);
    });
    try {
      // This answer goes out now; the work's own, when it comes later, goes nowhere.
      if ((await Promise.race([next(), expired])) === 'late') c.res = late(c);
    } finally {
      clearTimeout(timer);
    }
  };
