// @ts-check
/**
 * The stand-in's payments after their PaymentIntent is made (./stripe-api.mjs asks here first),
 * for tests only: not Stripe. As Stripe's API reference documents them:
 * - `POST /v1/payment_intents/:id/cancel` ("Cancel a PaymentIntent", https://docs.stripe.com/api/payment_intents/cancel):
 *   a PaymentIntent that is `requires_payment_method`, `requires_capture`, `requires_confirmation`
 *   or `requires_action` becomes `canceled` (`canceled_at`, `cancellation_reason`: `abandoned`,
 *   `duplicate`, `fraudulent` or `requested_by_customer`); any other status is a 400
 *   `invalid_request_error` with the code `payment_intent_unexpected_state` and the PaymentIntent
 *   in the error. Stripe cancels a `processing` one only "in rare cases": the stand-in never does.
 * - `POST /v1/refunds` ("Create a refund": `payment_intent` or `charge`, `amount` at most what is
 *   left, all of it by default): a Refund, and the Charge's `amount_refunded` grows, `refunded`
 *   turning true once all of it is refunded ("Whether the charge has been fully refunded. If the
 *   charge is only partially refunded, this attribute will still be false"). A charge refunded
 *   already is a 400 `charge_already_refunded`.
 * - Both honour `Idempotency-Key` as "Idempotent requests" says: the first answer is kept, a 500
 *   too; the same key with other parameters is a 400 `idempotency_error`.
 * - For tests: `refund` and `dispute` give the Charge and the Dispute that Stripe's
 *   `charge.refunded` and `charge.dispute.created` events carry; `stripeEvent` makes any event as
 *   Stripe sends it, with the SDK's API version; `fail` makes the next matching requests answer a
 *   500 as Stripe's API does when it fails (`api_error`, `Stripe-Should-Retry: false`).
 * Typed with the SDK's own types, so that a shape that drifts from Stripe's fails the build.
 */
import { randomBytes } from 'node:crypto';
import { API_VERSION } from './stripe-rules.mjs';

/** @typedef {import('stripe').Stripe.PaymentIntent} PaymentIntent */
/** @typedef {import('stripe').Stripe.Charge} Charge */
/** @typedef {import('stripe').Stripe.Refund} Refund */
/** @typedef {import('stripe').Stripe.Dispute} Dispute */
/** @typedef {import('stripe').Stripe.Event} Event */
/** @typedef {{status: number, body: unknown, headers?: Record<string, string>}} Answer */

const hex = (/** @type {number} */ bytes) => randomBytes(bytes).toString('hex');
const now = () => Math.floor(Date.now() / 1000);

/** Stripe's rule for cancels: the statuses a PaymentIntent may be canceled in. */
const CANCELABLE = ['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action'];
const CANCELLATION_REASONS = ['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'];

/**
 * A succeeded PaymentIntent's Charge, with its receipt.
 * @param {PaymentIntent} intent
 * @returns {Charge}
 */
export const charge = (intent) => ({
  id: `ch_${hex(12)}`,
  object: 'charge',
  amount: intent.amount,
  amount_captured: intent.amount,
  amount_refunded: 0,
  application: null,
  application_fee: null,
  application_fee_amount: null,
  balance_transaction: null,
  billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
  calculated_statement_descriptor: null,
  captured: true,
  created: now(),
  currency: intent.currency,
  customer: null,
  description: null,
  disputed: false,
  failure_balance_transaction: null,
  failure_code: null,
  failure_message: null,
  fraud_details: null,
  livemode: false,
  metadata: {},
  on_behalf_of: null,
  outcome: null,
  paid: true,
  payment_intent: intent.id,
  payment_method: null,
  payment_method_details: null,
  receipt_email: intent.receipt_email,
  receipt_number: null,
  receipt_url: `https://pay.stripe.com/receipts/payment/${hex(16)}`,
  refunded: false,
  review: null,
  shipping: null,
  source: null,
  source_transfer: null,
  statement_descriptor: null,
  statement_descriptor_suffix: null,
  status: 'succeeded',
  transfer_data: null,
  transfer_group: null,
});

/**
 * An event as Stripe sends it to a webhook endpoint ("The Event object"), of the SDK's API version.
 * @param {string} type
 * @param {unknown} object  what `data.object` holds (a test may give null)
 * @returns {Event}
 */
