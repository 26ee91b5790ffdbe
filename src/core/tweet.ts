import type { TweetInfo, TweetLink } from './types.js';
import { parseUrl } from './url.js';

const TWITTER_HOSTS = /^(?:www\.|mobile\.)?(?:twitter|x)\.com$/;
const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15}|i\/web|i)\/status(?:es)?\/(\d{1,25})\/?$/;

/** `{id, url}` of a tweet's status link (`https://twitter.com/{user}/status/{id}`, or x.com). */
export const parseStatusUrl = (link: unknown): { id: string; url: string } | null => {
  const url = parseUrl(link);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  if (!TWITTER_HOSTS.test(url.hostname)) return null;
  const match = STATUS_PATH.exec(url.pathname);
  if (!match) return null;
  return { id: match[2], url: `https://${url.hostname}${url.pathname}` };
};

const isTco = (url: URL) => url.hostname === 't.co' || url.hostname === 'www.t.co';

/** A whole host and path as Twitter shows a link: `gumroad.com/l/new-album`, never cut short. */
const WHOLE_HOST_PATH = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[^\s…]*)?$/i;

const httpUrl = (text: string | undefined): string | undefined => {
  const url = parseUrl(text);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : undefined;
};

/**
 * Where a link of a tweet really goes. A t.co link is read through (CONTRACT 2): its
 * `data-expanded-url`, else its `title` when that holds a URL, else its display text when that is
 * a whole host/path, taken as https. Any other link is what its href says.
 */
export const expandLink = (link: TweetLink): string | undefined => {
  const url = parseUrl(link.href);
  if (!url) return undefined;
  if (!isTco(url)) return url.href;
  const expanded = httpUrl(link.expandedUrl) ?? httpUrl(link.title);
  if (expanded) return expanded;
  const text = link.text.trim();
  if (text.includes('…') || text.includes('...')) return undefined;
  if (/^https?:\/\//i.test(text)) return httpUrl(text);
  return WHOLE_HOST_PATH.test(text) ? `https://${text}` : undefined;
};

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
export const tweetFromEmbed = (parts: EmbeddedTweetParts): TweetInfo => {
  const tweet: TweetInfo = { links: [] };
  for (const link of parts.links) {
    const status = parseStatusUrl(link.href);
    if (status) {
      tweet.id ??= status.id;
      tweet.url ??= status.url;
      tweet.date ??= foldSpace(link.text) || undefined;
      continue;
    }
    const expanded = expandLink(link);
    if (expanded) tweet.links.push(expanded);
  }
  if (parts.text) tweet.text = foldSpace(parts.text);
  if (parts.lang) tweet.lang = parts.lang;
  if (parts.dir) tweet.dir = parts.dir;
  const author = /^[\s—–-]*(.*?)\s*\(@([A-Za-z0-9_]{1,15})\)/.exec(foldSpace(parts.byline ?? ''));
  if (author) {
    tweet.authorName = author[1] || undefined;
    tweet.authorHandle = author[2];
  }
  return tweet;
};

/** The links of an API tweet's `entities.urls`, expanded ones first (never t.co when avoidable). */
const entityLinks = (entities: unknown): string[] => {
  const urls = (entities as { urls?: unknown } | undefined)?.urls;
  if (!Array.isArray(urls)) return [];
  const links: string[] = [];
  for (const entry of urls as Array<Record<string, unknown>>) {
    if (!entry || typeof entry !== 'object') continue;
    const link =
      httpUrl(entry.expanded_url as string) ??
      httpUrl(entry.unwound_url as string) ??
      expandLink({ href: String(entry.url ?? ''), text: String(entry.display_url ?? '') });
    if (link) links.push(link);
  }
  return links;
};

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined;

/**
 * A tweet object of the X API: v2 (`{id, text, author_id?, entities?}`) or v1.1
 * (`{id_str, full_text | text, user?, entities}`). Returns `null` for anything else.
 */
export const tweetFromObject = (input: unknown): TweetInfo | null => {
  if (!input || typeof input !== 'object') return null;
  const object = input as Record<string, unknown>;
  const user = object.user as Record<string, unknown> | undefined;
  const id = str(object.id_str) ?? (/^\d+$/.test(String(object.id ?? '')) ? String(object.id) : undefined);
  const text = str(object.full_text) ?? str(object.text);
  if (!id && text === undefined && !object.entities) return null;
  const handle = str(user?.screen_name);
  const tweet: TweetInfo = { links: entityLinks(object.entities) };
  if (id) tweet.id = id;
  if (text) tweet.text = text;
  if (handle) {
    tweet.authorHandle = handle;
    if (id) tweet.url = `https://twitter.com/${handle}/status/${id}`;
  } else if (id) {
    tweet.url = `https://twitter.com/i/web/status/${id}`;
  }
  if (str(user?.name)) tweet.authorName = str(user?.name);
  if (str(object.lang)) tweet.lang = str(object.lang);
  return tweet;
};
