/** Parses a string as an absolute URL, or gives `null`: never throws. */
export const parseUrl = (input: unknown, base?: string): URL | null => {
  if (typeof input !== 'string' || input.length > 4096) return null;
  try {
    return new URL(input.trim(), base);
  } catch {
    return null;
  }
};

/**
 * The URL as a string when it is safe to use as a link, an image or an endpoint: `https:`, or
 * `http:` on loopback (`localhost`, `127.0.0.0/8`, `[::1]`: local partners and tests), without
 * credentials. Anything else gives `undefined`.
 */
export const safeUrl = (input: unknown): string | undefined => {
  const url = parseUrl(input);
  if (!url || url.username || url.password) return undefined;
  const { protocol, hostname } = url;
  return protocol === 'https:' || (protocol === 'http:' && /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/.test(hostname))
    ? url.href
    : undefined;
};

/** Query parameters that track where a click came from and say nothing about the product. */
const TRACKING = /^(utm_.*|ref|ref_src|s|t|fbclid|gclid)$/i;

/**
 * The product link as it is sent to the partner: without its fragment and tracking parameters;
 * other parameters stay, in their order. Two links that differ only in those are one product.
 */
export const canonicalProductUrl = (url: URL): string => {
  const clean = new URL(url.href);
  clean.hash = '';
  // Filter the raw pairs rather than use URLSearchParams, which would re-encode the ones that stay.
  clean.search = clean.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !TRACKING.test(decodeName(pair.split('=')[0])))
    .join('&');
  return clean.href;
};

const decodeName = (name: string): string => {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
};
