/**
 * `dist/mock/fake-stripe.js`: the fake Stripe as a plain script, for a page in test mode (the
 * README's offline page loads it from `npm run mock-server`, at `{mock}/dist/mock/fake-stripe.js`).
 * It installs `window.Stripe`, which `loadStripe` takes instead of loading Stripe.js, and sends
 * payment events to the mock server it came from. Never on a page that takes real payments.
 */
import { installFakeStripe } from './stripe/index.js';

const script = document.currentScript as HTMLScriptElement | null;
installFakeStripe({ events: script?.src ? new URL('/__mock/stripe/events', script.src).href : undefined });
