import { config } from './config.js';
import { BuyTweetError } from './errors.js';
import { ACCEPT_JSON, MAX_ANSWER_BYTES, exchange, isAbortError, withRetries, type RequestOptions } from './http.js';
import { parseStatusUrl } from './rules.js';
import { tweetFromEmbed, type EmbeddedTweetParts } from './tweet.js';
import type { TweetInfo } from './types.js';
import { safeUrl } from './url.js';

/** What buy-tweet uses of an oEmbed answer (publish.twitter.com's shape); all of it untrusted. */
export interface OEmbed {
  /** The embed markup: read inertly, never inserted or run. */
  html: string;
  /** The tweet's URL as asked. */
  url: string;
  authorName?: string;
}

export const DEFAULT_OEMBED_ENDPOINT = 'https://publish.twitter.com/oembed';

const unavailable = (message: string, from?: BuyTweetError) =>
  new BuyTweetError({
    code: 'tweet_unavailable',
    message,
    step: 'tweet',
    status: from?.status,
    retryable: from?.retryable ?? false,
  });

/** Where a tweet's oEmbed may be read: an oEmbed endpoint, a link endpoint, or both. */
export interface OEmbedSource {
  /** An oEmbed endpoint (the element's `oembed-endpoint`). */
  endpoint?: string;
  /** A link endpoint (docs/publishers/real-tweets.md), already chosen: the element's `link-endpoint`, else configure's. */
  linkEndpoint?: string;
}

/**
 * The request that reads a tweet's oEmbed (docs/publishers/embedding.md item 4 and 7): `{oembed}?url={tweet}
 * &omit_script=true` of the oEmbed endpoint given, else of `BuyTweet.configure`'s; else, with a
 * link endpoint, `{linkEndpoint}?tweet={tweet}`, which asks publish.twitter.com from its server
 * (publish.twitter.com answers pages without CORS: README, "Real tweets"); else publish.twitter.com.
 */
export const oembedRequestUrl = (statusUrl: string, { endpoint, linkEndpoint }: OEmbedSource): string => {
  const oembed = safeUrl(endpoint) ?? config.oembedEndpoint;
  const query = new URLSearchParams(
    !oembed && linkEndpoint ? { tweet: statusUrl } : { url: statusUrl, omit_script: 'true' },
  );
  const base = oembed ?? linkEndpoint ?? DEFAULT_OEMBED_ENDPOINT;
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
};

/**
 * A tweet's oEmbed JSON, asked where `oembedRequestUrl` says (`source` is an oEmbed endpoint, or
 * `{endpoint, linkEndpoint}`). Any failure is `tweet_unavailable` (step `tweet`); network
 * failures, 429 and 5xx are retried like lookups and stay retryable.
 */
export const fetchOEmbed = async (
  tweetUrl: string,
  source: string | OEmbedSource = {},
  options: RequestOptions = {},
): Promise<OEmbed> => {
  const status = parseStatusUrl(tweetUrl);
  if (!status) throw unavailable('This is not the URL of a tweet.');
  const url = oembedRequestUrl(status.url, typeof source === 'string' ? { endpoint: source } : source);
  let body: unknown;
  try {
    ({ body } = await withRetries(
      () => exchange(url, { headers: ACCEPT_JSON }, 'tweet', MAX_ANSWER_BYTES, options),
      options,
    ));
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw unavailable('The tweet could not be loaded.', error instanceof BuyTweetError ? error : undefined);
  }
  const answer = body as { html?: unknown; author_name?: unknown } | undefined;
  if (typeof answer?.html !== 'string' || answer.html.length > 100_000) {
    throw unavailable('The oEmbed answer has no tweet in it.');
  }
  const oembed: OEmbed = { html: answer.html, url: status.url };
  if (typeof answer.author_name === 'string' && answer.author_name.length < 200) oembed.authorName = answer.author_name;
  return oembed;
};

/**
 * The tweet behind a tweet's URL: its oEmbed answer (asked where `oembedRequestUrl` says), whose
 * `html` `readHtml` reads inertly (DOMParser in browsers, parse5 in Node: never inserted, never
 * run), filled in with what the answer itself says. The element's `tweet-url` and `BuyTweet.resolve` both read tweets so.
 */
export const loadOEmbedTweet = async (
  tweetUrl: string,
  {
    endpoint,
    linkEndpoint,
    readHtml,
    signal,
  }: OEmbedSource & {
    readHtml: (html: string) => EmbeddedTweetParts | Promise<EmbeddedTweetParts>;
    signal?: AbortSignal;
  },
): Promise<TweetInfo> => {
  const oembed = await fetchOEmbed(tweetUrl, { endpoint, linkEndpoint }, { signal });
  const tweet = tweetFromEmbed(await readHtml(oembed.html));
  tweet.url ??= oembed.url;
  tweet.authorName ??= oembed.authorName;
  return tweet;
};
