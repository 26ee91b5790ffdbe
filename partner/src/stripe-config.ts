/**
 * How the reference partner configures Stripe's SDK wherever it makes a client: the server
 * (./partner.ts) and `npx buy-tweet-partner domains` (./domains.ts).
 */
import type Stripe from 'stripe';

/** Stripe's SDK options for another API origin (`host`, `port`, `protocol`: the SDK's StripeConfig). */
export const stripeConfig = (apiBase?: string): Stripe.StripeConfig => {
  // No telemetry: nothing of the partner's requests goes to Stripe beyond the requests themselves,
  // and a busy partner does not log that Stripe's metrics buffer is full.
  if (!apiBase) return { telemetry: false };
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { telemetry: false, host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
};
