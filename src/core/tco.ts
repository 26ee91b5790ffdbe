import { parseUrl } from './url.js';

/**
 * t.co, Twitter's link shortener (docs/publishers/real-tweets.md). Today's embed code writes every link of a tweet as
 * `<a href="https://t.co/{code}">https://t.co/{code}</a>`, and t.co answers browsers without CORS:
 * only a link endpoint on a server can say where such a link goes.
 */

/** What the link endpoint takes: exactly `https://t.co/{code}`, the code 1 to 32 ASCII letters and digits. */
export const TCO_LINK = /^https:\/\/t\.co\/[A-Za-z0-9]{1,32}$/;

/**
 * The t.co link a tweet's `href` points to, written as the link endpoint takes it
 * (`https://t.co/{code}`), or `null` when the href is no t.co link.
 */
export const tcoLink = (href: unknown): string | null => {
  const url = parseUrl(href);
  const code =
    url && /^https?:$/.test(url.protocol) && url.hostname === 't.co' && /^\/([A-Za-z0-9]{1,32})\/?$/.exec(url.pathname);
  return code ? `https://t.co/${code[1]}` : null;
};

export type LinkErrorCode = 'link_not_found' | 'invalid_link' | 'upstream_error';

/** One entry of a link endpoint's answer, `{"links": [...]}`, in the order the links were asked. */
export type LinkEntry =
  { url: string; expandedUrl: string } | { url: string; error: { code: LinkErrorCode; message: string } };

/** How many links one request to a link endpoint may ask. */
export const MAX_LINKS_PER_REQUEST = 20;
