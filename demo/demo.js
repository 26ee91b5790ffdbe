// Demo only: the four seed partners live on the local mock partner server that `npm start` runs,
// and payments go to the test-mode fake Stripe. A publisher with real partners needs none of this.
import { installFakeStripe } from '../dist/esm/mock/stripe/index.js';
import { mockPartner } from './env.js';
import { demoWallets } from './wallets.js';

// Stripe's test cards work here: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined. The
// device has Apple Pay (?wallets= chooses others, ?wallets=none none).
installFakeStripe({ events: `${mockPartner}/__mock/stripe/events`, wallets: demoWallets() });

await customElements.whenDefined('buy-tweet');
const partners = {};
for (const id of ['gumroad', 'fancy', 'musictoday', 'stripe']) {
  partners[id] = { endpoint: `${mockPartner}/${id}/v1` };
}
// Today's embed code hides every link behind t.co: the mock's link endpoint reads them, as
// `npx buy-tweet links` would on a real site.
window.BuyTweet.configure({ partners, linkEndpoint: `${mockPartner}/links` });

// The flaky tweet asks through its own endpoint (the same server, by another name): lookups at one
// endpoint share a request, and its deliberate failures should not take its neighbours down too.
document
  .querySelector('#flaky')
  ?.setAttribute('endpoint', `${mockPartner.replace('127.0.0.1', 'localhost')}/gumroad/v1`);
