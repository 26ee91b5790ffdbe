// @ts-check
/**
 * A STAND-IN FOR STRIPE'S API, for tests only: not Stripe, and not a test of Stripe. A local HTTP
 * server that answers the few requests the reference partner makes as Stripe's API reference
 * documents them, so that the real `stripe` SDK can be pointed at it (`STRIPE_API_BASE`, option
 * `stripeApiBase`: the SDK's `host`, `port` and `protocol`):
 * - `POST /v1/payment_intents` ("Create a PaymentIntent": form-encoded `amount`, `currency`,
 *   `automatic_payment_methods[enabled]`, `metadata[...]`; answers a PaymentIntent whose
 *   `client_secret` is `{id}_secret_{random}`).
 * - On every POST, `Idempotency-Key` as "Idempotent requests" says; lists paged by `limit` and
 *   `starting_after`; events in the SDK's pinned API version (./stripe-rules.mjs). A test can make
 *   it hang or lose its answers (`faults`, ./stripe-faults.mjs).
 * - `GET /v1/payment_intents/:id`, `GET /v1/charges/:id` (a Charge with `receipt_url`; a
 *   PaymentIntent names its `latest_charge`).
 * - `GET /v1/payment_links` (a list object) and `GET /v1/payment_links/:id/line_items`, with
 *   `expand[]=data.price.product` expanding each line item's price's product.
 * - `/v1/payment_method_domains`: create, list and retrieve (./payment-method-domains.mjs).
 * - Cancels and refunds, and for tests refunds, disputes, any event and failures (./payment-actions.mjs).
 * - Webhooks: `signedEvent` signs as Stripe does (`Stripe-Signature: t=…,v1=…`, an HMAC-SHA256 of
 *   `${t}.${payload}`) with the SDK's own `webhooks.generateTestHeaderStringAsync`.
 * Every answer is typed with the SDK's types (`Stripe.PaymentIntent`, `Stripe.Charge`, ...) and
 * this file is type-checked (the package's build), so a shape that drifts from Stripe's fails.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { paymentMethodDomains } from './payment-method-domains.mjs';
import { stripeFaults } from './stripe-faults.mjs';
import { idempotency, listPage, parseForm } from './stripe-rules.mjs';
import { charge, paymentActions, stripeEvent } from './payment-actions.mjs';

/** @typedef {import('stripe').Stripe.PaymentIntent} PaymentIntent */
/** @typedef {import('stripe').Stripe.Charge} Charge */
/** @typedef {import('stripe').Stripe.PaymentLink} PaymentLink */
/** @typedef {import('stripe').Stripe.LineItem} LineItem */
/** @typedef {import('stripe').Stripe.Price} Price */
/** @typedef {import('stripe').Stripe.Product} Product */
/** @typedef {import('stripe').Stripe.Event} Event */

const hex = (/** @type {number} */ bytes) => randomBytes(bytes).toString('hex');
const now = () => Math.floor(Date.now() / 1000);

/**
 * @param {number} amount
 * @param {string} currency
 * @param {Record<string, string>} metadata
 * @param {boolean} automatic
 * @returns {PaymentIntent}
 */
const paymentIntent = (amount, currency, metadata, automatic) => {
  const id = `pi_${hex(12)}`;
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: automatic ? { allow_redirects: 'always', enabled: true } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${hex(12)}`,
    confirmation_method: 'automatic',
    created: now(),
    currency,
    customer: null,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_group: null,
  };
};

/**
 * @param {{name: string, description?: string, image?: string, amount: number, currency: string, shipping?: boolean, active?: boolean}} spec
 * @returns {{link: PaymentLink, items: LineItem[]}}
 */
const paymentLink = (spec) => {
  /** @type {Product} */
  const product = {
    id: `prod_${hex(7)}`,
    object: 'product',
    active: true,
    created: now(),
    description: spec.description ?? null,
    images: spec.image ? [spec.image] : [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: spec.name,
    package_dimensions: null,
    shippable: spec.shipping ?? null,
    tax_details: null,
    type: 'service',
    updated: now(),
    url: null,
  };
  /** @type {Price} */
  const price = {
    id: `price_${hex(12)}`,
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: now(),
    currency: spec.currency.toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product,
    recurring: null,
    tax_behavior: null,
    tiers_mode: null,
    transform_quantity: null,
    type: 'one_time',
    unit_amount: spec.amount,
    unit_amount_decimal: null,
  };
  const id = `plink_${hex(12)}`;
  /** @type {PaymentLink} */
  const link = {
    id,
    object: 'payment_link',
    active: spec.active ?? true,
    after_completion: { type: 'hosted_confirmation', hosted_confirmation: { custom_message: null } },
    allow_promotion_codes: false,
    application: null,
    application_fee_amount: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null },
    billing_address_collection: 'auto',
    consent_collection: null,
    currency: price.currency,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer_creation: 'if_required',
    inactive_message: null,
    invoice_creation: null,
    livemode: false,
    managed_payments: null,
    metadata: {},
    on_behalf_of: null,
    payment_intent_data: null,
    payment_method_collection: 'always',
    payment_method_options: null,
    payment_method_types: null,
    phone_number_collection: { enabled: false },
    restrictions: null,
    shipping_address_collection: spec.shipping ? { allowed_countries: ['US'] } : null,
    shipping_options: [],
    submit_type: 'auto',
    subscription_data: null,
    tax_id_collection: { enabled: false, required: 'never' },
    transfer_data: null,
    url: `https://buy.stripe.com/test_${hex(10)}`,
  };
  /** @type {LineItem} */
  const item = {
    id: `li_${hex(12)}`,
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: spec.amount,
    amount_tax: 0,
    amount_total: spec.amount,
    currency: price.currency,
    description: spec.name,
    metadata: {},
    price,
    quantity: 1,
  };
  return { link, items: [item] };
};

