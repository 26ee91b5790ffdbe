// @ts-check
/**
 * Stripe's rules that hold for every request, as the stand-in (./stripe-api.mjs) keeps them, for
 * tests only: not Stripe.
 * - Idempotent requests (https://docs.stripe.com/api/idempotent_requests): every POST may carry an
 *   `Idempotency-Key` (up to 255 characters); Stripe saves the status and body of the first request
 *   made with a key once its endpoint has begun (so not when its parameters fail validation) and
 *   answers any later request with that key with them again (`Idempotent-Replayed: true`). "The
 *   idempotency layer compares incoming parameters to those of the original request and errors if
 *   they're not the same": a 400 whose error `type` is `idempotency_error`, in Stripe's words "Keys
 *   for idempotent requests can only be used with the same parameters they were first used with.
 *   Try using a key other than '…' if you meant to execute a different request." (as Stripe's API
 *   answers, quoted in graphql-python/graphene#869), and for another endpoint "Keys for idempotent
 *   requests can only be used for the same endpoint they were first used for ('…' vs '…')."
 *   (quoted in stripe/stripe-ruby#598). Keys are pruned after 24 hours; a stand-in lives shorter.
 * - Parameters come form-encoded, nested objects as `a[b]=c` (https://docs.stripe.com/api: the API
 *   "accepts form-encoded request bodies, returns JSON-encoded responses").
 * - Pagination (https://docs.stripe.com/api/pagination): a list answers
 *   `{object: "list", url, has_more, data}`, newest first, `limit` from 1 to 100 (default 10), and
 *   `starting_after` / `ending_before`, an object id, exclusive of each other.
 * - Events carry the API version their objects are rendered in (`api_version`: "The Stripe API
 *   version used to render `data`", https://docs.stripe.com/api/events/object); the stand-in renders
 *   them in the version the SDK is pinned to (`Stripe.API_VERSION`), as a webhook endpoint made for
 *   this SDK's version would.
 */
import Stripe from 'stripe';

/** The API version the installed `stripe` SDK is pinned to, and sends as `Stripe-Version`. */
export const API_VERSION = Stripe.API_VERSION;

/** @typedef {{status: number, body: unknown}} Answer */

/**
 * A form-encoded body read back into nested objects.
 * @param {string} text
 * @returns {Record<string, unknown>}
 */
export const parseForm = (text) => {
  /** @type {Record<string, any>} */
  const out = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const path = name.replace(/\]/g, '').split('[');
    let at = out;
    path.slice(0, -1).forEach((part) => (at = at[part] ??= {}));
    at[path[path.length - 1]] = value;
  }
  return out;
};

/** @param {string} param @param {string} message @param {string} [code] @returns {Answer} */
const invalid = (param, message, code) => ({
  status: 400,
  body: { error: { type: 'invalid_request_error', message, param, ...(code && { code }) } },
});

/**
 * One page of a list, as Stripe's list endpoints answer it.
 * @template {{id: string}} T
 * @param {T[]} newestFirst  every object that matches, newest first
 * @param {URLSearchParams} query  the request's query (`limit`, `starting_after`, `ending_before`)
 * @param {string} url  the list's path, e.g. `/v1/payment_links`
 * @returns {Answer}
 */
export const listPage = (newestFirst, query, url) => {
  const limit = Number(query.get('limit') ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return invalid('limit', 'This value must be greater than or equal to 1 and less than or equal to 100.');
  }
  const after = query.get('starting_after');
  const before = query.get('ending_before');
  if (after !== null && before !== null) {
    return invalid('starting_after', 'You may only specify one of these parameters: ending_before, starting_after.');
  }
  const cursor = after ?? before;
  const at = cursor === null ? -1 : newestFirst.findIndex((object) => object.id === cursor);
  if (cursor !== null && at < 0) {
    return invalid(
      after !== null ? 'starting_after' : 'ending_before',
      `No such object: '${cursor}'`,
      'resource_missing',
    );
  }
  const rest = after !== null ? newestFirst.slice(at + 1) : before !== null ? newestFirst.slice(0, at) : newestFirst;
  // ending_before pages toward the newest: the page nearest the cursor.
  const data = before !== null ? rest.slice(-limit) : rest.slice(0, limit);
  return { status: 200, body: { object: 'list', url, has_more: rest.length > data.length, data } };
};

/**
 * @typedef {object} Idempotency
 * @property {(method: string | undefined, path: string, key: string | string[] | undefined, params: string) => ({replay: Answer} | {refuse: Answer} | {save: (answer: Answer) => void} | undefined)} check
 *   what a request's `Idempotency-Key` makes of it: the saved answer again, a refusal, or a way to
 *   save its answer (undefined: no key, or no POST)
 */

/** Saved answers by Idempotency-Key. @returns {Idempotency} */
export const idempotency = () => {
  /** @type {Map<string, {endpoint: string, params: string, answer: Answer}>} */
  const saved = new Map();
  return {
    check: (method, path, key, params) => {
      if (method !== 'POST' || typeof key !== 'string') return undefined;
      if (key.length > 255) {
        return { refuse: invalid('Idempotency-Key', 'Idempotency keys are up to 255 characters long.') };
      }
      const endpoint = `${method} ${path}`;
      const first = saved.get(key);
      const refuse = (/** @type {string} */ message) => ({
        refuse: { status: 400, body: { error: { type: 'idempotency_error', message } } },
      });
      const other = `Try using a key other than '${key}' if you meant to execute a different request.`;
      if (first && first.endpoint !== endpoint) {
        return refuse(
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${first.endpoint.split(' ')[1]}' vs '${path}'). ${other}`,
        );
      }
      if (first && first.params !== params) {
        return refuse(
          `Keys for idempotent requests can only be used with the same parameters they were first used with. ${other}`,
        );
      }
      if (first) return { replay: first.answer };
      // Failed validation (a 4xx here) saves nothing: the same key may be sent again, corrected.
      return { save: (answer) => void (answer.status < 400 && saved.set(key, { endpoint, params, answer })) };
    },
  };
};
