import { html, nothing } from 'lit';
import { fetchOEmbed } from '../core/oembed.js';
import { tweetFromEmbed } from '../core/tweet.js';
import type { TweetInfo } from '../core/types.js';
import { readTweetHtml } from './read-html.js';

/**
 * The tweet behind a `tweet-url`, through oEmbed, read inertly. Loaded only by elements that use
 * `tweet-url`, so the oEmbed path costs other pages nothing.
 */
export const loadTweet = async (url: string, endpoint: string | undefined, signal: AbortSignal): Promise<TweetInfo> => {
  const oembed = await fetchOEmbed(url, endpoint, { signal });
  const tweet = tweetFromEmbed(readTweetHtml(oembed.html));
  tweet.url ??= oembed.url;
  tweet.authorName ??= oembed.authorName;
  return tweet;
};

/** A tweet read through oEmbed (the element's light DOM is empty then): shown as text, never as markup. */
export const renderTweet = (tweet: TweetInfo) =>
  html`<blockquote class="tweet" lang=${tweet.lang ?? nothing} dir=${tweet.dir ?? nothing}>
    <p>${tweet.text}</p>
    <p class="small">
      — ${tweet.authorName}${tweet.authorHandle ? ` (@${tweet.authorHandle})` : ''}
      ${tweet.url ? html`<a href=${tweet.url} target="_blank" rel="noopener noreferrer">${tweet.date ?? tweet.url}</a>` : nothing}
    </p>
  </blockquote>`;
