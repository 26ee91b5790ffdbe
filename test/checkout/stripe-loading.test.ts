// Loading Stripe.js (docs/publishers/checkout.md): a failure, or no Stripe.js within 15 s, is stripe_unavailable and
// can be tried again. This file installs no fake Stripe: js.stripe.com is answered by msw.
import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { getStripe, stripeClock } from '../../src/checkout/stripe.js';
import { BuyTweetError } from '../../src/core/errors.js';
import { worker } from '../setup.js';
import { waitUntil } from '../wait.js';

const stripeTags = () => document.querySelectorAll('script[src^="https://js.stripe.com/"]');
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

const realClock = stripeClock.timeout;
afterEach(() => {
  stripeTags().forEach((tag) => tag.remove());
  stripeClock.timeout = realClock;
});

describe('Stripe.js loading', () => {
  it('calls a script that loads but makes no Stripe stripe_unavailable, without waiting for the timeout', async () => {
    worker.use(
      http.get(
        'https://js.stripe.com/*',
        () => new HttpResponse('/* a captive portal */', { headers: { 'Content-Type': 'text/javascript' } }),
      ),
    );
    const error = await rejection(getStripe('pk_test_portal', { timeout: 60_000 }));
    expect(error).to.include({ code: 'stripe_unavailable' });
  });

  // Last: the hanging request stays in flight, and the browser would lend it to any later tag.
  it('gives up on a Stripe.js that never answers within 15 s: stripe_unavailable, and a later try asks again', async () => {
    // The load's time runs on a clock the test holds: each timeout asked for, ended when the test says.
    const timers: Array<{ ms: number; end: () => void }> = [];
    stripeClock.timeout = (ms) => {
      const controller = new AbortController();
      timers.push({ ms, end: () => controller.abort() });
      return controller.signal;
    };
    let asked = 0;
    worker.use(
      http.get('https://js.stripe.com/*', async () => {
        asked++;
        await delay('infinite');
        return new HttpResponse(null);
      }),
    );
    const first = rejection(getStripe('pk_test_hang'));
    await waitUntil(() => asked === 1, 'Stripe.js was not asked for');
    expect(timers.map(({ ms }) => ms)).to.deep.equal([15_000]);
    timers[0].end();
    const error = await first;
    expect(error).to.be.instanceOf(BuyTweetError);
    expect(error).to.include({ code: 'stripe_unavailable', step: 'payment', retryable: true });
    expect(asked).to.equal(1);
    // Not kept as a failure: its tag is gone, and the next press adds one afresh.
    expect(stripeTags().length).to.equal(0);
    const again = rejection(getStripe('pk_test_hang'));
    expect(stripeTags().length).to.equal(1);
    expect(timers).to.have.length(2);
    timers[1].end();
    expect(await again).to.include({ code: 'stripe_unavailable' });
  });
});
