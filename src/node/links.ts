import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createLinkEndpoint, type FetchHandler } from '../server/link-endpoint.js';
import { listen } from './listen.js';

/**
 * `npx buy-tweet links`: the link endpoint of `buy-tweet/server` on `node:http`. The adapter is
 * this small because the handler reads nothing but the method and the URL: no request body is
 * ever read, and other methods get the handler's own 405.
 */

/** A request target longer than this is no link-endpoint request: 20 encoded t.co links take about 1,100 characters. */
export const MAX_URL_LENGTH = 4096;

export interface LinkServerOptions {
  /** Default 8790; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default `createLinkEndpoint()`. */
  handler?: FetchHandler;
}

export interface LinkServer {
  /** Where it listens, e.g. `http://127.0.0.1:8790/`. */
  url: string;
  server: Server;
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

/** A host that only this machine can reach. */
export const isLoopback = (host: string): boolean =>
  /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i.test(host);

const refuse = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify({ error: { code: 'invalid_request', message } }));
};

const answer = async (handler: FetchHandler, origin: string, req: IncomingMessage, res: ServerResponse) => {
  const target = req.url ?? '/';
  if (target.length > MAX_URL_LENGTH)
    return refuse(res, 414, `A request URL may be ${MAX_URL_LENGTH} characters long.`);
  let request: Request;
  try {
    // Joined to our own origin, never resolved against it: a target like `//host/` stays a path.
    request = new Request(`${origin}${target.startsWith('/') ? target : `/${target}`}`, { method: req.method });
  } catch {
    // Methods fetch refuses (TRACE, TRACK) and targets that are no URL.
    return refuse(res, 405, 'A link endpoint answers GET.', { Allow: 'GET, OPTIONS' });
  }
  const response = await handler(request);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
};

export const startLinkServer = async ({
  port = 8790,
  host = '127.0.0.1',
  handler = createLinkEndpoint(),
}: LinkServerOptions = {}): Promise<LinkServer> => {
  let origin = '';
  const server = createServer((req, res) => {
    answer(handler, origin, req, res).catch((error: unknown) => {
      console.error('buy-tweet links:', error);
      if (!res.headersSent) refuse(res, 500, 'The link endpoint failed.');
      else res.destroy();
    });
  });
  const listening = await listen(server, port, host);
  origin = listening.origin;
  return { url: `${origin}/`, server, close: listening.close };
};
