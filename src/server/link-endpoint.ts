import { MAX_LINKS_PER_REQUEST } from '../core/tco.js';
import { parseStatusUrl } from '../core/rules.js';
import { readTweet } from './oembed.js';
import { LinkCache, readTcoLinks, type Fetch } from './tco.js';

/**
 * The link endpoint of docs/publishers/real-tweets.md as a WHATWG fetch handler: `GET ?url=https://t.co/{code}&url=...`
 * answers `{"links": [...]}`, one entry per `url`, in order; `GET ?tweet={status URL}` answers
 * publish.twitter.com's oEmbed of that tweet (`server/oembed.ts`). Web APIs only, so the same handler
 * serves on Node (`npx buy-tweet links`), Deno, Bun and Cloudflare Workers. It answers at whatever
 * path it is mounted on.
 */

export type FetchHandler = (request: Request) => Promise<Response>;

export interface LinkEndpointOptions {
  /** What to ask t.co and publish.twitter.com with. Default `globalThis.fetch`. */
  fetch?: Fetch;
  /** How long to wait for t.co per link, or for publish.twitter.com, in milliseconds. Default 5000. */
  timeout?: number;
  /** How many answers, links and tweets together, to keep in memory. Default 10,000; 0 keeps none. */
  cacheSize?: number;
}

const CORS = { 'Access-Control-Allow-Origin': '*' };

/** t.co links do not change: neither does an answer that holds no failure of t.co's. */
const LASTING = 'public, max-age=86400, immutable';
/** A tweet may yet be deleted: a day. */
const A_DAY = 'public, max-age=86400';

const json = (body: unknown, status: number, headers: Record<string, string>): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...CORS, ...headers },
  });

const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}): Response =>
  json({ error: { code, message } }, status, { 'Cache-Control': 'no-store', ...headers });

export const createLinkEndpoint = ({ fetch, timeout, cacheSize = 10_000 }: LinkEndpointOptions = {}): FetchHandler => {
  const cache = new LinkCache(cacheSize);
  return async (request) => {
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { ...CORS, 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Max-Age': '86400' },
      });
    }
    if (request.method !== 'GET') {
      return refuse(405, 'method_not_allowed', 'A link endpoint answers GET.', { Allow: 'GET, OPTIONS' });
    }
    const query = new URL(request.url).searchParams;
    if (query.has('tweet')) {
      const tweets = query.getAll('tweet');
      const status = tweets.length === 1 && !query.has('url') ? parseStatusUrl(tweets[0]) : null;
      if (!status) {
        return refuse(
          400,
          'invalid_request',
          'Give one tweet parameter, a twitter.com or x.com status URL, and no url parameter.',
        );
      }
      const tweet = await readTweet(status.url, { fetch, timeout, cache });
      if ('oembed' in tweet) return json(tweet.oembed, 200, { 'Cache-Control': A_DAY });
      return refuse(tweet.error.code === 'tweet_not_found' ? 404 : 502, tweet.error.code, tweet.error.message);
    }
    const links = query.getAll('url');
    if (links.length < 1 || links.length > MAX_LINKS_PER_REQUEST) {
      return refuse(
        400,
        'invalid_request',
        `Give 1 to ${MAX_LINKS_PER_REQUEST} url parameters, each https://t.co/{code}.`,
      );
    }
    const entries = await readTcoLinks(links, { fetch, timeout, cache });
    // A failure of t.co's may pass: the next request reads the link again, and so should caches.
    const lasting = entries.every((entry) => !('error' in entry) || entry.error.code !== 'upstream_error');
    return json({ links: entries }, 200, { 'Cache-Control': lasting ? LASTING : 'no-store' });
  };
};
