/**
 * For `npm run example:react` only, bundled in front of main.tsx: the gumroad partner is the mock
 * partner server on this machine, and payments go to the test-mode fake Stripe. An app that sells
 * through a real partner has none of this.
 */
import { configure } from 'buy-tweet/api';
import { installFakeStripe } from 'buy-tweet/mock';

/** The mock partner server's origin, which serve.mjs writes in when it bundles. */
declare const MOCK_PARTNER: string;

// Stripe's test cards work here: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.
installFakeStripe({ events: `${MOCK_PARTNER}/__mock/stripe/events` });
configure({ partners: { gumroad: { endpoint: `${MOCK_PARTNER}/gumroad/v1` } } });
