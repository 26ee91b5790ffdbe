import { checkEndpoint, config } from './config.js';
import { canonicalProductUrl, parseUrl, safeUrl } from './url.js';

/** What `BuyTweet.registerPartner` takes. */
export interface PartnerInit {
  id: string;
  name: string;
  /** A function of the link, or patterns tested against its `host + pathname` (host lower-cased). */
  match: ((url: URL) => boolean) | RegExp[];
  /** The partner's protocol v1 base URL, ending in `/v1`. */
  endpoint: string;
}

export interface Partner {
  id: string;
  name: string;
  /** The endpoint in force: `BuyTweet.configure`'s, else the registered one. */
  endpoint: string;
}

interface Registered {
  id: string;
  name: string;
  endpoint: string;
  matches: (url: URL) => boolean;
  /** Built-ins take only https links; partners registered later may also take http on loopback. */
  builtIn: boolean;
}

const wellKnown = (host: string) => `https://${host}/.well-known/buy-tweet/v1`;

const registry = new Map<string, Registered>();

const matcher = (match: PartnerInit['match']): ((url: URL) => boolean) => {
  if (typeof match === 'function') return match;
  const patterns = [...match];
  if (!patterns.every((p) => p instanceof RegExp)) {
    throw new TypeError('buy-tweet: match must be a function or a list of RegExp');
  }
  return (url) =>
    patterns.some((pattern) => {
      pattern.lastIndex = 0;
      return pattern.test(url.host.toLowerCase() + url.pathname);
    });
};

/** Adds a partner, or replaces the one with the same id. */
export const registerPartner = (init: PartnerInit, builtIn = false): Partner => {
  if (!init || typeof init.id !== 'string' || !init.id) {
    throw new TypeError('buy-tweet: a partner needs an id');
  }
  registry.set(init.id, {
    id: init.id,
    name: String(init.name ?? init.id),
    endpoint: checkEndpoint(init.endpoint, `the endpoint of partner "${init.id}"`),
    matches: matcher(init.match),
    builtIn,
  });
  return partnerInfo(registry.get(init.id)!);
};

/**
 * The endpoint in force for a partner now: the element's own, else `BuyTweet.configure`'s, else
 * the registered one. Read when a lookup starts, so configuring right after the element is
 * defined is in time.
 */
export const partnerEndpoint = (id: string, endpoint?: string): string =>
  endpoint ?? config.endpoints.get(id) ?? registry.get(id)!.endpoint;

const partnerInfo = (entry: Registered, endpoint?: string): Partner => ({
  id: entry.id,
  name: entry.name,
  endpoint: partnerEndpoint(entry.id, endpoint),
});

// CONTRACT 3. Patterns see `host + pathname`; a host with a port never matches.
const segment = '[^/]+';
registerPartner(
  {
    id: 'gumroad',
    name: 'Gumroad',
    match: [
      new RegExp(`^(?:www\\.)?gumroad\\.com/l/${segment}/?$`),
      new RegExp(`^[a-z0-9-]+\\.gumroad\\.com/l/${segment}/?$`),
      new RegExp(`^(?:www\\.)?gum\\.co/${segment}/?$`),
    ],
    endpoint: wellKnown('gumroad.com'),
  },
  true,
);
registerPartner(
  {
    id: 'fancy',
    name: 'Fancy',
    match: [new RegExp(`^(?:www\\.)?fancy\\.com/things/\\d+(?:/${segment})?/?$`)],
    endpoint: wellKnown('fancy.com'),
  },
  true,
);
registerPartner(
  {
    id: 'musictoday',
    name: 'Musictoday',
    match: [
      new RegExp(`^(?:www\\.)?musictoday\\.com/store/${segment}/${segment}/?$`),
      /^(?!www\.)[a-z0-9-]+\.musictoday\.com\/.+$/,
    ],
    endpoint: wellKnown('musictoday.com'),
  },
  true,
);
registerPartner(
  {
    id: 'stripe',
    name: 'Stripe',
    match: [/^buy\.stripe\.com\/(?:test_)?[A-Za-z0-9]+\/?$/],
    endpoint: wellKnown('buy.stripe.com'),
  },
  true,
);

export interface PartnerMatch {
  partner: Partner;
  /** The link as it is sent to the partner (CONTRACT 2: no fragment, no tracking parameters). */
  productUrl: string;
}

/**
 * The partner whose product links include this one, or `null`. Only https links count (http on
 * loopback too, for partners registered at run time: local shops and tests).
 */
export const findPartner = (link: string | URL, endpoint?: string): PartnerMatch | null => {
  const url = typeof link === 'string' ? parseUrl(link) : link;
  if (!url || url.username || url.password) return null;
  const https = url.protocol === 'https:';
  if (!https && !(url.protocol === 'http:' && safeUrl(url.href))) return null;
  for (const entry of registry.values()) {
    if (entry.builtIn && !https) continue;
    let matches = false;
    try {
      matches = entry.matches(new URL(url.href)) === true;
    } catch {
      // A partner's own matcher that throws simply does not match.
    }
    if (matches) return { partner: partnerInfo(entry, endpoint), productUrl: canonicalProductUrl(url) };
  }
  return null;
};

/** The first of the links that a registered partner takes. */
export const findProductLink = (links: Iterable<string>, endpoint?: string): PartnerMatch | null => {
  for (const link of links) {
    const found = findPartner(link, endpoint);
    if (found) return found;
  }
  return null;
};