/**
 * A PaymentIntent's event as Stripe sends it to a webhook endpoint: `stripeEvent`, typed for the
 * `payment_intent.*` events the partner reads.
 * @param {'payment_intent.succeeded' | 'payment_intent.processing' | 'payment_intent.payment_failed' | 'payment_intent.canceled'} type
 * @param {PaymentIntent} object
 * @returns {Event}
 */
export const paymentIntentEvent = (type, object) => stripeEvent(type, object);

/**
 * The event's body and its `Stripe-Signature`, signed with `secret` by the SDK's own helper.
 * @param {Event} event
 * @param {string} secret
 */
export const signedEvent = async (event, secret) => {
  const payload = JSON.stringify(event, null, 2);
  const signer = new Stripe('sk_test_signer');
  const signature = await signer.webhooks.generateTestHeaderStringAsync({ payload, secret });
  return { payload, signature };
};

/**
 * @typedef {object} StripeApiBase
 * @property {string} apiBase  the origin to point the SDK at
 * @property {Map<string, PaymentIntent>} paymentIntents  every PaymentIntent created, by id
 * @property {number} requests  how many requests it has answered
 * @property {(spec: Parameters<typeof paymentLink>[0]) => PaymentLink} addPaymentLink
 * @property {(id: string) => PaymentIntent} succeed  pays a PaymentIntent (a Charge with a receipt) and gives it
 * @property {import('./stripe-faults.mjs').StripeFaults} faults  makes it hang, or lose its answers, until it recovers
 * @property {import('stripe').Stripe.PaymentMethodDomain[]} paymentMethodDomains  every domain registered, oldest first
 * @property {(domainName: string, spec?: import('./payment-method-domains.mjs').DomainSpec) => import('stripe').Stripe.PaymentMethodDomain} addPaymentMethodDomain  registers a domain as if through the API, with the wallets' statuses given
 * @property {() => Promise<void>} close
 */
/** @typedef {StripeApiBase & Omit<import('./payment-actions.mjs').PaymentActions, 'answer'>} StripeApi */

/**
 * Starts the stand-in on 127.0.0.1 (a free port). It asks for `Authorization: Bearer sk_...`.
 * @returns {Promise<StripeApi>}
 */
