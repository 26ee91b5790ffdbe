/**
 * The mock partner as a real HTTP server (Node only): for integrators' own tests, the demo, and
 * test runners that mount it on their dev server (`createRequestListener`, `partnerMockMiddleware`).
 * Every answer carries open CORS headers, as CONTRACT 4 asks of partners.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { listen } from '../node/listen.js';
import { mockPartners } from './fixtures.js';
import { createPartnerMock, FAULT_HEADER, type PartnerMock, type PartnerMockOptions } from './handlers.js';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': `Content-Type, Idempotency-Key, ${FAULT_HEADER}`,
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

/** Answers a request when one of the mock's handlers takes it; `false` (nothing written) if not. */
export type MockRequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const requestUrl = (req: IncomingMessage): string => {
  const encrypted = 'encrypted' in req.socket && Boolean(req.socket.encrypted);
  const host = req.headers.host ?? req.headers[':authority'] ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  return new URL(req.url ?? '/', `${encrypted ? 'https' : 'http'}://${String(host)}`).href;
};

const requestHeaders = (req: IncomingMessage): Headers => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
};

const readBody = async (req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
};

const send = (res: ServerResponse, status: number, headers: Record<string, string>, body?: Uint8Array | string) => {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, ...CORS_HEADERS });
  res.end(body);
};

/**
 * A Node request listener over the mock's handlers (msw's `getResponse`). The request body is
 * read only once a handler has taken the request, so a middleware can pass the others on.
 */
export const createRequestListener = (mock: PartnerMock): MockRequestListener => async (req, res) => {
  const url = requestUrl(req);
  const method = req.method ?? 'GET';
  const probe = new Request(url, { method, headers: requestHeaders(req) });
  let taken = false;
  for (const handler of mock.handlers) {
    if (await handler.test({ request: probe })) {
      taken = true;
      break;
    }
  }
  if (!taken) return false;

  try {
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    const request = new Request(url, { method, headers: requestHeaders(req), body });
    const response = await getResponse(mock.handlers, request, { quiet: true });
    if (!response) return false;
    if (response.type === 'error') {
      // The `network` fault: the connection fails without an answer.
      res.destroy();
      return true;
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    send(res, response.status, headers, new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    console.error('buy-tweet mock partner:', error);
    send(
      res,
      500,
      { 'Content-Type': 'application/json; charset=utf-8' },
      JSON.stringify({ error: { code: 'internal_error', message: 'The mock partner crashed.' } }),
    );
  }
  return true;
};

/** The shape of a Koa context that the middleware needs (web-test-runner's dev server is Koa). */
export interface KoaLikeContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/**
 * Koa middleware that answers the mock's routes on the dev server's own origin, e.g. in
 * web-test-runner's config: `middleware: [partnerMockMiddleware(mock)]`.
 */
export const partnerMockMiddleware = (mock: PartnerMock) => {
  const listener = createRequestListener(mock);
  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> => {
    if (await listener(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    await next();
  };
};

export interface MockPartnerServerOptions extends PartnerMockOptions {
  /** Default 8788; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** A mock made beforehand; a new one otherwise. */
  mock?: PartnerMock;
}

export interface MockPartnerServer {
  /** The server's origin, e.g. `http://127.0.0.1:8788`. */
  url: string;
  port: number;
  /** Each partner's endpoint on this server: `{url}/{partnerId}/v1`. */
  endpoints: Record<string, string>;
  mock: PartnerMock;
  server: Server;
  /** Stops listening and ends open connections (hanging requests too). */
  close(): Promise<void>;
}

export const startMockPartnerServer = async (options: MockPartnerServerOptions = {}): Promise<MockPartnerServer> => {
  const { port = 8788, host = '127.0.0.1', mock = createPartnerMock(options) } = options;
  const listener = createRequestListener(mock);
  const server = createServer((req, res) => {
    void listener(req, res).then((answered) => {
      if (answered) return;
      const message = `No mock route here. Partner endpoints are /{${mockPartners.map((p) => p.id).join('|')}}/v1.`;
      send(
        res,
        req.method === 'OPTIONS' ? 204 : 404,
        { 'Content-Type': 'application/json; charset=utf-8' },
        req.method === 'OPTIONS' ? undefined : JSON.stringify({ error: { code: 'not_found', message } }),
      );
    });
  });
  const { origin, port: listeningPort, close } = await listen(server, port, host);
  return {
    url: origin,
    port: listeningPort,
    endpoints: Object.fromEntries(mockPartners.map(({ id }) => [id, `${origin}/${id}/v1`])),
    mock,
    server,
    close,
  };
};
