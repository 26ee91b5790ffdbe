// A checkout chunk that failed to load once is imported afresh on the next press (issue 8): a
// browser keeps a failed dynamic import's failure, so the retry asks under a new URL.
import { expect, oneEvent } from '@open-wc/testing';
import { bypass, http, HttpResponse } from 'msw';
import '../../src/define.js';

import { waitUntil } from '../wait.js';
import { worker } from '../setup.js';
import { buyButton, card, dialogOf, useFakeStripe } from './helpers.js';

useFakeStripe();

describe('checkout chunk that failed to load', () => {
  it('says so on the card, then loads on the next press under a new URL', async () => {
    const asked: string[] = [];
    worker.use(
      http.get(/\/src\/checkout\/index\.(ts|js)/, ({ request }) => {
        asked.push(new URL(request.url).pathname + new URL(request.url).search);
        if (asked.length === 1) return new HttpResponse('Not found', { status: 404 });
        // The retry names the module as the build does (`.js`); unbundled, the dev server has it as `.ts`.
        const source = new URL(request.url);
        source.pathname = source.pathname.replace(/\.js$/, '.ts');
        return fetch(bypass(source));
      }),
    );
    const el = await card('https://gumroad.com/l/new-album');
    const failed = oneEvent(el, 'buy-tweet-error');
    buyButton(el).click();
    expect((await failed).detail).to.include({ code: 'network', step: 'order', retryable: true });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="availability"]')!.textContent!.trim()).to.equal(
      'Checkout could not be loaded. Try again.',
    );
    buyButton(el).click();
    await waitUntil(() => dialogOf(el)?.open, 'the second press did not open the checkout');
    expect(asked[0]).to.match(/^\/src\/checkout\/index\.(ts|js)$/);
    expect(asked.at(-1)).to.match(/\?retry=1$/);
  });
});
