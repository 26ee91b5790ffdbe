/**
 * The demo's servers: the mock partner (real HTTP, CORS, as a partner's would be) and a static
 * server for demo/ and dist/, each on its own port of 127.0.0.1. `npm start` runs it; the
 * benchmarks start it from code.
 */
import { fileURLToPath } from 'node:url';
import { startMockPartnerServer } from '../dist/esm/mock/server.js';
import { host, moduleAnswer, startPageServer } from './static-server.mjs';

export const startDemo = async ({ port = 8080, mockPort = 8788 } = {}) => {
  const partner = await startMockPartnerServer({ host, port: mockPort });
  // demo.js sends the flaky tweet to the same server as `localhost`: its pictures come from there too.
  const partnerOrigins = [partner.url, partner.url.replace('127.0.0.1', 'localhost')];
  const pages = await startPageServer({
    port,
    page: '/demo/',
    routes: { '/demo/env.js': moduleAnswer(`export const mockPartner = ${JSON.stringify(partner.url)};\n`) },
    connect: partnerOrigins,
    img: partnerOrigins,
    // The embed code's widgets.js: demo/sw.js answers it from the mock partner server.
    script: ['https://platform.twitter.com/widgets.js'],
    // Registering that worker is a TrustedScriptURL sink: demo/widgets-worker.js's policy passes sw.js only.
    trustedTypes: ['buy-tweet-demo'],
  });
  return {
    url: `${pages.origin}/demo/`,
    partner,
    close: () => Promise.all([pages.close(), partner.close()]),
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const demo = await startDemo({
    port: Number(process.env.PORT ?? 8080),
    mockPort: Number(process.env.MOCK_PORT ?? 8788),
  });
  console.log(`buy-tweet demo:       ${demo.url}`);
  console.log(`mock partner server:  ${demo.partner.url}`);
  console.log('Stop with Ctrl+C.');
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
