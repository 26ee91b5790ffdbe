/**
 * The mock partner as a real HTTP server (Node only): for integrators' own tests, the demo, and
 * test runners that mount it on their dev server (`createRequestListener`, `partnerMockMiddleware`).
 * The protocol's answers (partners, oEmbed, t.co's link endpoint, pictures) carry open CORS headers,
 * as docs/partners/protocol.md asks of partners; the mock's own controls (`/__mock/`: its state with buyers' emails
 * and client secrets, resets, faults) carry none, so no other page can read or steer them.
 * `{url}/dist/...` is the package's build (`dist-files.ts`), for a page saved anywhere.
 * `{url}/widgets.js` is the widgets.js stand-in (`widgets.ts`): a page under test that cannot reach
 * platform.twitter.com loads it from here (or a service worker answers the real URL with it). The
 * server started here also answers only requests addressed to it (its `Host`), which keeps pages
 * that rebind a domain name to 127.0.0.1 out, and takes bodies of 1 MB at most.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { listen } from '../node/listen.js';
import { sendDistFile } from './dist-files.js';
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

/** The most a request body may hold. */
export const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

/** The body, or `BodyTooLarge` as soon as it says or turns out to be over `MAX_BODY_BYTES`. */
const readBody = async (req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> => {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks));
};

/** The mock's controls: never open to other pages. */
const isControl = (url: string) => new URL(url).pathname.startsWith('/__mock/');

const send = (
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: Uint8Array | string,
  cors = true,
) => {
  if (res.headersSent || res.destroyed) return;
  // One value per header, whatever the case of its name: a handler's own CORS headers (the link
  // endpoint sends them) and these must not add up to two, which browsers refuse.
  const merged = new Headers(headers);
  if (cors) for (const [name, value] of Object.entries(CORS_HEADERS)) merged.set(name, value);
  else for (const name of Object.keys(CORS_HEADERS)) merged.delete(name);
  res.writeHead(status, Object.fromEntries(merged));
  res.end(body);
};

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

/**
 * A Node request listener over the mock's handlers (msw's `getResponse`). The request body is
 * read only once a handler has taken the request, so a middleware can pass the others on.
 */
export const createRequestListener =
  (mock: PartnerMock): MockRequestListener =>
  async (req, res) => {
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

    const cors = !isControl(url);
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
      send(res, response.status, headers, new Uint8Array(await response.arrayBuffer()), cors);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        const message = `A request body may hold ${MAX_BODY_BYTES} bytes at most.`;
        // Said before the rest is read: the connection closes rather than take it all in.
        res.setHeader('Connection', 'close');
        send(res, 413, JSON_HEADERS, errorBody('payload_too_large', message), cors);
        return true;
      }
      console.error('buy-tweet mock partner:', error);
      send(res, 500, JSON_HEADERS, errorBody('internal_error', 'The mock partner crashed.'), cors);
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

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;
const WILDCARD = /^(?:0\.0\.0\.0|::|\[::\])$/;

/** The names a request may give in `Host` for a server bound to `host`: loopback answers to all of its names. */
const hostNames = (host: string): Set<string> =>
  LOOPBACK.test(host)
    ? new Set(['localhost', '127.0.0.1', '[::1]', host.toLowerCase()])
    : new Set([host.toLowerCase()]);

export const startMockPartnerServer = async (options: MockPartnerServerOptions = {}): Promise<MockPartnerServer> => {
  const { port = 8788, host = '127.0.0.1', mock = createPartnerMock(options) } = options;
  const listener = createRequestListener(mock);
  const names = hostNames(host);
  // Bound to every address, the server cannot know which names it goes by: any Host passes.
  const anyHost = WILDCARD.test(host);
  if (!LOOPBACK.test(host)) {
    console.warn(
      `buy-tweet mock partner: listening on ${host}, beyond this machine. Anyone who can reach it can ` +
        "read its orders (buyers' emails, client secrets) and steer it: bind it to 127.0.0.1 unless you must.",
    );
  }
  /** Whether a request's `Host` names this server: one of its names, and its port. */
  const addressedHere = (hostHeader = ''): boolean => {
    const [, name = '', givenPort] = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(hostHeader.toLowerCase()) ?? [];
    return anyHost || (names.has(name) && Number(givenPort) === listening.port);
  };
  const server = createServer((req, res) => {
    if (!addressedHere(req.headers.host)) {
      const message = `This server answers to ${[...names].join(', ')} on its own port only.`;
      send(res, 421, JSON_HEADERS, errorBody('misdirected_request', message), false);
      return;
    }
    void listener(req, res).then(async (answered) => {
      if (answered || (await sendDistFile(req.method ?? 'GET', new URL(req.url ?? '/', 'http://mock').pathname, res)))
        return;
      const message = `No mock route here. Partner endpoints are /{${mockPartners.map((p) => p.id).join('|')}}/v1.`;
      send(
        res,
        req.method === 'OPTIONS' ? 204 : 404,
        JSON_HEADERS,
        req.method === 'OPTIONS' ? undefined : errorBody('not_found', message),
        !isControl(`http://mock${req.url ?? '/'}`),
      );
    });
  });
  const listening = await listen(server, port, host);
  const { origin } = listening;
  return {
    url: origin,
    port: listening.port,
    endpoints: Object.fromEntries(mockPartners.map(({ id }) => [id, `${origin}/${id}/v1`])),
    mock,
    server,
    close: listening.close,
  };
};
