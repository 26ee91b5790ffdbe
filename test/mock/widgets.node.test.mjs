// The widgets.js stand-in over real HTTP (docs/partners/mock-partner.md): an integrator's page under test loads it
// from the mock partner server's own origin. Runs against the build:
//   npx tsc -p . && node --test test/mock/
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Script } from 'node:vm';
import { startMockPartnerServer } from '../../dist/esm/mock/server.js';
import { fixtureTweets } from '../../dist/esm/mock/fixtures.js';
import { widgetsScript } from '../../dist/esm/mock/widgets.js';

let server;

before(async () => {
  server = await startMockPartnerServer({ port: 0, deletedTweets: [fixtureTweets.rtl.id] });
});
after(() => server.close());

test('serves the stand-in at /widgets.js on its own origin, as JavaScript a page can load', async () => {
  const response = await fetch(`${server.url}/widgets.js`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const source = await response.text();
  assert.equal(source, widgetsScript({ deleted: [fixtureTweets.rtl.id] }));
  assert.doesNotThrow(() => new Script(source));
  assert.deepEqual(
    server.mock.requests.map(({ method, url, route }) => ({ method, url, route })),
    [{ method: 'GET', url: `${server.url}/widgets.js`, route: 'widgets' }],
  );
});

test('puts only tweet ids into the script it writes', () => {
  const source = widgetsScript({ deleted: ['509074208133345280', '1"]);alert(1);//'] });
  assert.match(source, /\(\["509074208133345280"\]\);\n$/);
});
