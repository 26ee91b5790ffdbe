/**
 * The partner's sweep: what no request asks for, done on the partner's clock (docs/partners/
 * reference-partner.md, "Stock"). An order unpaid for 30 minutes gives its units back: its
 * PaymentIntent is canceled at Stripe, then the order is `canceled`. A cancel that fails (Stripe
 * unreachable, say) does not keep the units: the order is canceled here all the same, and the
 * cancel at Stripe is tried again later, backing off up to an hour between tries. A receipt that
 * could not be read when the order was paid is read again too.
 *
 * Stripe API reference, "Cancel a PaymentIntent": a PaymentIntent can be canceled while it is
 * `requires_payment_method`, `requires_capture`, `requires_confirmation`, `requires_action` or,
 * in rare cases, `processing`; any other status is a 400 `payment_intent_unexpected_state`. Then
 * the PaymentIntent is read: already `canceled` is done; `succeeded` means the buyer paid after
 * all (the order is paid); `processing` means Stripe is still confirming (the order keeps its
 * units until its webhook says how it ended). "Idempotent requests": Stripe keeps the first
 * answer to a key, a 500 included, so each try has a key of its own (`cancel:{order}:{try}`), and
 * a try repeated after the process stopped half way gets the answer its first run got.
 *
 * The node server sweeps every minute (./node.ts); the handler also starts a sweep, at most once
 * a minute, when a request comes (serverless runtimes have no timer); `partner.sweep()` runs one
 * now (tests, with the clock injected).
 */
import Stripe from 'stripe';
import type { OrderChange } from './order-changes.js';
import type { StoredOrder } from './store.js';
import type { EventContext } from './webhook-events.js';

/** What one sweep did. */
export interface SweepReport {
  /** Orders canceled for being unpaid too long. */
  expired: number;
  /** PaymentIntent cancels tried again. */
  cancels: number;
  /** Receipts read again. */
  receipts: number;
}

export interface Sweeper {
  /** Runs a sweep now (after the one under way, if any). */
  sweep: () => Promise<SweepReport>;
  /** Starts one in the background when the last began a minute ago or more. */
  soon: () => void;
}

const MINUTE = 60_000;
/** Orders taken per sweep and per kind, and how long they stay taken should the sweep stop. */
const BATCH = 20;
const LEASE = 2 * MINUTE;
/** Between tries of a cancel: 1, 2, 4... minutes, an hour at most; given up after a day or so. */
const backoff = (tries: number) => Math.min(2 ** tries, 60) * MINUTE;
const MAX_CANCEL_TRIES = 30;
const RECEIPT_RETRY = 10 * MINUTE;

type CancelOutcome = 'canceled' | 'paid' | 'processing' | 'failed';

export const createSweeper = ({ stripe, store, now }: EventContext, every = MINUTE): Sweeper => {
  const change = (order: StoredOrder, what: OrderChange) => store.applyChange({ orderId: order.id }, what, now());

  /** Cancels the order's PaymentIntent at Stripe, and says what came of it. */
  const cancel = async (order: StoredOrder, paymentIntentId: string): Promise<CancelOutcome> => {
    try {
      await stripe.paymentIntents.cancel(
        paymentIntentId,
        { cancellation_reason: 'abandoned' },
        { idempotencyKey: `cancel:${order.id}:${order.cancelAttempts}` },
      );
      return 'canceled';
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) return 'failed';
      // Refused for another reason (no such PaymentIntent): there is nothing to cancel.
      if (error.code !== 'payment_intent_unexpected_state') return 'canceled';
    }
    let intent: Stripe.PaymentIntent;
    try {
      intent = await stripe.paymentIntents.retrieve(paymentIntentId);
    } catch {
      return 'failed';
    }
    if (intent.status === 'canceled') return 'canceled';
    if (intent.status === 'processing' || intent.status === 'requires_capture') return 'processing';
    if (intent.status !== 'succeeded') return 'failed';
    const charge = intent.latest_charge;
    await store.applyChange(
      { paymentIntentId: intent.id, amount: intent.amount, currency: intent.currency },
      {
        type: 'paid',
        chargeId: typeof charge === 'string' ? charge : charge?.id,
        receiptUrl: typeof charge === 'object' ? (charge?.receipt_url ?? undefined) : undefined,
      },
      now(),
    );
    return 'paid';
  };

  const expire = async (order: StoredOrder) => {
    const outcome = order.paymentIntentId ? await cancel(order, order.paymentIntentId) : 'canceled';
    if (outcome === 'canceled') await change(order, { type: 'expired' });
    else if (outcome === 'failed')
      await change(order, { type: 'expired', cancelRetryAt: now() + backoff(order.cancelAttempts) });
    else if (outcome === 'processing') await change(order, { type: 'processing' });
  };

  const retryCancel = async (order: StoredOrder) => {
    const outcome = order.paymentIntentId ? await cancel(order, order.paymentIntentId) : 'canceled';
    if (outcome === 'canceled' || (outcome === 'failed' && order.cancelAttempts >= MAX_CANCEL_TRIES))
      await change(order, { type: 'cancel-settled' });
    else if (outcome !== 'paid')
      await change(order, { type: 'cancel-retry', at: now() + backoff(order.cancelAttempts) });
  };

  const rereadReceipt = async (order: StoredOrder) => {
    if (!order.chargeId) return change(order, { type: 'receipt-retry', at: null });
    let receiptUrl: string | null;
    try {
      receiptUrl = (await stripe.charges.retrieve(order.chargeId)).receipt_url;
    } catch (error) {
      // No such charge is for good; anything else may pass.
      return change(order, {
        type: 'receipt-retry',
        at: error instanceof Stripe.errors.StripeInvalidRequestError ? null : now() + RECEIPT_RETRY,
      });
    }
    return change(order, receiptUrl ? { type: 'receipt', receiptUrl } : { type: 'receipt-retry', at: null });
  };

  let running: Promise<SweepReport> | undefined;
  let lastStart = -Infinity;

  const run = async (): Promise<SweepReport> => {
    const at = (lastStart = now());
    const each = async (due: 'expiry' | 'cancel' | 'receipt', work: (order: StoredOrder) => Promise<unknown>) => {
      const orders = await store.claimDue(due, at, at + LEASE, BATCH);
      // One order's failure is its own: its lease runs out and a later sweep takes it again.
      await Promise.allSettled(orders.map(work));
      return orders.length;
    };
    return {
      expired: await each('expiry', expire),
      cancels: await each('cancel', retryCancel),
      receipts: await each('receipt', rereadReceipt),
    };
  };

  const sweep = async (): Promise<SweepReport> => {
    await running?.catch(() => {});
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    sweep,
    soon: () => {
      if (running || now() - lastStart < every) return;
      // A sweep that fails (the database gone a moment) is tried again by the next request.
      sweep().catch(() => {});
    },
  };
};
