import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { http, HttpResponse } from 'msw';
import '../../src/define.js';
import { mock, worker } from '../setup.js';
import { buyButton, card, checkoutOf, fill, inDialog, openCheckout, textOf } from './helpers.js';

// This file never installs the fake Stripe: it checks what loads when, and what happens when
// Stripe.js cannot be had.
performance.setResourceTimingBufferSize(10_000);

const requested = (pattern: RegExp) =>
  performance.getEntriesByType('resource').filter((entry) => pattern.test(entry.name));

describe('checkout: loaded on intent only', () => {
  it('loads neither the checkout nor Stripe.js before the buyer shows intent, then both on hover', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    expect(requested(/\/src\/checkout\//)).to.have.length(0);
    expect(requested(/js\.stripe\.com/)).to.have.length(0);
    expect(document.querySelector('script[src*="stripe"]')).to.equal(null);

    worker.use(
      http.get(
        'https://js.stripe.com/*',
        () => new HttpResponse('/* hover */', { headers: { 'Content-Type': 'text/javascript' } }),
      ),
    );
    buyButton(el).dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => requested(/\/src\/checkout\/checkout\.ts/).length === 1, 'hover did not load the checkout');
    await waitUntil(
      () => document.querySelector('script[src^="https://js.stripe.com/"]'),
      'hover did not load Stripe.js',
    );
    expect(document.querySelector<HTMLScriptElement>('script[src^="https://js.stripe.com/"]')!.src).to.equal(
      'https://js.stripe.com/endive/stripe.js',
    );
  });

  it('says stripe_unavailable when Stripe.js cannot load, and keeps the details for a retry', async () => {
    document.querySelectorAll('script[src^="https://js.stripe.com/"]').forEach((script) => script.remove());
    worker.use(http.get('https://js.stripe.com/*', () => HttpResponse.error()));
    const el = await card('https://gumroad.com/l/new-album');
    const failed = oneEvent(el, 'buy-tweet-error');
    await openCheckout(el, { mounted: false });
    await fill(el, 'email', 'buyer@example.com');
    expect((await failed).detail).to.include({ code: 'stripe_unavailable', step: 'payment', retryable: true });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.error'))).to.equal(
      'The payment form could not be loaded. Check your connection and try again.',
    );
    expect(inDialog(el, 'button.secondary')).to.not.equal(null);
    expect(inDialog<HTMLInputElement>(el, '[name="email"]')!.value).to.equal('buyer@example.com');
    inDialog<HTMLButtonElement>(el, '[part="pay-button"]')!.click();
    expect(mock.requests.filter((request) => request.route === 'orders')).to.have.length(0);
    expect(inDialog<HTMLButtonElement>(el, '[part="pay-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(checkoutOf(el)).to.be.accessible();
  });
});
