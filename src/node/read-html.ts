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

/**
 * `node` and everything under it, in document order. Walked with a stack, not recursion: embed
 * HTML nested thousands deep must not exhaust the call stack.
 */
const descendants = (node: Node): Node[] => {
  const found: Node[] = [];
  const stack = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    found.push(next);
    const children = next.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
};

const textOf = (node: Node): string =>
  descendants(node)
    .map((each) => (each.nodeName === '#text' ? (each.value ?? '') : ''))
    .join('');

const elements = (node: Node, name: string): Node[] =>
  descendants(node).filter((each) => each !== node && each.nodeName === name);

export const readTweetHtml = (html: string): EmbeddedTweetParts => {
  const root = parseFragment(html) as unknown as Node;
  const links: TweetLink[] = elements(root, 'a').flatMap((a) => {
    const href = attribute(a, 'href');
    if (href === undefined) return [];
    return [{ href, text: textOf(a), title: attribute(a, 'title'), expandedUrl: attribute(a, 'data-expanded-url') }];
  });
  const quote = elements(root, 'blockquote')[0] ?? root;
  const paragraph = elements(quote, 'p')[0];
  const siblings = paragraph?.parentNode?.childNodes ?? [];
  const byline = paragraph
    ? siblings
        .slice(siblings.indexOf(paragraph) + 1)
        .map(textOf)
        .join('')
    : '';
  return {
    links,
    text: paragraph ? textOf(paragraph) : undefined,
    lang: paragraph ? attribute(paragraph, 'lang') : undefined,
    dir: paragraph ? attribute(paragraph, 'dir') : undefined,
    byline,
  };
};
