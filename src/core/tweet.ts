import { isRecord, parseStatusUrl } from './rules.js';
import { tcoLink } from './tco.js';
import type { TweetInfo, TweetLink } from './types.js';
import { parseUrl, webUrl } from './url.js';

/** A whole host and path as Twitter shows a link: `gumroad.com/l/new-album`, never cut short. */
const WHOLE_HOST_PATH = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[^\s…]*)?$/i;

/**
 * Where a link of a tweet really goes, as far as the page can tell. A t.co link is read through
 * (docs/publishers/embedding.md): its `data-expanded-url`, else its `title` when that holds a URL, else its display
 * text when that is a whole host/path, taken as https. Any other link is what its href says.
 * `undefined` when it can't be told here: a t.co link whose text is cut short, or is the t.co link
 * itself (today's embed code), can only be read by a link endpoint (docs/publishers/real-tweets.md).
 */
export const expandLink = ({ href, text, title, expandedUrl }: TweetLink): string | undefined => {
  const url = parseUrl(href);
  if (!url || !/^(?:www\.)?t\.co$/.test(url.hostname)) return url?.href;
  const expanded = webUrl(expandedUrl) ?? webUrl(title);
  if (expanded && !tcoLink(expanded.href)) return expanded.href;
  const shown = text.trim();
  if (/…|\.\.\./.test(shown)) return undefined;
  const link = /^https?:\/\//i.test(shown)
    ? webUrl(shown)?.href
    : WHOLE_HOST_PATH.test(shown)
      ? `https://${shown}`
      : undefined;
  return link && !tcoLink(link) ? link : undefined;
};

/**
 * A tweet's link as a candidate product link: where it goes when that can be told here, else the
 * t.co link itself (`https://t.co/{code}`), for a link endpoint to read.
 */
const candidate = (link: TweetLink): string | undefined => expandLink(link) ?? tcoLink(link.href) ?? undefined;

/** Text with runs of white space folded, as a reader sees it. */
export const foldSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

export interface EmbeddedTweetParts {
  /** Every link in the tweet, in reading order. */
  links: TweetLink[];
  /** The text of the tweet's paragraph. */
  text?: string;
  lang?: string;
  dir?: string;
  /** The text of the blockquote after the paragraph: `— The Band (@theband) September 8, 2014`. */
  byline?: string;
}

/**
 * What an embedded tweet says, from its parts as read off a DOM (the element's light DOM, or a
 * parsed oEmbed answer). The status link gives the id, URL and date; the byline the author.
 */
export const tweetFromEmbed = ({ links, text, lang, dir, byline = '' }: EmbeddedTweetParts): TweetInfo => {
  const tweet: TweetInfo = { links: [] };
  for (const link of links) {
    const status = parseStatusUrl(link.href);
    if (status) {
      tweet.id ??= status.id;
      tweet.url ??= status.url;
      tweet.date ??= foldSpace(link.text) || undefined;
    } else {
      const expanded = candidate(link);
      if (expanded) tweet.links.push(expanded);
    }
  }
  if (text) tweet.text = foldSpace(text);
  if (lang) tweet.lang = lang;
  if (dir) tweet.dir = dir;
  const author = /^[\s—–-]*(.*?)\s*\(@(\w{1,15})\)/.exec(foldSpace(byline));
  if (author) {
    tweet.authorName = author[1] || undefined;
    tweet.authorHandle = author[2];
  }
  return tweet;
};

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/**
 * A tweet object of the X API: v2 (`{id, text, author_id?, entities?}`) or v1.1
 * (`{id_str, full_text | text, user?, entities}`). Returns `null` for anything else. Links come
 * from `entities.urls`, expanded ones first (never t.co when avoidable).
 */
export const tweetFromObject = (input: unknown): TweetInfo | null => {
  if (!input || typeof input !== 'object') return null;
  const { id_str, id, full_text, text, user, lang, entities } = input as Record<string, unknown>;
  const author = (user ?? {}) as Record<string, unknown>;
  const handle = str(author.screen_name);
  const tweetId = str(id_str) ?? (/^\d+$/.test(String(id)) ? String(id) : undefined);
  const tweetText = str(full_text) ?? str(text);
  if (!tweetId && tweetText === undefined && !entities) return null;
  const tweet: TweetInfo = { links: [] };
  const urls = (entities as { urls?: unknown } | null)?.urls;
  for (const entry of Array.isArray(urls) ? (urls as unknown[]) : []) {
    if (!isRecord(entry)) continue;
    const link =
      webUrl(entry.expanded_url)?.href ??
      webUrl(entry.unwound_url)?.href ??
      candidate({ href: str(entry.url) ?? '', text: str(entry.display_url) ?? '' });
    if (link) tweet.links.push(link);
  }
  if (tweetId) {
    tweet.id = tweetId;
    tweet.url = `https://twitter.com/${handle ?? 'i/web'}/status/${tweetId}`;
  }
  if (tweetText) tweet.text = tweetText;
  if (handle) tweet.authorHandle = handle;
  if (str(author.name)) tweet.authorName = str(author.name);
  if (str(lang)) tweet.lang = str(lang);
  return tweet;
};
