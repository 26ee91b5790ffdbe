/**
 * How an order changes after it is made: by Stripe's events (./webhook-events.ts) and by the
 * partner's own sweep (./expiry.ts). What each change does is one pure function, `nextColumns`;
 * the store applies it to the order's row in one transaction, under the row's lock, so that two
 * changes of one order (two deliveries of an event, a webhook and the sweep) never interleave.
 *
 * Units need no bookkeeping here: ./stock.ts counts an order's units from its status, so a status
 * that changes moves them. A payment that comes after its order failed or was canceled is still
 * the buyer's money: the order is paid even when its units went to another order meanwhile.
 */
import { HOLD_MS } from './stock.js';
import type { Database, PartnerOrderStatus, Sql, StoredOrder } from './store.js';

/** Which order a change is for. */
export interface ChangeTarget {
  /** The order whose PaymentIntent this is; an event names no other. */
  paymentIntentId?: string;
  /** The order by id: the sweep's, or an event's `metadata.order_id` for an order with no PaymentIntent stored yet. */
  orderId?: string;
  /** What Stripe says is paid: the order's total, or the change is not the order's. */
  amount?: number;
  currency?: string;
}

export type OrderChange =
  /** `payment_intent.succeeded` (or a PaymentIntent found succeeded), with its receipt or the charge to read it from. */
  | { type: 'paid'; receiptUrl?: string; chargeId?: string }
  | { type: 'failed' }
  | { type: 'canceled' }
  /** Stripe is still confirming (bank debits): the order holds its units until it succeeds or fails. */
  | { type: 'processing' }
  /** `charge.refunded`: the charge's refunded total so far, and whether that is all of it. */
  | { type: 'refund'; amountRefunded: number; whole: boolean; receiptUrl?: string }
  | { type: 'dispute'; disputeId: string; disputeStatus: string }
  /** The sweep: unpaid for 30 minutes, so canceled; `cancelRetryAt` when Stripe's cancel failed. */
  | { type: 'expired'; cancelRetryAt?: number }
  | { type: 'cancel-retry'; at: number }
  | { type: 'cancel-settled' }
  | { type: 'receipt'; receiptUrl: string }
  /** A receipt read that failed: try again `at` (null: never, Stripe has no such charge). */
  | { type: 'receipt-retry'; at: number | null };

/** The columns a change sets, by name. */
export interface Columns {
  status?: PartnerOrderStatus;
  payment_intent_id?: string;
  expires_at?: string | null;
  paid_at?: string;
  amount_refunded?: number;
  dispute_id?: string;
  dispute_status?: string;
  charge_id?: string;
  receipt_url?: string;
  receipt_due_at?: string | null;
  cancel_due_at?: string | null;
  cancel_attempts?: number;
}

/** Each column as the order has it, to leave out what a change would set to what is there. */
const CURRENT: Record<keyof Columns, (order: StoredOrder) => unknown> = {
  status: (order) => order.status,
  payment_intent_id: (order) => order.paymentIntentId,
  expires_at: (order) => order.expiresAt,
  paid_at: (order) => order.paidAt,
  amount_refunded: (order) => order.amountRefunded,
  dispute_id: (order) => order.disputeId,
  dispute_status: (order) => order.disputeStatus,
  charge_id: (order) => order.chargeId,
  receipt_url: (order) => order.receiptUrl,
  receipt_due_at: (order) => order.receiptDueAt,
  cancel_due_at: (order) => order.cancelDueAt,
  cancel_attempts: (order) => order.cancelAttempts,
};

const iso = (ms: number) => new Date(ms).toISOString();
const unpaid = (status: PartnerOrderStatus) => status === 'requires_payment' || status === 'failed';

/** The receipt of a paid order: its URL, or the charge to read it from now (the sweep retries). */
const receipt = (order: StoredOrder, now: number, receiptUrl?: string, chargeId?: string): Columns =>
  order.receiptUrl
    ? {}
    : receiptUrl
      ? { receipt_url: receiptUrl, receipt_due_at: null }
      : chargeId
        ? { charge_id: chargeId, receipt_due_at: iso(now) }
        : {};

/** Paid now (a refund says so too): units used, nothing left to expire or cancel. */
const paid = (order: StoredOrder, now: number): Columns => ({
  expires_at: null,
  cancel_due_at: null,
  ...(!order.paidAt && { paid_at: iso(now) }),
});

/**
 * What `change` sets on `order` at `now`, or null when it changes nothing. Which status may follow
 * which: paid may follow any unpaid or canceled status (the money came), refunded any; failed
 * only an unpaid order; canceled only an unpaid or failed one. A failed order may still be paid
 * (the checkout offers Pay again on its PaymentIntent) until it expires.
 */
