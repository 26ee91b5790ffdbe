import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { BuyTweetError } from '../core/errors.js';
import { STRIPE_JS, trustedPolicy } from '../trusted-types.js';

/**
 * On a page that enforces Trusted Types, `script.src = ...` needs a TrustedScriptURL, which
 * loadStripe cannot make. So buy-tweet adds the Stripe.js tag itself (the URL loadStripe would
 * add, and recognises), through its `buy-tweet` policy; loadStripe then finds the tag and waits.
 */
const addStripeScript = (): HTMLScriptElement | undefined => {
  if ((window as { Stripe?: unknown }).Stripe || document.querySelector(`script[src^="https://js.stripe.com/"]`)) return;
  const script = document.createElement('script');
  (script as { src: unknown }).src = trustedPolicy()?.createScriptURL(STRIPE_JS) ?? STRIPE_JS;
  document.head.append(script);
  return script;
};

const loading = new Map<string, Promise<Stripe>>();

/**
 * Stripe.js for a publishable key, loaded once per key; uses `window.Stripe` when the page has it
 * (test mode has a fake one). A failure is `stripe_unavailable` and may be tried again.
 */
export const getStripe = (publishableKey: string): Promise<Stripe> => {
  let stripe = loading.get(publishableKey);
  if (!stripe) {
    stripe = (async () => {
      let script: HTMLScriptElement | undefined;
      try {
        script = addStripeScript();
        const loaded = await loadStripe(publishableKey);
        if (!loaded) throw new Error('Stripe.js did not load');
        return loaded;
      } catch {
        // Gone, so that the next try adds it afresh.
        script?.remove();
        loading.delete(publishableKey);
        throw new BuyTweetError({
          code: 'stripe_unavailable',
          message: 'The payment form could not be loaded.',
          step: 'payment',
          retryable: true,
        });
      }
    })();
    loading.set(publishableKey, stripe);
  }
  return stripe;
};
