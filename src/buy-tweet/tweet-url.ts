import { css } from 'lit';
import { config } from '../core/config.js';
import { loadOEmbedTweet } from '../core/oembed.js';
import type { TweetInfo } from '../core/types.js';
import { make } from './card-view.js';
import { readTweetHtml } from './read-html.js';

/**
 * The `tweet-url` path, loaded only by elements that use it, so it costs other pages nothing:
 * the tweet through oEmbed, read inertly, and its view.
 */

/** Tweets asked, by URL and where they were asked: elements read their source again often. */
const tweets = new Map<string, Promise<TweetInfo>>();

/**
 * Until the page has loaded, when neither an oEmbed endpoint nor a link endpoint is set: the
 * publisher's own `BuyTweet.configure` usually runs after the script, and publish.twitter.com
 * answers no page (docs/publishers/real-tweets.md), so asking it first would only fail.
 */
const settled = (endpoint?: string, linkEndpoint?: string): Promise<unknown> =>
  endpoint || linkEndpoint || config.oembedEndpoint || config.linkEndpoint || document.readyState === 'complete'
    ? Promise.resolve()
    : new Promise((resolve) => addEventListener('load', resolve, { once: true }));

/** The tweet at `url`, asked where core's `oembedRequestUrl` says for these endpoints. */
export const loadTweet = async (url: string, endpoint?: string, given?: string): Promise<TweetInfo> => {
  await settled(endpoint, given);
  const linkEndpoint = given ?? config.linkEndpoint;
  const key = `${url} ${endpoint ?? config.oembedEndpoint} ${linkEndpoint}`;
  let tweet = tweets.get(key);
  if (!tweet) {
    tweet = loadOEmbedTweet(url, { endpoint, linkEndpoint, readHtml: readTweetHtml });
    tweets.set(key, tweet);
    // A failure is not kept: Retry, or the next reading, asks again.
    tweet.catch(() => tweets.delete(key));
  }
  return tweet;
};

/** The tweet view's own styles, added to the element's with this chunk. */
export const styles = css`
  .tweet {
    margin: 0;
    padding: 12px 16px;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
    font: 15px/1.3 var(--_font);
    color: var(--_fg);
    background: var(--_bg);
  }
`;

/** A tweet read through oEmbed (the element's light DOM is empty then): shown as text, never as markup. */
export const viewTweet = ({ text, authorName, authorHandle, url, date, lang, dir }: TweetInfo): ChildNode => {
  const byline = make('p', { class: 'small' }, `— ${authorName ?? ''}${authorHandle ? ` (@${authorHandle})` : ''} `);
  if (url) byline.append(make('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, date ?? url));
  const quote = make('blockquote', { class: 'tweet' }, make('p', {}, text ?? ''), byline);
  if (lang) quote.lang = lang;
  if (dir) quote.dir = dir;
  return quote;
};

/** Forgets the tweets asked (tests). */
export const clearTweetCache = (): void => tweets.clear();
