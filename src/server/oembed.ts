import { MAX_ANSWER_BYTES } from '../core/http.js';
import { parseStatusUrl } from '../core/rules.js';
import { ask, TIMED_OUT, type Fetch } from './ask.js';
import type { LinkCache } from './tco.js';

/**
 * A tweet's oEmbed, read on a server for pages that cannot read it themselves (docs/publishers/real-tweets.md,
 * "Tweets through the link endpoint"). publish.twitter.com answers its JSON without
 * `Access-Control-Allow-Origin`, so a page's `fetch` of it fails: integrators report the CORS
 * error (HMarzban/extension-hypermultimedia#3, whose editor fetches publish.twitter.com/oembed from
 * the browser; tloncorp/tlon-apps#4523: "twitter's oembed api doesn't allow cross-origin
 * requests") and turn to JSONP (ubyssey/dispatch#753) or a server. JSONP is no way out either:
 * publish.twitter.com/oembed "is not a JSONP endpoint, but instead returns JSON"
 * (google/csp-evaluator#53). So the link endpoint asks it, from the server.
 *
 * It asks publish.twitter.com itself and nothing else: one GET, its redirect never followed, for a
 * twitter.com / x.com status URL only, with a timeout and a cap on the answer's size.
 */

export const TWITTER_OEMBED = 'https://publish.twitter.com/oembed';

/** The most of an oEmbed answer read: what the element reads of one. */
export const MAX_OEMBED_BYTES = MAX_ANSWER_BYTES;

export type TweetErrorCode = 'tweet_not_found' | 'upstream_error';

/** publish.twitter.com's JSON for a tweet, as it answered it: an object with a string `html`. */
export interface OEmbedAnswer {
  html: string;
  [field: string]: unknown;
}

/** What the link endpoint answers for `?tweet=`: the oEmbed, or why there is none. */
export type TweetRead = { oembed: OEmbedAnswer } | { error: { code: TweetErrorCode; message: string } };

export interface ReadTweetOptions {
  /** What to ask publish.twitter.com with. Default `globalThis.fetch`. */
  fetch?: Fetch;
  /** How long to wait for publish.twitter.com, answer and body, in milliseconds. Default 5000. */
  timeout?: number;
  /** Answers kept between calls: only oEmbed answers are kept, failures are asked again. */
  cache?: LinkCache;
}

const failure = (code: TweetErrorCode, message: string): TweetRead => ({ error: { code, message } });

/** The body as text, or `undefined` when it is longer than `maxBytes` (the rest is not read). */
const readCapped = async (response: Response, maxBytes: number): Promise<string | undefined> => {
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    response.body?.cancel().catch(() => {});
    return undefined;
  }
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk; reader && !(chunk = await reader.read()).done;) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk.value);
  }
  return new Blob(chunks as BlobPart[]).text();
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const readAnswer = async (response: Response): Promise<TweetRead> => {
  if (response.status === 404) return failure('tweet_not_found', 'publish.twitter.com knows no such tweet.');
  if (response.status !== 200) return failure('upstream_error', `publish.twitter.com answered ${response.status}.`);
  const text = await readCapped(response, MAX_OEMBED_BYTES);
  if (text === undefined)
    return failure('upstream_error', `publish.twitter.com answered more than ${MAX_OEMBED_BYTES} bytes.`);
  const answer = parseJson(text) as { html?: unknown } | undefined;
  if (!answer || typeof answer !== 'object' || Array.isArray(answer) || typeof answer.html !== 'string') {
    return failure('upstream_error', 'publish.twitter.com answered no oEmbed of a tweet.');
  }
  return { oembed: answer as OEmbedAnswer };
};

/**
 * The oEmbed of a tweet, read from publish.twitter.com: `GET {TWITTER_OEMBED}?url={status URL}
 * &omit_script=true`. `statusUrl` must be a twitter.com / x.com status URL (`parseStatusUrl`),
 * else this throws a TypeError without asking anything. Otherwise it never rejects: a 404 is
 * `tweet_not_found`; a timeout, a network failure, a redirect, any other status, an answer over
 * `MAX_OEMBED_BYTES` or one that is no JSON object with a string `html` is `upstream_error`.
 */
export const readTweet = (
  statusUrl: string,
  { fetch = globalThis.fetch, timeout = 5000, cache }: ReadTweetOptions = {},
): Promise<TweetRead> => {
  const status = parseStatusUrl(statusUrl);
  if (!status) throw new TypeError('buy-tweet: only twitter.com and x.com status URLs are read');
  const url = `${TWITTER_OEMBED}?${new URLSearchParams({ url: status.url, omit_script: 'true' })}`;
  const read = () =>
    ask(url, { fetch, timeout, headers: { Accept: 'application/json' } }, readAnswer).catch((error: unknown) =>
      failure(
        'upstream_error',
        error === TIMED_OUT
          ? `publish.twitter.com did not answer within ${timeout} ms.`
          : 'publish.twitter.com could not be reached.',
      ),
    );
  return cache ? cache.read(`tweet ${status.url}`, read, (answer) => 'oembed' in answer) : read();
};
