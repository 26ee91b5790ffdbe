// @ts-check
/**
 * What a test may make the Stripe stand-in (./stripe-api.mjs) do wrong, for tests only:
 * - `hang(match)`: requests that match are held and never answered, and nothing of them is done,
 *   as when Stripe cannot be reached or does not get to them;
 * - `loseAnswers(match)`: requests that match are done (a PaymentIntent made, its answer saved under
 *   its Idempotency-Key) and their answer is never sent, as when the connection drops on the way
 *   back;
 * - `recover()`: answers again; held requests are let go (their connections closed).
 * `match` is `({method, path}) => boolean`; by default every request matches.
 */

/** @typedef {{method: string | undefined, path: string}} Call */
/** @typedef {(call: Call) => boolean} Match */

/**
 * @typedef {object} StripeFaults
 * @property {(match?: Match) => void} hang
 * @property {(match?: Match) => void} loseAnswers
 * @property {() => void} recover
 * @property {(call: Call, response: import('node:http').ServerResponse) => boolean} holds
 *   whether this request is held before it is done (the stand-in then does nothing more with it)
 * @property {(call: Call, response: import('node:http').ServerResponse) => boolean} withholds
 *   whether this request's answer is held
 */

/** @returns {StripeFaults} */
export const stripeFaults = () => {
  /** @type {{mode: 'hang' | 'lose', match: Match} | undefined} */
  let fault;
  /** @type {Set<import('node:http').ServerResponse>} */
  const held = new Set();
  /** @param {'hang' | 'lose'} mode @param {Call} call @param {import('node:http').ServerResponse} response */
  const hold = (mode, call, response) => {
    if (fault?.mode !== mode || !fault.match(call)) return false;
    held.add(response);
    response.once('close', () => held.delete(response));
    return true;
  };
  return {
    hang: (match = () => true) => void (fault = { mode: 'hang', match }),
    loseAnswers: (match = () => true) => void (fault = { mode: 'lose', match }),
    recover: () => {
      fault = undefined;
      for (const response of held) response.destroy();
      held.clear();
    },
    holds: (call, response) => hold('hang', call, response),
    withholds: (call, response) => hold('lose', call, response),
  };
};
