/**
 * t.co's answers, as the mock gives them. What t.co sends, as seen in public captures:
 * - for a code it knows, `301 Moved Permanently` with the link in `Location` and
 *   `cache-control: private,max-age=300` (`curl -I http://t.co/d`,
 *   http://2015.compciv.org/recipes/cli/curl-for-headers), and, to a GET, a little page that
 *   redirects browsers too: `<noscript><META http-equiv="refresh" content="0;URL=...">` and
 *   `location.replace("...")` with the link's slashes escaped (sparklemotion/mechanize#294 quotes
 *   it; later captures wrap it in a `<head>` with the link as `<title>`, and add
 *   `window.opener = null;`);
 * - browser user agents get that page with a 200 instead of the 301 (indieweb/indiewebify-me#47):
 *   no server asks like a browser, so the mock does not copy it;
 * - for a code it does not know, a 404 (its body, an error page, is left out here).
 */
import { escapeHtml } from './oembed.js';

/** The page t.co sends along with a redirect. */
export const tcoPage = (to: string): string => {
  // A JSON string, with `/` and `<` escaped so that nothing in the link can close the script.
  const script = JSON.stringify(to).replace(/\//g, '\\/').replace(/</g, '\\u003c');
  return (
    `<head><noscript><META http-equiv="refresh" content="0;URL=${escapeHtml(to)}"></noscript>` +
    `<title>${escapeHtml(to)}</title></head><script>window.opener = null; location.replace(${script})</script>`
  );
};

/** t.co's answer to `GET` or `HEAD https://t.co/{code}`, for a link that goes to `to` (or nowhere). */
export const tcoAnswer = (method: string, to: string | undefined): Response => {
  if (!to) return new Response(null, { status: 404 });
  return new Response(method === 'HEAD' ? null : tcoPage(to), {
    status: 301,
    headers: { Location: to, 'Cache-Control': 'private,max-age=300', 'Content-Type': 'text/html;charset=utf-8' },
  });
};
