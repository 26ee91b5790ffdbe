import { TCO_LINK, type LinkEntry, type LinkErrorCode } from '../core/tco.js';
import { parseUrl } from '../core/url.js';
import { ask, TIMED_OUT, type Fetch } from './ask.js';

export type { Fetch } from './ask.js';

/**
 * Where a t.co link goes, read on a server (docs/publishers/real-tweets.md): one request to `https://t.co/{code}`
 * itself, whose redirect is read and never followed. No DOM and no Node modules, so the link
 * endpoint runs on Node, Deno, Bun and Workers, and `BuyTweet.resolve` in Node reads links the
 * same way.
 *
 * How t.co answers, as this reads it:
 * - a code it knows: `301 Moved Permanently` with the link in `Location`
 *   (`curl -I http://t.co/d` in http://2015.compciv.org/recipes/cli/curl-for-headers), and a
 *   small redirecting page as its body. This asks with a plain GET, the request every t.co
 *   answers, and cancels the body unread: only the `Location` counts.
 * - browser user agents get a 200 with an HTML page that redirects instead
 *   (indieweb/indiewebify-me#47; the page is in sparklemotion/mechanize#294). Servers' fetch sends
 *   no browser user agent; a 200 here is no redirect, hence `upstream_error`.
 * - a code it does not know: 404, i.e. `link_not_found`.
 */

export interface ReadTcoOptions {
  /** What to ask t.co with. Default `globalThis.fetch`. */
  fetch?: Fetch;
  /** How long to wait for t.co, in milliseconds. Default 5000. */
  timeout?: number;
  /** Stops waiting: the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

const failure = (url: string, code: LinkErrorCode, message: string): LinkEntry => ({ url, error: { code, message } });

const invalidLink = (link: unknown): LinkEntry =>
  failure(String(link), 'invalid_link', 'A link endpoint reads only links of the form https://t.co/{code}.');

const isPermanent = (entry: LinkEntry): boolean => !('error' in entry) || entry.error.code !== 'upstream_error';

/** What a redirect points to, when it is an absolute http(s) URL: anything else is no link. */
const expandedUrl = (location: string | null): string | undefined => {
  const url = parseUrl(location);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : undefined;
};

const entryOf = (link: string, response: Response): LinkEntry => {
  if (REDIRECT.has(response.status)) {
    const expanded = expandedUrl(response.headers.get('Location'));
    return expanded
      ? { url: link, expandedUrl: expanded }
      : failure(link, 'upstream_error', 't.co answered a redirect to no http(s) link.');
  }
  if (response.status === 404) return failure(link, 'link_not_found', 't.co knows no such link.');
  return failure(link, 'upstream_error', `t.co answered ${response.status}.`);
};

/**
 * Reads one t.co link: `{url, expandedUrl}`, or `{url, error}` with `invalid_link` (not exactly
 * `https://t.co/{code}`: nothing is fetched), `link_not_found` (404) or `upstream_error`
 * (timeout, network failure, any other answer). Never rejects, but when `signal` aborts.
 */
export const readTcoLink = async (
  link: string,
  { fetch = globalThis.fetch, timeout = 5000, signal }: ReadTcoOptions = {},
): Promise<LinkEntry> => {
  if (typeof link !== 'string' || !TCO_LINK.test(link)) return invalidLink(link);
  try {
    return await ask(link, { fetch, timeout, signal }, (response) => {
      // t.co's little page says nothing the `Location` does not.
      response.body?.cancel().catch(() => {});
      return entryOf(link, response);
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const message = error === TIMED_OUT ? `t.co did not answer within ${timeout} ms.` : 't.co could not be reached.';
    return failure(link, 'upstream_error', message);
  }
};

/**
 * What a link endpoint read, in memory: the answers that do not change (expanded links and
 * `link_not_found`; tweets the link endpoint read, `server/oembed.ts`), at most `maxEntries` of
 * them all, the least recently used dropped first; and the reads under way, so that a link asked
 * again before t.co has answered is read once.
 */
export class LinkCache {
  readonly maxEntries: number;
  #entries = new Map<string, unknown>();
  #reading = new Map<string, Promise<unknown>>();

  constructor(maxEntries = 10_000) {
    // Whatever it is given, a whole number: NaN would bound nothing.
    this.maxEntries = Math.max(0, Math.floor(maxEntries)) || 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The kept answer for `link`, else the read of it under way, else `read()`. */
  read(link: string, read: () => Promise<LinkEntry>): Promise<LinkEntry>;
  /** The same for any other answer under `key`, kept when `lasting(answer)`. */
  read<T>(key: string, read: () => Promise<T>, lasting: (answer: T) => boolean): Promise<T>;
  read(key: string, read: () => Promise<unknown>, lasting: (answer: never) => boolean = isPermanent): Promise<unknown> {
    if (this.#entries.has(key)) {
      const kept = this.#entries.get(key);
      // Map keeps insertion order: moving the entry to the end makes it the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return Promise.resolve(kept);
    }
    let reading = this.#reading.get(key);
    if (!reading) {
      reading = read()
        .then((answer) => {
          if (lasting(answer as never)) this.#keep(key, answer);
          return answer;
        })
        .finally(() => this.#reading.delete(key));
      this.#reading.set(key, reading);
    }
    return reading;
  }

  #keep(key: string, answer: unknown): void {
    if (this.maxEntries < 1) return;
    this.#entries.set(key, answer);
    // The oldest goes: a Map keeps its keys in the order they came.
    const oldest = this.#entries.keys().next();
    if (this.#entries.size > this.maxEntries && !oldest.done) this.#entries.delete(oldest.value);
  }
}

export interface ReadTcoLinksOptions extends ReadTcoOptions {
  /** How many requests to t.co at once. Default 4. */
  concurrency?: number;
  /** Answers kept between calls; without one, a link asked twice in one call is still read once. */
  cache?: LinkCache;
}

/** Waits for `promise`, or rejects with the signal's reason as soon as it aborts. */
const waitFor = <T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> => {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
};

/**
 * Reads several t.co links, `concurrency` at a time: one entry per link, in order (see
 * `readTcoLink`). Invalid links cost nothing; each other link is read at most once per cache. A
 * read may serve other callers too, so `signal` only stops this caller waiting: the read itself
 * ends with t.co's answer or the timeout.
 */
export const readTcoLinks = async (
  links: readonly string[],
  options: ReadTcoLinksOptions = {},
): Promise<LinkEntry[]> => {
  const { concurrency = 4, cache = new LinkCache(0), signal, ...read } = options;
  const valid = [...new Set(links.filter((link) => TCO_LINK.test(link)))];
  const answers = new Map<string, LinkEntry>();
  let next = 0;
  const worker = async () => {
    while (next < valid.length) {
      const link = valid[next++];
      answers.set(link, await cache.read(link, () => readTcoLink(link, read)));
    }
  };
  const workers = Array.from({ length: Math.min(Math.max(1, concurrency), valid.length) }, worker);
  await waitFor(Promise.all(workers), signal);
  return links.map((link) => answers.get(link) ?? invalidLink(link));
};
