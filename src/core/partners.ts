import { checkEndpoint, config, settingsChanged } from './config.js';
import { BuyTweetError } from './errors.js';
import { canonicalProductUrl } from './rules.js';
import { parseUrl, safeUrl } from './url.js';

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

interface Registered extends Partner {
  matches: (url: URL) => boolean;
  /** Built-ins take only https links; partners registered later may also take http on loopback. */
  builtIn: boolean;
}

const registry = new Map<string, Registered>();

const matcher = (match: PartnerInit['match']): ((url: URL) => boolean) => {
  if (typeof match === 'function') return match;
  const patterns = [...match];
  if (!patterns.every((pattern) => pattern instanceof RegExp)) {
    throw new TypeError('buy-tweet: match must be a function or a list of RegExp');
  }
  // The URL parser has lower-cased the host already.
  return (url) =>
    patterns.some((pattern) => {
      pattern.lastIndex = 0;
      return pattern.test(url.host + url.pathname);
    });
};

/**
 * A partner with the endpoint in force for it now: the element's own, else `BuyTweet.configure`'s,
 * else the registered one.
 */
const partnerInfo = ({ id, name, endpoint: registered }: Registered, endpoint?: string): Partner => ({
  id,
  name,
  endpoint: endpoint ?? config.endpoints.get(id) ?? registered,
});

/** Adds a partner, or replaces the one with the same id. */
export const registerPartner = (init: PartnerInit, builtIn = false): Partner => {
  const id = init?.id;
  if (typeof id !== 'string' || !id) throw new TypeError('buy-tweet: a partner needs an id');
  const entry: Registered = {
    id,
    name: String(init.name ?? id),
    endpoint: checkEndpoint(init.endpoint, `the endpoint of partner "${id}"`),
    matches: matcher(init.match),
    builtIn,
  };
  registry.set(id, entry);
  if (!builtIn) settingsChanged();
  return partnerInfo(entry);
};

// docs/publishers/api.md: [id, name, main host, the pattern of `host + pathname`]. A host with a port never
// matches.
for (const [id, name, host, pattern] of [
  ['gumroad', 'Gumroad', 'gumroad.com', /^(?:(?:[a-z0-9-]+\.)?gumroad\.com\/l|(?:www\.)?gum\.co)\/[^/]+\/?$/],
  ['fancy', 'Fancy', 'fancy.com', /^(?:www\.)?fancy\.com\/things\/\d+(?:\/[^/]+)?\/?$/],
  [
    'musictoday',
    'Musictoday',
    'musictoday.com',
    /^(?:www\.)?musictoday\.com\/store\/[^/]+\/[^/]+\/?$|^(?!www\.)[a-z0-9-]+\.musictoday\.com\/.+$/,
  ],
  ['stripe', 'Stripe', 'buy.stripe.com', /^buy\.stripe\.com\/(?:test_)?[A-Za-z0-9]+\/?$/],
] as const) {
  registerPartner({ id, name, match: [pattern], endpoint: `https://${host}/.well-known/buy-tweet/v1` }, true);
}

export interface PartnerMatch {
  partner: Partner;
  /** The link as it is sent to the partner (docs/publishers/embedding.md: no fragment, no tracking parameters). */
  productUrl: string;
}

/**
 * The partner whose product links include this one, or `null`. Only https links count (http on
 * loopback too, for partners registered at run time: local shops and tests).
 */
export const findPartner = (link: string | URL, endpoint?: string): PartnerMatch | null => {
  const url = typeof link === 'string' ? parseUrl(link) : link;
  // https, or http on loopback; never with credentials.
  if (!url || !safeUrl(url.href)) return null;
  const https = url.protocol === 'https:';
  for (const entry of registry.values()) {
    if (entry.builtIn && !https) continue;
    try {
      if (entry.matches(new URL(url.href)) === true) {
        return { partner: partnerInfo(entry, endpoint), productUrl: canonicalProductUrl(url) };
      }
    } catch {
      // A partner's own matcher that throws simply does not match.
    }
  }
  return null;
};

/**
 * The match of a `product-url` (docs/publishers/embedding.md: it decides over any tweet), or the
 * `unsupported_link` error when no partner takes it.
 */
export const productUrlMatch = (productUrl: string, endpoint?: string): PartnerMatch => {
  const match = findPartner(productUrl, endpoint);
  if (match) return match;
  throw new BuyTweetError({
    code: 'unsupported_link',
    message: 'No buy-tweet partner sells through this link.',
    step: 'tweet',
  });
};
