// The chunk that reads tweets failed to load once: the card says the tweet could not be read, and
// Retry imports it afresh under a new URL (a browser keeps a failed dynamic import's failure).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { bypass, http, HttpResponse } from 'msw';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import '../../src/define.js';
import { waitUntil } from '../wait.js';
import { worker } from '../setup.js';

describe('reading chunk that failed to load', () => {
  it('shows a retryable error, then reads the tweet on Retry under a new URL', async () => {
    const asked: string[] = [];
    worker.use(
      http.get(/\/src\/buy-tweet\/reading\.(ts|js)/, ({ request }) => {
        asked.push(new URL(request.url).pathname + new URL(request.url).search);
        if (asked.length === 1) return new HttpResponse('Not found', { status: 404 });
        // The retry names the module as the build does (`.js`); unbundled, the dev server has it as `.ts`.
        const source = new URL(request.url);
        source.pathname = source.pathname.replace(/\.js$/, '.ts');
        return fetch(bypass(source));
      }),
    );
    const failed = oneEvent(document, 'buy-tweet-error');
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager">
        <blockquote class="twitter-tweet">
          <p lang="en" dir="ltr">New album <a href="https://gumroad.com/l/new-album">gumroad.com/l/new-album</a></p>
          &mdash; The Band (@theband) <a href="https://twitter.com/theband/status/1">June 1, 2024</a>
        </blockquote>
      </buy-tweet>`,
    );
    expect((await failed).detail).to.include({ code: 'tweet_unavailable', step: 'tweet', retryable: true });
    const retry = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]');
    await waitUntil(retry, 'no Retry on the error card');
    const loaded = oneEvent(el, 'buy-tweet-load');
    retry()!.click();
    expect((await loaded).detail.product.title).to.equal('New Album (Digital)');
    expect(asked[0]).to.match(/^\/src\/buy-tweet\/reading\.(ts|js)$/);
    expect(asked.at(-1)).to.match(/\?retry=1$/);
  });
});
