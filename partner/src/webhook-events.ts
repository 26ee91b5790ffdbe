/**
 * What Stripe's events do to orders, once ./partner.ts has checked their signature
 * (docs/partners/reference-partner.md, "Webhooks"). A signed event is Stripe's, yet it may be
 * about anything on the merchant's account: it changes an order only when it is about that
 * order's own PaymentIntent, for the order's amount and currency. Any other event, an unknown
 * type, or one without an object, changes nothing: `applied: false`, and a 200 all the same, so
 * that Stripe does not send it again.
 *
 * Stripe API reference, "Types of events": `payment_intent.succeeded`, `.payment_failed`,
 * `.canceled` and `.processing` carry the PaymentIntent; `charge.refunded` ("Occurs whenever a
 * charge is refunded, including partial refunds") the Charge, whose `amount_refunded` is the
 * refunded total so far and `refunded` is true only once all of it is; `charge.dispute.created`
 * ("Occurs whenever a customer disputes a charge with their bank") the Dispute, which names its
 * `charge` and `payment_intent`.
 */
import type Stripe from 'stripe';
import { isRecord } from 'buy-tweet/rules';
import type { ChangeTarget, OrderChange } from './order-changes.js';
import type { PartnerStore } from './store.js';

export interface EventContext {
  stripe: Stripe;
  store: PartnerStore;
  now: () => number;
}

/** An id, or an expanded object's (Stripe's expandable fields). */
const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === 'string' ? value : (value?.id ?? undefined);

/** Stripe waits for the webhook's answer: a receipt read inside it is short, and not retried (the sweep is). */
const RECEIPT_READ: Stripe.RequestOptions = { timeout: 5000, maxNetworkRetries: 0 };

const isMoney = (amount: unknown, currency: unknown): boolean =>
  Number.isSafeInteger(amount) && typeof currency === 'string';

const PAYMENT_CHANGES: Record<string, OrderChange> = {
  'payment_intent.payment_failed': { type: 'failed' },
  'payment_intent.canceled': { type: 'canceled' },
  'payment_intent.processing': { type: 'processing' },
};

/**
 * The latest charge's receipt (Stripe API reference: PaymentIntent `latest_charge`, Charge
 * `receipt_url`) for an order just paid. A read that fails leaves the order paid without it:
 * ./expiry.ts reads it again later.
 */
const readReceipt = async ({ stripe, store, now }: EventContext, paymentIntentId: string, chargeId: string) => {
  let receiptUrl: string | null;
  try {
    receiptUrl = (await stripe.charges.retrieve(chargeId, {}, RECEIPT_READ)).receipt_url;
  } catch {
    return;
  }
  if (receiptUrl) await store.applyChange({ paymentIntentId }, { type: 'receipt', receiptUrl }, now());
};

const paymentIntentEvent = async (context: EventContext, event: Stripe.Event, intent: Stripe.PaymentIntent) => {
  if (typeof intent.id !== 'string' || !isMoney(intent.amount, intent.currency)) return false;
  const target: ChangeTarget = {
    paymentIntentId: intent.id,
    orderId: typeof intent.metadata?.order_id === 'string' ? intent.metadata.order_id : undefined,
    amount: intent.amount,
    currency: intent.currency,
  };
  if (event.type !== 'payment_intent.succeeded') {
    const change = PAYMENT_CHANGES[event.type];
    return change ? context.store.applyChange(target, change, context.now(), event) : false;
  }
  // Paid first, whatever comes of the receipt: an event names the charge by id, unless expanded.
  const charge = intent.latest_charge;
  const chargeId = idOf(charge);
  const receiptUrl = typeof charge === 'object' ? (charge?.receipt_url ?? undefined) : undefined;
  const applied = await context.store.applyChange(target, { type: 'paid', receiptUrl, chargeId }, context.now(), event);
  if (applied && chargeId && !receiptUrl) await readReceipt(context, intent.id, chargeId);
  return applied;
};

const refundEvent = (context: EventContext, event: Stripe.Event, charge: Stripe.Charge) => {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId || !isMoney(charge.amount, charge.currency) || !Number.isSafeInteger(charge.amount_refunded))
    return false;
  return context.store.applyChange(
    { paymentIntentId, amount: charge.amount, currency: charge.currency },
    {
      type: 'refund',
      amountRefunded: charge.amount_refunded,
      whole: charge.refunded === true || charge.amount_refunded >= charge.amount,
      receiptUrl: charge.receipt_url ?? undefined,
    },
    context.now(),
    event,
  );
};

const disputeEvent = async (context: EventContext, event: Stripe.Event, dispute: Stripe.Dispute) => {
  if (typeof dispute.id !== 'string') return false;
  // A dispute's amount may differ from the charge's (currency conversion, a part disputed): the
  // PaymentIntent alone says whose it is, read from its charge when the dispute does not name it.
  let paymentIntentId = idOf(dispute.payment_intent);
  if (!paymentIntentId && dispute.charge) {
    const charge =
      typeof dispute.charge === 'string' ? await context.stripe.charges.retrieve(dispute.charge) : dispute.charge;
    paymentIntentId = idOf(charge.payment_intent);
  }
  if (!paymentIntentId) return false;
  return context.store.applyChange(
    { paymentIntentId },
    { type: 'dispute', disputeId: dispute.id, disputeStatus: String(dispute.status) },
    context.now(),
    event,
  );
};

/** Applies a signed event: whether it changed an order. */
export const applyStripeEvent = async (context: EventContext, event: Stripe.Event): Promise<boolean> => {
  // Signed, yet not necessarily whole: `data.object` may be missing or null.
  const object: unknown = (event as { data?: { object?: unknown } }).data?.object;
  if (!isRecord(object)) return false;
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
    case 'payment_intent.processing':
      return paymentIntentEvent(context, event, event.data.object);
    case 'charge.refunded':
      return refundEvent(context, event, event.data.object);
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed':
      return disputeEvent(context, event, event.data.object);
    default:
      return false;
  }
};
