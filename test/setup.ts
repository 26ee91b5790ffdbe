/**
 * Shared by every browser test: the mock partner in a service worker (msw), a clean slate after
 * each test, and no console noise: a test that logs an unexpected warning or error fails.
 */
import { clearTweetCache } from '../src/buy-tweet/tweet-url.js';
import { clearLinkCache } from '../src/core/links.js';
import { clearLookupCache } from '../src/core/lookup.js';
import { startMockPartner } from '../src/mock/browser.js';

const noise: string[] = [];
const EXPECTED = [/Lit is in dev mode/, /Multiple versions of Lit loaded/];
for (const level of ['warn', 'error'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (!EXPECTED.some((pattern) => pattern.test(text))) noise.push(`console.${level}: ${text}`);
    original(...args);
  };
}

export const { worker, mock } = await startMockPartner();

afterEach(() => {
  worker.resetHandlers();
  mock.reset();
  clearLookupCache();
  clearLinkCache();
  clearTweetCache();
  const heard = noise.splice(0);
  if (heard.length) throw new Error(`Unexpected console output:\n${heard.join('\n')}`);
});
