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
      href: a.getAttribute('href')!,
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
