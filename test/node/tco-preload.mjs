// Loaded with `node --import` into a CLI process under test: t.co is answered by the mock's
// handlers (as t.co answers: 301 + Location, or 404), never the network. Each t.co request is
// logged to stderr as `tco-preload: GET https://t.co/{code}`, so a test can count what was asked.
import { setupServer } from 'msw/node';
import { createPartnerMock } from 'buy-tweet/mock';

const server = setupServer(...createPartnerMock().handlers);
server.events.on('request:start', ({ request }) => {
  if (new URL(request.url).hostname === 't.co') process.stderr.write(`tco-preload: ${request.method} ${request.url}\n`);
});
// Requests to loopback (the CLI's own server, a mock partner) go through untouched.
server.listen({ onUnhandledRequest: 'bypass' });
