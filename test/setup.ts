/**
 * Shared by every browser test: the mock partner in a service worker (msw), a clean slate after
 * each test, and no console noise (`noise.ts`).
 */
import { clearTweetCache } from '../src/buy-tweet/tweet-url.js';
import { clearLinkCache } from '../src/core/links.js';
import { clearLookupCache } from '../src/core/lookup.js';
import { startMockPartner } from '../src/mock/browser.js';
import './noise.js';

export const { worker, mock } = await startMockPartner();

afterEach(() => {
  worker.resetHandlers();
  mock.reset();
  clearLookupCache();
  clearLinkCache();
  clearTweetCache();
  // Attempts kept for a reload (docs/publishers/checkout.md) belong to the test that made them.
  sessionStorage.clear();
});