export const stripeEvent = (type, object) =>
  /** @type {Event} */ ({
    id: `evt_${hex(12)}`,
    object: 'event',
    api_version: API_VERSION,
    created: now(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });

/** @param {number} status @param {string} message @param {Record<string, unknown>} [extra] @returns {Answer} */
const invalid = (status, message, extra = {}) => ({
  status,
  body: { error: { type: 'invalid_request_error', message, ...extra } },
});

/**
 * @typedef {object} PaymentActions
 * @property {(request: import('node:http').IncomingMessage, path: string, text: string, params: Record<string, unknown>) => Answer | undefined} answer
 *   the answer to a request this module serves (`text`: its form body, `params` read from it), or
 *   to one `fail` matches; undefined for any other
 * @property {(intentId: string, amount?: number) => Charge} refund  refunds a paid PaymentIntent's charge (all that is left by default) and gives the Charge
 * @property {(intentId: string, reason?: string) => Dispute} dispute  opens a dispute on its charge and gives it
 * @property {(spec: {method: string, path: RegExp, status?: number, times?: number}) => () => void} fail  the next matching requests (`times`, default all) fail; gives a function that ends it
 */

/**
 * @param {{paymentIntents: Map<string, PaymentIntent>, charges: Map<string, Charge>}} state  the stand-in's
 * @returns {PaymentActions}
 */
export const paymentActions = ({ paymentIntents, charges }) => {
  /** @type {{method: string, path: RegExp, status: number, times: number}[]} */
  const faults = [];
  /** Saved answers by Idempotency-Key. @type {Map<string, {params: string, answer: Answer}>} */
  const saved = new Map();

  /** @param {string} id @returns {Answer | PaymentIntent} */
  const intentOf = (id) =>
    paymentIntents.get(id) ??
    invalid(404, `No such payment_intent: '${id}'`, { code: 'resource_missing', param: 'intent' });

  /** @param {string} id @param {Record<string, unknown>} params @returns {Answer} */
  const cancel = (id, params) => {
    const intent = intentOf(id);
    if (!('object' in intent)) return intent;
    const reason = params.cancellation_reason;
    if (reason !== undefined && !CANCELLATION_REASONS.includes(String(reason))) {
      return invalid(400, `Invalid cancellation_reason: must be one of ${CANCELLATION_REASONS.join(', ')}`, {
        param: 'cancellation_reason',
      });
    }
    if (!CANCELABLE.includes(intent.status)) {
      return invalid(
        400,
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${[...CANCELABLE, 'processing'].join(', ')}.`,
        { code: 'payment_intent_unexpected_state', payment_intent: intent },
      );
    }
    Object.assign(intent, {
      status: 'canceled',
      canceled_at: now(),
      cancellation_reason:
        /** @type {import('stripe').Stripe.PaymentIntent.CancellationReason | undefined} */ (reason) ?? null,
    });
    return { status: 200, body: intent };
  };

  /** @param {Record<string, unknown>} params @returns {Answer} */
  const createRefund = (params) => {
    let paid;
    if (typeof params.charge === 'string') paid = charges.get(params.charge);
    else if (typeof params.payment_intent === 'string') {
      const intent = intentOf(params.payment_intent);
      if (!('object' in intent)) return intent;
      paid = typeof intent.latest_charge === 'string' ? charges.get(intent.latest_charge) : undefined;
      if (!paid) return invalid(400, `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`);
    } else
      return invalid(400, 'One of the following params should be provided for this request: payment_intent or charge.');
    if (!paid)
      return invalid(404, `No such charge: '${String(params.charge)}'`, { code: 'resource_missing', param: 'charge' });
    const left = paid.amount - paid.amount_refunded;
    if (left <= 0) {
      return invalid(400, `Charge ${paid.id} has already been refunded.`, { code: 'charge_already_refunded' });
    }
    const amount = params.amount === undefined ? left : Number(params.amount);
    if (!Number.isSafeInteger(amount) || amount < 1)
      return invalid(400, 'Invalid positive integer', { param: 'amount' });
    if (amount > left) {
      return invalid(400, `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, {
        param: 'amount',
      });
    }
    /** @type {Refund} */
    const made = {
      id: `re_${hex(12)}`,
      object: 'refund',
      amount,
      balance_transaction: null,
      charge: paid.id,
      created: now(),
      currency: paid.currency,
      customer: null,
      customer_account: null,
      metadata: {},
      payment_intent: typeof paid.payment_intent === 'string' ? paid.payment_intent : null,
      payment_method: null,
      reason: /** @type {import('stripe').Stripe.Refund.Reason | undefined} */ (params.reason) ?? null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    };
    const refunds = [made, ...(paid.refunds?.data ?? [])];
    Object.assign(paid, {
      amount_refunded: paid.amount_refunded + amount,
      refunded: paid.amount_refunded + amount === paid.amount,
      refunds: { object: 'list', data: refunds, has_more: false, url: `/v1/charges/${paid.id}/refunds` },
    });
    return { status: 200, body: made };
  };

  /** @param {string} intentId @returns {Charge} */
  const chargeOf = (intentId) => {
    const intent = paymentIntents.get(intentId);
    const paid = typeof intent?.latest_charge === 'string' ? charges.get(intent.latest_charge) : undefined;
    if (!paid) throw new Error(`No charge for ${intentId}: succeed it first`);
    return paid;
  };

  /** Answers once per key, as Stripe does. @param {string | undefined} key @param {string} text @param {() => Answer} work @returns {Answer} */
  const once = (key, text, work) => {
    const before = key === undefined ? undefined : saved.get(key);
    if (before && before.params !== text) {
      return {
        status: 400,
        body: {
          error: {
            type: 'idempotency_error',
            message:
              'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          },
        },
      };
    }
    if (before) return { ...before.answer, headers: { 'Idempotent-Replayed': 'true' } };
    const answer = work();
    if (key !== undefined) saved.set(key, { params: text, answer });
    return answer;
  };

  return {
    answer: ({ method, headers }, path, text, params) => {
      const key = headers['idempotency-key']?.toString();
      const fault = faults.find((spec) => spec.times > 0 && spec.method === method && spec.path.test(path));
      if (fault) {
        fault.times -= 1;
        return {
          status: fault.status,
          body: { error: { type: 'api_error', message: 'An unknown error occurred' } },
          headers: { 'Stripe-Should-Retry': 'false' },
        };
      }
      const match = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path);
      if (method === 'POST' && match) return once(key, text, () => cancel(match[1], params));
      if (method === 'POST' && path === '/v1/refunds') return once(key, text, () => createRefund(params));
      return undefined;
    },
    refund: (intentId, amount) => {
      const answer = createRefund({
        payment_intent: intentId,
        ...(amount !== undefined && { amount: String(amount) }),
      });
      if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
      return chargeOf(intentId);
    },
    dispute: (intentId, reason = 'fraudulent') => {
      const disputed = chargeOf(intentId);
      disputed.disputed = true;
      return {
        id: `du_${hex(12)}`,
        object: 'dispute',
        amount: disputed.amount,
        balance_transactions: [],
        charge: disputed.id,
        created: now(),
        currency: disputed.currency,
        enhanced_eligibility_types: [],
        evidence: {
          access_activity_log: null,
          billing_address: null,
          cancellation_policy: null,
          cancellation_policy_disclosure: null,
          cancellation_rebuttal: null,
          customer_communication: null,
          customer_email_address: null,
          customer_name: null,
          customer_purchase_ip: null,
          customer_signature: null,
          duplicate_charge_documentation: null,
          duplicate_charge_explanation: null,
          duplicate_charge_id: null,
          enhanced_evidence: {},
          product_description: null,
          receipt: null,
          refund_policy: null,
          refund_policy_disclosure: null,
          refund_refusal_explanation: null,
          service_date: null,
          service_documentation: null,
          shipping_address: null,
          shipping_carrier: null,
          shipping_date: null,
          shipping_documentation: null,
          shipping_tracking_number: null,
          uncategorized_file: null,
          uncategorized_text: null,
        },
        evidence_details: {
          due_by: now() + 7 * 24 * 3600,
          enhanced_eligibility: {},
          has_evidence: false,
          past_due: false,
          submission_count: 0,
          submission_method: 'not_submitted',
        },
        intended_submission_method: null,
        is_charge_refundable: !disputed.refunded,
        livemode: false,
        metadata: {},
        payment_intent: typeof disputed.payment_intent === 'string' ? disputed.payment_intent : null,
        reason,
        status: 'needs_response',
      };
    },
    fail: ({ method, path, status = 500, times = Infinity }) => {
      const spec = { method, path, status, times };
      faults.push(spec);
      return () => {
        spec.times = 0;
      };
    },
  };
};
