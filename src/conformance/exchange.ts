/**
 * The suite's own HTTP: every request it sends and what came back, kept so that the checks that
 * concern every answer (CORS, the error shape) can look at all of them. Web APIs only.
 */

/** What the suite says it comes from: partners must answer any page (docs/partners/protocol.md). */
export const ORIGIN = 'https://publisher.example';

export interface Exchange {
  /** How the report names the request: method and path after the endpoint, e.g. `GET /orders/ord_1`. */
  request: string;
  preflight: boolean;
  /** Absent when no answer came. */
  status?: number;
  headers: Headers;
  /** Parsed JSON; the text when it is not JSON; `undefined` when empty. */
  body: unknown;
  /** Why no answer came. */
  failure?: string;
}

export interface AskOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  preflight?: boolean;
  /** How the report names the request, when the path would be too long to read. */
  name?: string;
}

export const createExchanger = (endpoint: string, fetcher: typeof fetch, timeout: number) => {
  const exchanges: Exchange[] = [];

  const ask = async (path: string, options: AskOptions = {}): Promise<Exchange> => {
    const { method = 'GET', headers = {}, body, preflight = false, name } = options;
    const exchange: Exchange = {
      request: name ?? `${method} ${path}`,
      preflight,
      headers: new Headers(),
      body: undefined,
    };
    exchanges.push(exchange);
    try {
      const response = await fetcher(`${endpoint}${path}`, {
        method,
        headers: {
          Origin: ORIGIN,
          ...(!preflight && { Accept: 'application/json' }),
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // A redirect is an answer of its own here: buy-tweet follows none.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeout),
      });
      exchange.status = response.status;
      exchange.headers = response.headers;
      // The timeout covers the body too: an answer that never ends is no answer.
      const text = await response.text();
      try {
        exchange.body = text ? JSON.parse(text) : undefined;
      } catch {
        exchange.body = text;
      }
    } catch (error) {
      exchange.failure =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${timeout} ms`
          : `no answer (${(error as Error).message})`;
    }
    return exchange;
  };

  return { ask, exchanges };
};

/** An answer in a few words: `404 {"error": ...}`, cut to fit on a line. */
export const describeAnswer = (exchange: Exchange): string => {
  if (exchange.status === undefined) return exchange.failure ?? 'no answer';
  const body =
    exchange.body === undefined
      ? '(empty)'
      : typeof exchange.body === 'string'
        ? exchange.body
        : JSON.stringify(exchange.body);
  return `${exchange.status} ${body.length > 200 ? `${body.slice(0, 200)}…` : body}`;
};

/** Whether a header's list (`Access-Control-Allow-Headers`, `...-Expose-Headers`) names `name`, or is `*`. */
export const listsHeader = (value: string | null, name: string): boolean =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .some((item) => item === '*' || item === name.toLowerCase());
