import type { EmbeddedTweetParts } from './tweet.js';
import type { TweetLink } from './types.js';

/**
 * The parts of an embedded tweet (twitter.com / x.com embed code) under `root`: the light DOM of
 * the element, or an oEmbed answer parsed inertly. Reads attributes and text only; uses no
 * globals, so any DOM does.
 */
export const readEmbeddedTweet = (root: ParentNode): EmbeddedTweetParts => {
  const links: TweetLink[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    links.push({
      href: a.getAttribute('href') ?? '',
      text: a.textContent ?? '',
      title: a.getAttribute('title') ?? undefined,
      expandedUrl: a.getAttribute('data-expanded-url') ?? undefined,
    });
  }
  const quote = root.querySelector('blockquote') ?? root;
  const paragraph = quote.querySelector('p');
  let byline = '';
  if (paragraph) {
    for (let node = paragraph.nextSibling; node; node = node.nextSibling) {
      byline += node.textContent ?? '';
    }
  }
  return {
    links,
    text: paragraph?.textContent ?? undefined,
    lang: paragraph?.getAttribute('lang') ?? undefined,
    dir: paragraph?.getAttribute('dir') ?? undefined,
    byline,
  };
};
