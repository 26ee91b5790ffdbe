// @ts-check
/**
 * The stand-in's payment method domains (./stripe-api.mjs routes `/v1/payment_method_domains`
 * here), for tests only: not Stripe. As Stripe's API reference documents them
 * (https://docs.stripe.com/api/payment_method_domains):
 * - `POST /v1/payment_method_domains` ("Create a payment method domain": form-encoded
 *   `domain_name`, required, and `enabled`, default true) answers the PaymentMethodDomain object:
 *   `id` (`pmd_...`), `object: "payment_method_domain"`, `domain_name`, `enabled`, `created`,
 *   `livemode`, and one `{status: "active" | "inactive", status_details?: {error_message}}` per
 *   payment method that needs the domain (`amazon_pay`, `apple_pay`, `google_pay`, `klarna`,
 *   `link`, `paypal`; `status_details` only while inactive).
 * - `GET /v1/payment_method_domains` ("List payment method domains") answers a list object,
 *   `{object: "list", url, has_more, data}`, newest first, `limit` 1 to 100 (default 10), the
 *   cursors `starting_after` and `ending_before`, and the filters `domain_name` and `enabled`.
 * - `GET /v1/payment_method_domains/:id` ("Retrieve a payment method domain").
 * A second registration of one domain name: Stripe's reference documents no answer for it, and
 * its guides say not to register a domain more than once per account
 * (https://docs.stripe.com/apple-pay?platform=web). The stand-in refuses it as Stripe refuses a
 * resource that exists, a 400 `invalid_request_error` with the code `resource_already_exists`
 * (one of the codes in the SDK's generated `Stripe.errors` types) on `domain_name`; the reference
 * partner reads neither the code nor the words: it looks the domain up (../domains.ts).
 */
import { randomBytes } from 'node:crypto';

/** @typedef {import('stripe').Stripe.PaymentMethodDomain} PaymentMethodDomain */
/** @typedef {{status: 'active'} | {status: 'inactive', status_details: {error_message: string}}} WalletStatus */
/**
 * What a test may set on a domain it registers itself: any wallet's status, `enabled`, `livemode`.
 * @typedef {Partial<Record<'amazon_pay' | 'apple_pay' | 'google_pay' | 'klarna' | 'link' | 'paypal', WalletStatus>> & {enabled?: boolean, livemode?: boolean}} DomainSpec
 */
/** @typedef {{status: number, body: unknown}} Answer */

/** @type {WalletStatus} */
const ACTIVE = { status: 'active' };

/**
 * Typed with the SDK's own type and not cast, so that a shape that drifts from Stripe's fails the
 * package's build.
 * @param {string} domainName
 * @param {DomainSpec} spec
 * @param {number} created
 * @returns {PaymentMethodDomain}
 */
const paymentMethodDomain = (domainName, spec, created) => ({
  id: `pmd_${randomBytes(12).toString('hex')}`,
  object: 'payment_method_domain',
  amazon_pay: spec.amazon_pay ?? ACTIVE,
  apple_pay: spec.apple_pay ?? ACTIVE,
  created,
  domain_name: domainName,
  enabled: spec.enabled ?? true,
  google_pay: spec.google_pay ?? ACTIVE,
  klarna: spec.klarna ?? ACTIVE,
  link: spec.link ?? ACTIVE,
  livemode: spec.livemode ?? false,
  paypal: spec.paypal ?? ACTIVE,
});

/** @param {string} param @param {string} message @param {string} [code] @returns {Answer} */
const invalid = (param, message, code) => ({
  status: 400,
  body: { error: { type: 'invalid_request_error', message, param, ...(code && { code }) } },
});

/**
 * @typedef {object} PaymentMethodDomains
 * @property {PaymentMethodDomain[]} domains  every domain registered, oldest first
 * @property {(domainName: string, spec?: DomainSpec) => PaymentMethodDomain} register  registers a domain as if through the API
 * @property {(method: string | undefined, url: URL, params: Record<string, unknown>, livemode: boolean) => Answer | undefined} answer
 *   the answer to a request under `/v1/payment_method_domains` (`params`: its form body, read;
 *   `livemode`: whether it came with a live key), or undefined for any other
 */

/** @returns {PaymentMethodDomains} */
export const paymentMethodDomains = () => {
  /** Oldest first, as registered. @type {PaymentMethodDomain[]} */
  const domains = [];
  /** A `created` that grows with each registration, so that "newest first" holds within a second. */
  let clock = Math.floor(Date.now() / 1000);

  /** @param {string} domainName @param {DomainSpec} [spec] */
  const register = (domainName, spec = {}) => {
    const made = paymentMethodDomain(domainName.toLowerCase(), spec, clock++);
    domains.push(made);
    return made;
  };

  /** @param {URLSearchParams} query @returns {Answer} */
  const list = (query) => {
    const limit = Number(query.get('limit') ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return invalid('limit', 'This value must be greater than or equal to 1 and less than or equal to 100.');
    }
    const name = query.get('domain_name')?.toLowerCase();
    const enabled = query.get('enabled');
    const matching = [...domains]
      .reverse()
      .filter(
        (domain) =>
          (name === undefined || domain.domain_name === name) &&
          (enabled === null || String(domain.enabled) === enabled),
      );
    const after = query.get('starting_after');
    const before = query.get('ending_before');
    const cursor = after ?? before;
    const at = cursor === null ? -1 : matching.findIndex((domain) => domain.id === cursor);
    if (cursor !== null && at < 0) {
      return invalid(
        after ? 'starting_after' : 'ending_before',
        `No such payment_method_domain: '${cursor}'`,
        'resource_missing',
      );
    }
    const rest = after !== null ? matching.slice(at + 1) : before !== null ? matching.slice(0, at) : matching;
    // ending_before pages toward the newest: the page nearest the cursor.
    const data = before !== null ? rest.slice(-limit) : rest.slice(0, limit);
    return {
      status: 200,
      body: { object: 'list', url: '/v1/payment_method_domains', has_more: rest.length > data.length, data },
    };
  };

  /** @param {Record<string, unknown>} params @param {boolean} livemode @returns {Answer} */
  const create = (params, livemode) => {
    const domainName = params.domain_name;
    if (typeof domainName !== 'string' || domainName === '') {
      return invalid('domain_name', 'Missing required param: domain_name.', 'parameter_missing');
    }
    if (domains.some((domain) => domain.domain_name === domainName.toLowerCase())) {
      return invalid(
        'domain_name',
        `A payment method domain for ${domainName} already exists on this account.`,
        'resource_already_exists',
      );
    }
    return { status: 200, body: register(domainName, { enabled: params.enabled !== 'false', livemode }) };
  };

  return {
    domains,
    register,
    answer: (method, url, params, livemode) => {
      if (url.pathname === '/v1/payment_method_domains') {
        if (method === 'GET') return list(url.searchParams);
        if (method === 'POST') return create(params, livemode);
      }
      const match = /^\/v1\/payment_method_domains\/([^/]+)$/.exec(url.pathname);
      if (method === 'GET' && match) {
        const found = domains.find((domain) => domain.id === match[1]);
        return found
          ? { status: 200, body: found }
          : {
              status: 404,
              body: {
                error: {
                  type: 'invalid_request_error',
                  message: `No such payment_method_domain: '${match[1]}'`,
                  code: 'resource_missing',
                },
              },
            };
      }
      return undefined;
    },
  };
};
