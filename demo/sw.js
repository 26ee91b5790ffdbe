// Demo only: the demo has no internet, so this service worker answers the embed code's
// `https://platform.twitter.com/widgets.js` with the mock partner server's stand-in
// (`{mock}/widgets.js`, src/mock/widgets.ts) and lets every other request through untouched.
// Not msw's worker: msw lets a fresh page's own first requests pass (mockServiceWorker.js keeps
// `activeClientIds` of pages that started it), and the script tags are among those.
import { mockPartner } from './env.js';

const WIDGETS_JS = 'https://platform.twitter.com/widgets.js';

// A new Response, not the fetched one: a fetched response keeps the mock's URL, which the page's
// policy would check as if the script had been redirected there.
const standIn = async () => {
  const answer = await fetch(`${mockPartner}/widgets.js`, { cache: 'no-store' });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
};

addEventListener('install', () => skipWaiting());
addEventListener('activate', (event) => event.waitUntil(clients.claim()));
addEventListener('fetch', (event) => {
  if (event.request.url !== WIDGETS_JS) return;
  event.respondWith(standIn());
});
