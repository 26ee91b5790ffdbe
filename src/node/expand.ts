import { html, parse, type DefaultTreeAdapterTypes } from 'parse5';
import { tcoLink } from '../core/tco.js';
import { parseUrl } from '../core/url.js';
import { readTcoLinks, type ReadTcoLinksOptions } from '../server/tco.js';

/**
 * `npx buy-tweet expand`: writes `data-expanded-url` onto the t.co links of the embedded tweets in
 * a page, so that a site built ahead of time needs no link endpoint (docs/publishers/real-tweets.md). Only those
 * attributes are added; every other character of the page stays as it was, because the page is
 * never serialized again: each attribute goes in at its start tag's offset in the source.
 */

/** Where each t.co link goes, by link (`null`: unreadable); the shape `BuyTweet.resolve` reads with. */
export type ReadLinks = (links: string[]) => Promise<ReadonlyMap<string, string | null>>;

export interface ExpandOptions {
  readLinks: ReadLinks;
}

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

const HTML_NAMESPACE = html.NS.HTML;
const EMBED_CLASSES = ['twitter-tweet', 'twitter-video'];

/** t.co itself, asked as the link endpoint asks it (a few at a time, each link once). */
export const tcoReader =
  (options: ReadTcoLinksOptions = {}): ReadLinks =>
  async (links) =>
    new Map(
      (await readTcoLinks(links, options)).map((entry) => [
        entry.url,
        'expandedUrl' in entry ? entry.expandedUrl : null,
      ]),
    );

const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;

const isEmbeddedTweet = (element: Element) =>
  element.tagName === 'blockquote' &&
  (attribute(element, 'class') ?? '').split(/[\t\n\f\r ]+/).some((name) => EMBED_CLASSES.includes(name));

const escapeAttribute = (value: string) =>
  value.replace(/[&"<>]/g, (c) => `&${{ '&': 'amp', '"': 'quot', '<': 'lt', '>': 'gt' }[c]};`);

/**
 * The `<a>` elements with a t.co href inside embedded tweets, in document order. Walked with a
 * stack, not recursion: a page nested thousands deep must not exhaust the call stack.
 */
const tcoAnchors = (root: ParentNode): Array<{ element: Element; link: string }> => {
  const found: Array<{ element: Element; link: string }> = [];
  const stack: Array<{ node: ParentNode; inTweet: boolean }> = [{ node: root, inTweet: false }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, inTweet } = next;
    let inside = inTweet;
    if ('tagName' in node && node.namespaceURI === HTML_NAMESPACE) {
      inside ||= isEmbeddedTweet(node);
      const link = node.tagName === 'a' && inside ? tcoLink(attribute(node, 'href')) : null;
      if (link && attribute(node, 'data-expanded-url') === undefined) found.push({ element: node, link });
    }
    // A <template>'s children live in its content.
    const children = 'content' in node ? node.content.childNodes : node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if ('childNodes' in child) stack.push({ node: child, inTweet: inside });
    }
  }
  return found;
};

/**
 * Where an attribute goes into `element`'s start tag: before its `>`, or before a `/>` whose slash
 * ends the tag rather than an unquoted value (`<a href=https://t.co/x/>`). `undefined` for an
 * element the source does not spell out (one the parser made up).
 */
const insertionPoint = (html: string, element: Element): number | undefined => {
  const location = element.sourceCodeLocation;
  const end = location?.startTag?.endOffset;
  if (!location || end === undefined || html[end - 1] !== '>') return undefined;
  const attributesEnd = Math.max(0, ...Object.values(location.attrs ?? {}).map((attr) => attr.endOffset));
  return html[end - 2] === '/' && end - 2 >= attributesEnd ? end - 2 : end - 1;
};

/** An expanded link fit for the attribute: an absolute http(s) URL, written as the URL parser writes it. */
const httpUrl = (value: string | null | undefined): string | undefined => {
  const url = parseUrl(value);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : undefined;
};

/**
 * `html` with `data-expanded-url="…"` added to each t.co link inside `blockquote.twitter-tweet`
 * or `blockquote.twitter-video` that has none yet, for the links `readLinks` could read. Links it
 * could not read, and everything else, stay exactly as they were.
 */
export const expandEmbeds = async (html: string, { readLinks }: ExpandOptions): Promise<string> => {
  const anchors = tcoAnchors(parse(html, { sourceCodeLocationInfo: true }));
  if (!anchors.length) return html;
  const expanded = await readLinks([...new Set(anchors.map(({ link }) => link))]);
  const insertions = new Map<number, string>();
  for (const { element, link } of anchors) {
    const at = insertionPoint(html, element);
    const url = httpUrl(expanded.get(link));
    if (at === undefined || !url || insertions.has(at)) continue;
    const space = /[\t\n\f\r ]/.test(html[at - 1]) ? '' : ' ';
    insertions.set(at, `${space}data-expanded-url="${escapeAttribute(url)}"`);
  }
  let out = '';
  let from = 0;
  for (const at of [...insertions.keys()].sort((a, b) => a - b)) {
    out += html.slice(from, at) + insertions.get(at);
    from = at;
  }
  return out + html.slice(from);
};