export const nextColumns = (order: StoredOrder, change: OrderChange, now: number): Columns | null => {
  let columns: Columns = {};
  const { status } = order;
  switch (change.type) {
    case 'paid':
      columns = {
        ...(status !== 'paid' && status !== 'refunded' && { status: 'paid', ...paid(order, now) }),
        ...receipt(order, now, change.receiptUrl, change.chargeId),
      };
      break;
    case 'failed':
      if (status === 'requires_payment')
        columns = { status: 'failed', expires_at: order.expiresAt ?? iso(now + HOLD_MS) };
      break;
    case 'canceled':
      if (unpaid(status)) columns = { status: 'canceled', expires_at: null };
      break;
    case 'processing':
      if (status === 'requires_payment') columns = { expires_at: null };
      break;
    case 'refund':
      columns = {
        amount_refunded: Math.max(order.amountRefunded, change.amountRefunded),
        ...(change.whole
          ? status !== 'refunded' && { status: 'refunded', ...paid(order, now) }
          : status !== 'paid' && status !== 'refunded' && { status: 'paid', ...paid(order, now) }),
        ...receipt(order, now, change.receiptUrl),
      };
      break;
    case 'dispute':
      columns = { dispute_id: change.disputeId, dispute_status: change.disputeStatus };
      break;
    case 'expired':
      if (unpaid(status))
        columns = {
          status: 'canceled',
          expires_at: null,
          ...(change.cancelRetryAt !== undefined && {
            cancel_due_at: iso(change.cancelRetryAt),
            cancel_attempts: order.cancelAttempts + 1,
          }),
        };
      break;
    case 'cancel-retry':
      columns = { cancel_due_at: iso(change.at), cancel_attempts: order.cancelAttempts + 1 };
      break;
    case 'cancel-settled':
      columns = { cancel_due_at: null };
      break;
    case 'receipt':
      columns = receipt(order, now, change.receiptUrl);
      break;
    case 'receipt-retry':
      columns = { receipt_due_at: change.at === null ? null : iso(change.at) };
      break;
  }
  const changed = Object.entries(columns).filter(([name, value]) => CURRENT[name as keyof Columns](order) !== value);
  return changed.length ? Object.fromEntries(changed) : null;
};

/** What the sweep claims: orders whose time for it has come. */
export type Due = 'expiry' | 'cancel' | 'receipt';

const DUE: Record<Due, { column: string; where: string }> = {
  expiry: { column: 'expires_at', where: "status IN ('requires_payment', 'failed')" },
  cancel: { column: 'cancel_due_at', where: 'TRUE' },
  receipt: { column: 'receipt_due_at', where: 'receipt_url IS NULL' },
};

export interface ChangesStore {
  /**
   * Applies `change` to the order `target` names, once per Stripe `event` (its id is kept when it
   * changes something): `false` when no order is the target's, or nothing changes.
   */
  applyChange(
    target: ChangeTarget,
    change: OrderChange,
    now: number,
    event?: { id: string; type: string },
  ): Promise<boolean>;
  /**
   * Up to `limit` orders whose `due` time has passed at `now`, each put off until `leaseUntil` in
   * the same statement, so that two sweeps (two processes) never take the same one, and one that
   * stops half way leaves it to the next.
   */
  claimDue(due: Due, now: number, leaseUntil: number, limit: number): Promise<StoredOrder[]>;
}

type Rows = {
  one: (sql: Sql, text: string, params: unknown[]) => Promise<StoredOrder | null>;
  many: (sql: Sql, text: string, params: unknown[]) => Promise<StoredOrder[]>;
};

/** The order a change is for, locked until the transaction ends; null when it is no order's. */
const findTarget = async (sql: Sql, { one }: Rows, target: ChangeTarget): Promise<StoredOrder | null> => {
  if (target.paymentIntentId) {
    const order = await one(sql, 'SELECT * FROM orders WHERE payment_intent_id = $1 FOR UPDATE', [
      target.paymentIntentId,
    ]);
    if (order) return order;
    if (!target.orderId) return null;
  }
  if (!target.orderId) return null;
  const order = await one(sql, 'SELECT * FROM orders WHERE id = $1 FOR UPDATE', [target.orderId]);
  // Another PaymentIntent that names this order in its metadata is not the order's own.
  return order && (!target.paymentIntentId || order.paymentIntentId === null) ? order : null;
};

export const changesStore = (db: Database, rows: Rows): ChangesStore => ({
  applyChange: (target, change, now, event) =>
    db.transaction(async (sql) => {
      const order = await findTarget(sql, rows, target);
      if (!order) return false;
      if (target.amount !== undefined && target.amount !== order.total.amount) return false;
      if (target.currency !== undefined && target.currency.toUpperCase() !== order.total.currency.toUpperCase())
        return false;
      const columns = nextColumns(order, change, now);
      if (!columns) return false;
      // An event for an order with no PaymentIntent stored yet (the process stopped between
      // Stripe's answer and the store): it is the one Stripe made for this order.
      if (target.paymentIntentId && order.paymentIntentId === null) columns.payment_intent_id = target.paymentIntentId;
      if (event) {
        const fresh = await sql.query(
          'INSERT INTO stripe_events (id, type) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id',
          [event.id, event.type],
        );
        if (fresh.length === 0) return false;
      }
      const names = Object.keys(columns) as (keyof Columns)[];
      await sql.query(
        `UPDATE orders SET ${names.map((name, i) => `${name} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
        [order.id, ...names.map((name) => columns[name])],
      );
      return true;
    }),

  claimDue: (due, now, leaseUntil, limit) => {
    const { column, where } = DUE[due];
    return rows.many(
      db,
      `UPDATE orders SET ${column} = $2::timestamptz WHERE id IN (
         SELECT id FROM orders WHERE ${column} <= $1::timestamptz AND ${where}
         ORDER BY ${column} LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [iso(now), iso(leaseUntil), limit],
    );
  },
});
