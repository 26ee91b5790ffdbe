import { parseFragment } from 'parse5';
import type { EmbeddedTweetParts } from '../core/tweet.js';
import type { TweetLink } from '../core/types.js';

/**
 * Reads embed HTML in Node, where there is no DOMParser, with parse5 (the HTML parser of jsdom
 * and Angular). It never enters the browser bundle. Same reading as `readEmbeddedTweet`.
 */

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  parentNode?: Node | null;
}

const attribute = (node: Node, name: string) => node.attrs?.find((attr) => attr.name === name)?.value;

const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');

const elements = (node: Node, name: string, found: Node[] = []): Node[] => {
  for (const child of node.childNodes ?? []) {
    if (child.nodeName === name) found.push(child);
    elements(child, name, found);
  }
  return found;
};

export const readTweetHtml = (html: string): EmbeddedTweetParts => {
  const root = parseFragment(html) as unknown as Node;
  const links: TweetLink[] = elements(root, 'a')
    .filter((a) => attribute(a, 'href') !== undefined)
    .map((a) => ({
      href: attribute(a, 'href')!,
      text: textOf(a),
      title: attribute(a, 'title'),
      expandedUrl: attribute(a, 'data-expanded-url'),
    }));
  const quote = elements(root, 'blockquote')[0] ?? root;
  const paragraph = elements(quote, 'p')[0];
  const siblings = paragraph?.parentNode?.childNodes ?? [];
  const byline = paragraph ? siblings.slice(siblings.indexOf(paragraph) + 1).map(textOf).join('') : '';
  return {
    links,
    text: paragraph ? textOf(paragraph) : undefined,
    lang: paragraph ? attribute(paragraph, 'lang') : undefined,
    dir: paragraph ? attribute(paragraph, 'dir') : undefined,
    byline,
  };
};
