/**
 * How the reference partner configures Stripe's SDK wherever it makes a client: the server
 * (./partner.ts) and `npx buy-tweet-partner domains` (./domains.ts).
 */
import type Stripe from 'stripe';

/**
 * How long one call to Stripe may take, in milliseconds. The SDK's own defaults are an 80 s
 * `timeout` and, on Node, two retries (stripe-node's README, "Configuration": `timeout` is the
 * "Maximum time each request can take in ms", default 80000; `maxNetworkRetries` "The amount of
 * times a request should be retried"; stripe 23's `PlatformFunctions.getDefaultMaxNetworkRetries`
 * answers 2 on Node): a Stripe that does not answer would hold an order request for four minutes,
 * while the element gives up on it after 20 s and asks again, so requests would pile up.
 */
export const STRIPE_TIMEOUT_MS = 10_000;

/**
 * One retry at most. The SDK waits 0.5 s before it (its `_getSleepTimeInMS`: the initial network
 * retry delay, 0.5 s, is also the least it waits) and sends the same Idempotency-Key again, so a
 * call that never answers ends in 10 + 0.5 + 10 s.
 */
export const STRIPE_RETRIES = 1;

/**
 * Stripe's SDK options: no telemetry, each call timed out at `timeout` ms (at most
 * `STRIPE_TIMEOUT_MS`) and retried once at most, and another API origin when `apiBase` is given
 * (`host`, `port`, `protocol`: the SDK's StripeConfig).
 */
export const stripeConfig = (apiBase?: string, timeout = STRIPE_TIMEOUT_MS): Stripe.StripeConfig => {
  // No telemetry: nothing of the partner's requests goes to Stripe beyond the requests themselves,
  // and a busy partner does not log that Stripe's metrics buffer is full.
  const config: Stripe.StripeConfig = {
    telemetry: false,
    timeout: Math.min(Math.max(Math.round(timeout), 1), STRIPE_TIMEOUT_MS),
    maxNetworkRetries: STRIPE_RETRIES,
  };
  if (!apiBase) return config;
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { ...config, host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
};
