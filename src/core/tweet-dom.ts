import { RENDERED_TWEET } from './tweet-markup.js';
import type { EmbeddedTweetParts } from './tweet.js';

/**
 * The parts of an embedded tweet (twitter.com / x.com embed code) under `root`: the light DOM of
 * the element, or an oEmbed answer parsed inertly. Reads attributes and text only; uses no
 * globals, so any DOM does.
 */
export const readEmbeddedTweet = (root: ParentNode): EmbeddedTweetParts => {
  const paragraph = (root.querySelector('blockquote') ?? root).querySelector('p');
  let byline = '';
  for (let node = paragraph?.nextSibling; node; node = node.nextSibling) byline += node.textContent ?? '';
  return {
    links: [...root.querySelectorAll('a[href]')].map((a) => ({
      href: a.getAttribute('href') ?? '',
      text: a.textContent ?? '',
      title: a.getAttribute('title') ?? undefined,
      expandedUrl: a.getAttribute('data-expanded-url') ?? undefined,
    })),
    text: paragraph?.textContent ?? undefined,
    lang: paragraph?.getAttribute('lang') ?? undefined,
    dir: paragraph?.getAttribute('dir') ?? undefined,
    byline,
  };
};

/**
 * A tweet that widgets.js has rendered under `root` (docs/publishers/real-tweets.md): `{id}`, or `{}` for the empty
 * shell it may leave of a deleted tweet, or `null` when there is none. widgets.js writes
 * `<div class="twitter-tweet twitter-tweet-rendered"><iframe id="twitter-widget-0"
 * data-tweet-id="…" src="https://platform.twitter.com/embed/Tweet.html?…&id=…">` (as public pages
 * saved after it ran show); the id is the iframe's `data-tweet-id`, else the `id` of its `src`.
 */
export const readRenderedTweet = (root: ParentNode): { id?: string } | null => {
  const shell = root.querySelector(RENDERED_TWEET);
  const frame = shell?.querySelector('iframe');
  const id = frame?.getAttribute('data-tweet-id') || /[?&]id=(\d+)/.exec(frame?.getAttribute('src') ?? '')?.[1];
  return shell && (/^\d{1,25}$/.test(id ?? '') ? { id } : {});
};
