// A publisher's page for the redirect-return tests (test/checkout/return.test.ts): the element on
// the mock partner of this origin, the fake Stripe telling that mock of payments, and a log of the
// public events, which survives nothing: each page (before leaving, after coming back) has its own.
import '../../src/define.js';
import { installFakeStripe } from '../../src/mock/stripe/index.js';

export interface ReturnPage {
  heard: Array<{ type: string; detail: unknown }>;
}

const page = window as unknown as ReturnPage;
page.heard = [];
for (const type of ['buy-tweet-load', 'buy-tweet-error', 'buy-tweet-purchase', 'buy-tweet-close']) {
  document.addEventListener(type, (event) => page.heard.push({ type, detail: (event as CustomEvent).detail }));
}
installFakeStripe({ delay: 0, events: `${location.origin}/__mock/stripe/events` });
document.querySelector('buy-tweet')!.setAttribute('endpoint', `${location.origin}/gumroad/v1`);
