/** Parses a string as an absolute URL, or gives `null`: never throws. */
export const parseUrl = (input: unknown, base?: string): URL | null => {
  if (typeof input !== 'string' || input.length > 4096) return null;
  try {
    return new URL(input.trim(), base);
  } catch {
    return null;
  }
};

/** The URL when it is an http(s) one. */
export const webUrl = (text: unknown): URL | undefined => {
  const url = parseUrl(text);
  return url && /^https?:$/.test(url.protocol) ? url : undefined;
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
