import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { BuyTweetError } from '../core/errors.js';
import { STRIPE_JS, trustedPolicy } from '../trusted-types.js';

/** How long Stripe.js may take to load before the buyer is told (docs/publishers/checkout.md). */
export const STRIPE_TIMEOUT = 15_000;

/**
 * Stripe.js's tag, added by buy-tweet and waited for here. On a page that enforces Trusted Types,
 * `script.src = ...` needs a TrustedScriptURL, which loadStripe cannot make, and loadStripe also
 * re-adds the tag itself to retry a failed load: that second `src` would break the page's policy.
 * So the tag is added through buy-tweet's `buy-tweet` policy, and `loadStripe` is asked only once
 * `window.Stripe` exists, which it then uses as it is.
 */
const addStripeScript = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if ((window as { Stripe?: unknown }).Stripe) return resolve();
    const found = document.querySelector<HTMLScriptElement>(`script[src^="https://js.stripe.com/"]`);
    const script = found ?? document.createElement('script');
    // Gone when it failed or took too long, so that the next try adds it afresh.
    const fail = () => {
      if (!found) script.remove();
      reject(new Error('Stripe.js did not load'));
    };
    script.addEventListener('load', () => (signal.removeEventListener('abort', fail), resolve()), { once: true });
    script.addEventListener('error', fail, { once: true });
    signal.addEventListener('abort', fail, { once: true });
    if (!found) {
      (script as { src: unknown }).src = trustedPolicy()?.createScriptURL(STRIPE_JS) ?? STRIPE_JS;
      document.head.append(script);
    }
  });

const loading = new Map<string, Promise<Stripe>>();

/**
 * The clock Stripe.js's load is timed on. A seam for tests, which put a signal of their own here to
 * see how long the load may take and to end that time when they choose.
 */
export const stripeClock = { timeout: (ms: number): AbortSignal => AbortSignal.timeout(ms) };

/**
 * Stripe.js for a publishable key, loaded once per key; uses `window.Stripe` when the page has it
 * (test mode has a fake one). A failure, or no Stripe.js within 15 s, is `stripe_unavailable` and
 * may be tried again.
 */
export const getStripe = (publishableKey: string, { timeout: wait = STRIPE_TIMEOUT } = {}): Promise<Stripe> => {
  let stripe = loading.get(publishableKey);
  if (!stripe) {
    const timeout = stripeClock.timeout(wait);
    stripe = addStripeScript(timeout)
      .then(async () => {
        // A script that loaded yet made no Stripe (a captive portal's page, say): loadStripe
        // would wait for a load event that has passed.
        if (!(window as { Stripe?: unknown }).Stripe) throw new Error('Stripe.js did not define Stripe');
        const loaded = await loadStripe(publishableKey);
        if (!loaded) throw new Error('Stripe.js did not load');
        return loaded;
      })
      .catch(() => {
        loading.delete(publishableKey);
        throw new BuyTweetError({
          code: 'stripe_unavailable',
          message: 'The payment form could not be loaded.',
          step: 'payment',
          retryable: true,
        });
      });
    loading.set(publishableKey, stripe);
  }
  return stripe;
};