export const startStripeApi = async () => {
  /** @type {Map<string, PaymentIntent>} */
  const paymentIntents = new Map();
  /** @type {Map<string, Charge>} */
  const charges = new Map();
  /** @type {{link: PaymentLink, items: LineItem[]}[]} */
  const links = [];
  const keys = idempotency();
  const faults = stripeFaults();
  const domains = paymentMethodDomains();
  const actions = paymentActions({ paymentIntents, charges });
  let requests = 0;

  const server = createServer(async (request, response) => {
    requests += 1;
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const call = { method: request.method, path: url.pathname };
    if (faults.holds(call, response)) return;
    let save = /** @type {((answer: {status: number, body: unknown}) => void) | undefined} */ (undefined);
    /** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
    const send = (status, body, headers = {}) => {
      save?.({ status, body });
      if (faults.withholds(call, response)) return;
      response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${hex(7)}`, ...headers });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    /** @param {number} status @param {string} type @param {string} message */
    const fail = (status, type, message) => send(status, { error: { type, message } });

    if (!/^Bearer sk_/.test(request.headers.authorization ?? '')) {
      return fail(401, 'invalid_request_error', 'You did not provide an API key.');
    }
    const path = url.pathname;
    const key = keys.check(request.method, path, request.headers['idempotency-key'], text);
    if (key && 'replay' in key) return send(key.replay.status, key.replay.body, { 'Idempotent-Replayed': 'true' });
    if (key && 'refuse' in key) return send(key.refuse.status, key.refuse.body);
    save = key?.save;
    const acted = actions.answer(request, path, text, parseForm(text));
    if (acted) return send(acted.status, acted.body, acted.headers);
    /** @type {RegExpExecArray | null} */
    let match;
    if (request.method === 'POST' && path === '/v1/payment_intents') {
      const params = parseForm(text);
      const amount = Number(params.amount);
      if (!Number.isSafeInteger(amount) || amount < 1 || typeof params.currency !== 'string') {
        return fail(400, 'invalid_request_error', 'amount and currency are required.');
      }
      const automatic =
        /** @type {{enabled?: string} | undefined} */ (params.automatic_payment_methods)?.enabled === 'true';
      const intent = paymentIntent(
        amount,
        params.currency,
        /** @type {Record<string, string>} */ (params.metadata ?? {}),
        automatic,
      );
      if (typeof params.receipt_email === 'string') intent.receipt_email = params.receipt_email;
      paymentIntents.set(intent.id, intent);
      return send(200, JSON.stringify(intent));
    }
    if (request.method === 'GET' && (match = /^\/v1\/payment_intents\/([^/]+)$/.exec(path))) {
      const intent = paymentIntents.get(match[1]);
      return intent ? send(200, intent) : fail(404, 'invalid_request_error', `No such payment_intent: '${match[1]}'`);
    }
    if (request.method === 'GET' && (match = /^\/v1\/charges\/([^/]+)$/.exec(path))) {
      const found = charges.get(match[1]);
      return found ? send(200, found) : fail(404, 'invalid_request_error', `No such charge: '${match[1]}'`);
    }
    if (request.method === 'GET' && path === '/v1/payment_links') {
      const active = url.searchParams.get('active');
      const data = links.map(({ link }) => link).filter((link) => active === null || String(link.active) === active);
      const page = listPage(data.reverse(), url.searchParams, '/v1/payment_links');
      return send(page.status, page.body);
    }
    if (request.method === 'GET' && (match = /^\/v1\/payment_links\/([^/]+)\/line_items$/.exec(path))) {
      const found = links.find(({ link }) => link.id === match?.[1]);
      if (!found) return fail(404, 'invalid_request_error', `No such payment link: '${match[1]}'`);
      // The SDK sends `expand[0]=...`; Stripe's reference writes `expand[]=...`: both are lists.
      const expand = [...url.searchParams].some(
        ([name, value]) => /^expand\[\d*\]$/.test(name) && value === 'data.price.product',
      );
      /** @type {LineItem[]} */
      const data = found.items.map((item) =>
        expand || !item.price
          ? item
          : { ...item, price: { ...item.price, product: /** @type {Product} */ (item.price.product).id } },
      );
      const page = listPage(data, url.searchParams, `/v1/payment_links/${found.link.id}/line_items`);
      return send(page.status, page.body);
    }
    const livemode = /^Bearer sk_live_/.test(request.headers.authorization ?? '');
    const answer = domains.answer(request.method, url, parseForm(text), livemode);
    if (answer) return send(answer.status, answer.body);
    return fail(404, 'invalid_request_error', `Unrecognized request URL (${request.method}: ${path}).`);
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());

  return {
    apiBase: `http://127.0.0.1:${address.port}`,
    paymentIntents,
    faults,
    paymentMethodDomains: domains.domains,
    addPaymentMethodDomain: domains.register,
    refund: actions.refund,
    dispute: actions.dispute,
    fail: actions.fail,
    get requests() {
      return requests;
    },
    addPaymentLink: (spec) => {
      const made = paymentLink(spec);
      links.push(made);
      return made.link;
    },
    succeed: (id) => {
      const intent = paymentIntents.get(id);
      if (!intent) throw new Error(`No PaymentIntent ${id}`);
      const paid = charge(intent);
      charges.set(paid.id, paid);
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount, latest_charge: paid.id });
      return intent;
    },
    close: () =>
      new Promise((resolve, reject) => {
        faults.recover();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
