import { findPartner, productUrlMatch, type PartnerMatch } from './partners.js';
import { tcoLink } from './tco.js';
import { tweetFromEmbed, tweetFromObject, type EmbeddedTweetParts } from './tweet.js';
import type { TweetInfo } from './types.js';

/**
 * Which product a tweet sells (docs/publishers/embedding.md): the one place where that is decided, for the element
 * and for `BuyTweet.resolve` alike. The element only says what it holds and draws the answer.
 */

/** What a `<buy-tweet>` (or a caller of `resolve`) holds. */
export interface SourceInput {
  productUrl?: string | null;
  /** An X API v2 tweet or v1.1 status. */
  tweet?: unknown;
  /** An embedded tweet, read off the light DOM or off embed HTML. */
  embedded?: EmbeddedTweetParts | null;
  /** A tweet widgets.js rendered in place of the embedded one (`readRenderedTweet`). */
  rendered?: { id?: string } | null;
  /** What was read of the embedded tweet before widgets.js replaced it. */
  kept?: TweetInfo | null;
  tweetUrl?: string | null;
}

/** Where the product link comes from: the first source present decides. */
export type Source =
  | { from: 'product-url'; productUrl: string; tweet: TweetInfo | null }
  | { from: 'tweet'; tweet: TweetInfo }
  | { from: 'tweet-url'; tweetUrl: string }
  /** A tweet widgets.js rendered before anything read it: read by its id, never drawn again. */
  | { from: 'rendered'; tweetUrl: string };

export const pickSource = ({ productUrl, tweet, embedded, rendered, kept, tweetUrl }: SourceInput): Source | null => {
  // widgets.js replacing the embedded tweet changes nothing of what was read of it; the empty
  // shell of a deleted tweet neither.
  const same = rendered && kept && (!rendered.id || rendered.id === kept.id) ? kept : null;
  // The tweet is read whatever decides the link: it is the order's source.
  const read = (tweet ? tweetFromObject(tweet) : null) ?? (embedded ? tweetFromEmbed(embedded) : same);
  if (productUrl) return { from: 'product-url', productUrl, tweet: read };
  if (read) return { from: 'tweet', tweet: read };
  if (rendered?.id) return { from: 'rendered', tweetUrl: `https://twitter.com/i/status/${rendered.id}` };
  return tweetUrl ? { from: 'tweet-url', tweetUrl } : null;
};

export interface Decision {
  /** The first link a registered partner takes, or `null`. */
  match: PartnerMatch | null;
  /**
   * t.co links not read yet that come before the match (all of them, without one): one of them
   * may be the product link.
   */
  unread: string[];
}

/**
 * The product link among a tweet's links, in reading order. A t.co link the page could not read
 * counts as where `expanded` says it goes (`null`: nowhere); until then it is `unread`.
 */
export const decide = (
  links: readonly string[],
  endpoint?: string,
  expanded?: ReadonlyMap<string, string | null>,
): Decision => {
  const unread = new Set<string>();
  for (const link of links) {
    const tco = tcoLink(link);
    const target = tco ? expanded?.get(tco) : link;
    if (tco && target === undefined) unread.add(tco);
    const match = target ? findPartner(target, endpoint) : null;
    if (match) return { match, unread: [...unread] };
  }
  return { match: null, unread: [...unread] };
};

export interface ReadOptions {
  /** The partner endpoint that wins over the partner's own (the element's `endpoint`). */
  endpoint?: string;
  /** Reads t.co links: a link endpoint in browsers, t.co itself in Node. Absent: none is read. */
  readLinks?: (links: string[], signal?: AbortSignal) => Promise<ReadonlyMap<string, string | null>>;
  /** Reads the tweet behind a tweet's URL (oEmbed). */
  loadTweet: (tweetUrl: string, signal?: AbortSignal) => Promise<TweetInfo>;
  signal?: AbortSignal;
}

export interface ProductLink {
  tweet: TweetInfo | null;
  match: PartnerMatch | null;
  /** t.co links nothing could read, for want of a link endpoint. */
  unread: string[];
}

/**
 * The product link of a source, reading what must be read: the tweet behind a tweet URL, and the
 * t.co links that come before any link a partner takes (only those, and only with `readLinks`).
 * Rejects with `unsupported_link` for a `product-url` no partner takes; a tweet without a
 * product is no error, just `match: null`.
 */
export const readProductLink = async (source: Source | null, options: ReadOptions): Promise<ProductLink> => {
  const { endpoint, readLinks, signal } = options;
  if (source?.from === 'product-url')
    return { tweet: source.tweet, match: productUrlMatch(source.productUrl, endpoint), unread: [] };
  if (!source) return { tweet: null, match: null, unread: [] };
  const tweet = source.from === 'tweet' ? source.tweet : await options.loadTweet(source.tweetUrl, signal);
  let decision = decide(tweet.links, endpoint);
  if (decision.unread.length && readLinks)
    decision = decide(tweet.links, endpoint, await readLinks(decision.unread, signal));
  return { tweet, ...decision };
};
