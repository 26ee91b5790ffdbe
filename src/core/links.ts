import { createBatcher, type BatchAnswer } from './batch.js';
import { BuyTweetError } from './errors.js';
import { ACCEPT_JSON, MAX_ANSWER_BYTES, exchange, withRetries, type RequestOptions } from './http.js';
import { cacheLifetime } from './protocol.js';
import { MAX_LINKS_PER_REQUEST } from './tco.js';
import { isRecord } from './rules.js';

/**
 * The browser's side of a link endpoint (docs/publishers/real-tweets.md): where t.co links go, asked for the whole
 * page at once. The t.co links of the tweets read within a frame share one request (20 a
 * request), each link is asked once, and answers are kept as their `Cache-Control` allows.
 */

/**
 * `GET {linkEndpoint}?url=...`: for each link, where it goes, or `null` when the endpoint could
 * not read it. What the endpoint says is untrusted: an expanded link is only ever matched against
 * partners like any other link.
 */
export const askLinkEndpoint = async (
  endpoint: string,
  links: readonly string[],
  options: RequestOptions = {},
): Promise<BatchAnswer<string | null>> => {
  const query = new URLSearchParams(links.map((url) => ['url', url]));
  const { body, headers } = await withRetries(
    () =>
      exchange(
        `${endpoint}${endpoint.includes('?') ? '&' : '?'}${query}`,
        { headers: ACCEPT_JSON },
        'tweet',
        MAX_ANSWER_BYTES,
        options,
      ),
    options,
  );
  const invalid = () =>
    new BuyTweetError({ code: 'invalid_response', message: 'The link endpoint sent no list of links.', step: 'tweet' });
  const entries = isRecord(body) ? body.links : undefined;
  if (!Array.isArray(entries) || entries.length !== links.length) throw invalid();
  return {
    entries: entries.map((entry, index) => {
      if (!isRecord(entry) || entry.url !== links[index]) throw invalid();
      if (typeof entry.expandedUrl === 'string' && entry.expandedUrl.length <= 4096) return entry.expandedUrl;
      if (isRecord(entry.error)) return null;
      throw invalid();
    }),
    maxAge: cacheLifetime(headers.get('Cache-Control')),
  };
};

const batcher = createBatcher<string | null>({
  max: MAX_LINKS_PER_REQUEST,
  schedule: (go) => setTimeout(go, 16),
  send: askLinkEndpoint,
});

/** Where each of `links` goes, by link (`null`: unreadable), through the link endpoint. */
export const readLinks = async (
  endpoint: string,
  links: readonly string[],
  { signal }: { signal?: AbortSignal } = {},
): Promise<Map<string, string | null>> =>
  new Map(
    await Promise.all(links.map(async (link) => [link, await batcher.load(endpoint, link, { signal })] as const)),
  );

/** Forgets every kept answer (tests). */
export const clearLinkCache = (): void => batcher.clear();
