/**
 * The demos' page server: demo/ and dist/ from this repository on 127.0.0.1, under the strict
 * policy a careful publisher sends, plus a few routes of the demo's own (`routes`: path → handler).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const host = '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A script module answered from memory (the demo's addresses, known only once servers listen). */
export const moduleAnswer = (source) => (req, res) => {
  res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' });
  res.end(source);
};

/**
 * The policy, with the origins the page may also fetch from, load scripts from and show pictures
 * of, and the page's own Trusted Types policies. Workers stay 'self' whatever scripts may come
 * from elsewhere.
 */
const policy = ({ connect = [], img = [], script = [], trustedTypes = [] }) =>
  [
    "default-src 'self'",
    `script-src 'self' ${script.join(' ')}`.trim(),
    "worker-src 'self'",
    "style-src 'self'",
    `img-src 'self' https: data: ${img.join(' ')}`,
    `connect-src 'self' ${connect.join(' ')}`,
    "frame-src 'self' https://js.stripe.com",
    "require-trusted-types-for 'script'",
    ['trusted-types lit-html buy-tweet', ...trustedTypes].join(' '),
  ].join('; ');

/** Starts the page server; `page` is where `/` goes. Gives `{origin, close}`. */
export const startPageServer = async ({ port, page, routes = {}, connect, img, script, trustedTypes }) => {
  const csp = policy({ connect, img, script, trustedTypes });
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', `http://${host}`);
    if (pathname === '/') {
      res.writeHead(302, { Location: page });
      return res.end();
    }
    if (routes[pathname]) return routes[pathname](req, res);
    const file = normalize(join(root, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : ''));
    const allowed = ['demo', 'dist'].some((dir) => file.startsWith(join(root, dir) + sep));
    const info = allowed ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    origin: `http://${host}:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};
