/**
 * The demo's servers: the mock partner (real HTTP, CORS, as a partner's would be) and a static
 * server for demo/ and dist/, each on its own port of 127.0.0.1. `npm start` runs it; the
 * benchmarks start it from code.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockPartnerServer } from '../dist/esm/mock/server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = '127.0.0.1';

export const startDemo = async ({ port = 8080, mockPort = 8788 } = {}) => {
  const partner = await startMockPartnerServer({ host, port: mockPort });

  const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
  };

  // The demo runs under the strict policy a careful publisher would send.
  const CSP = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' https: data: ${partner.url}`,
    `connect-src 'self' ${partner.url} ${partner.url.replace('127.0.0.1', 'localhost')}`,
    "frame-src 'self' https://js.stripe.com",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html buy-tweet',
  ].join('; ');

  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', `http://${host}`);
    if (pathname === '/') {
      res.writeHead(302, { Location: '/demo/' });
      return res.end();
    }
    if (pathname === '/demo/env.js') {
      res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' });
      return res.end(`export const mockPartner = ${JSON.stringify(partner.url)};\n`);
    }
    const file = normalize(join(root, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : ''));
    const allowed = ['demo', 'dist'].some((dir) => file.startsWith(join(root, dir) + sep));
    const info = allowed ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });

  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${server.address().port}/demo/`,
    partner,
    close: () => Promise.all([new Promise((resolve) => server.close(resolve)), partner.close()]),
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const demo = await startDemo({ port: Number(process.env.PORT ?? 8080), mockPort: Number(process.env.MOCK_PORT ?? 8788) });
  console.log(`buy-tweet demo:       ${demo.url}`);
  console.log(`mock partner server:  ${demo.partner.url}`);
  console.log('Stop with Ctrl+C.');
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
