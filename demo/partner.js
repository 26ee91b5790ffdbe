// Demo only: the merchant's own partner (the reference partner that `npm run demo:partner` runs),
// registered for its links, and the test-mode fake Stripe, whose payments the demo server tells
// the partner about as Stripe's webhook would.
import { installFakeStripe } from '../dist/esm/mock/stripe/index.js';
import { partnerEndpoint } from './partner-env.js';
import { demoWallets } from './wallets.js';

installFakeStripe({ events: '/demo/stripe-events', wallets: demoWallets() });

await customElements.whenDefined('buy-tweet');
window.BuyTweet.registerPartner({
  id: 'theband',
  name: 'The Band',
  match: [/^theband\.example\/(shop\/[^/]+|album)\/?$/],
  endpoint: partnerEndpoint,
});
