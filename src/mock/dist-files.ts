/**
 * The built package's `dist/` files, as `npm run mock-server` serves them at `{mock}/dist/...`:
 * `buy-tweet.js` with its module and chunks, `buy-tweet.css` and `mock/fake-stripe.js`, so that a
 * page saved anywhere (the README's offline page) runs the whole purchase against the mock alone.
 * Files of the build folder only, read as they are, open to any page like a CDN's.
 */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';

/** dist/, from dist/esm/mock/ where this module runs. */
const DIST = new URL('../../', import.meta.url);
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Answers `GET /dist/{file}` from the build; `false` for any other request, or a file not there. */
export const sendDistFile = async (method: string, path: string, res: ServerResponse): Promise<boolean> => {
  const name = /^\/dist\/((?:[\w.-]+\/)*[\w-]+(?:\.[\w-]+)*\.(js|css|json))$/.exec(path);
  if (!name || (method !== 'GET' && method !== 'HEAD') || name[1].split('/').some((part) => part.startsWith('.')))
    return false;
  let body: Buffer;
  try {
    body = await readFile(new URL(name[1], DIST));
  } catch {
    return false;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[name[2]],
    'Content-Length': body.length,
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'no-cache',
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
};
