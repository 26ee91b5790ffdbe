import { checkEndpoint, config } from './core/config.js';
import { BuyTweetError } from './core/errors.js';
import { readLinks } from './core/links.js';
import { loadProduct } from './core/lookup.js';
import { DEFAULT_OEMBED_ENDPOINT, loadOEmbedTweet } from './core/oembed.js';
import type { Partner } from './core/partners.js';
import { pickSource, readProductLink, type ReadOptions, type Source } from './core/source.js';
import type { LinkEntry } from './core/tco.js';
import { parseStatusUrl } from './core/rules.js';
import type { EmbeddedTweetParts } from './core/tweet.js';
import type { Product } from './core/types.js';
import { parseUrl } from './core/url.js';

/** What `BuyTweet.resolve` gives: which partner sells the product behind a tweet, and what it is. */
export interface Resolved {
  partner: Partner;
  productUrl: string;
  product: Product;
}

export interface ResolveOptions {
  /** The partner endpoint to ask, over the configured one (as the element's `endpoint`). */
  endpoint?: string;
  /** Where to read a tweet URL's oEmbed (as the element's `oembed-endpoint`). */
  oembedEndpoint?: string;
  /**
   * Where to read t.co links (as the element's `link-endpoint`). Without one, a page reads none,
   * and Node (or any runtime without a document) asks t.co itself.
   */
  linkEndpoint?: string;
  /**
   * Hosts that may be asked although they are on this machine, a private network or link-local,
   * as `URL.host` writes them: `127.0.0.1:8788`, `[::1]:8788`, `shop.internal`. In Node (any
   * runtime without a document) `resolve` refuses every other such endpoint, given here,
   * configured, registered or built in (an IP literal, `localhost`, or a name that resolves to
   * one), so that whoever hands a server a tweet or an endpoint cannot send it into its own
   * network. A refused endpoint rejects with a `TypeError` that names the setting; nothing falls
   * back to another endpoint.
   */
  allowHosts?: readonly string[];
  signal?: AbortSignal;
}

/**
 * A module the browser build never contains: its URL is computed, so bundlers leave it alone.
 * Node loads parse5 and the t.co reader so.
 */
const nodeModule = <T>(path: string): Promise<T> => import(/* @vite-ignore */ new URL(path, import.meta.url).href);

/** An endpoint given to `resolve`: used as given, or a TypeError, never another endpoint in its place. */
const given = (endpoint: string | undefined, setting: string) =>
  endpoint === undefined ? undefined : checkEndpoint(endpoint, setting);

/** `endpoint`, once it may be asked: in Node, not on a private network unless `allowHosts` says so. */
const mayAsk = async (endpoint: string, setting: string, { allowHosts }: ResolveOptions): Promise<string> => {
  if (typeof document === 'undefined') {
    const { checkPublicEndpoint } =
      await nodeModule<typeof import('./node/private-network.js')>('./node/private-network.js');
    await checkPublicEndpoint(endpoint, setting, { allowHosts });
  }
  return endpoint;
};

/** Embed HTML read inertly: DOMParser in browsers; parse5 in Node. */
const readHtml = async (html: string): Promise<EmbeddedTweetParts> => {
  const reader: { readTweetHtml(html: string): EmbeddedTweetParts } =
    typeof DOMParser === 'function'
      ? await import('./buy-tweet/read-html.js')
      : await nodeModule('./node/read-html.js');
  return reader.readTweetHtml(html);
};

/** Where t.co links go, asked of t.co itself, as the link endpoint does (docs/publishers/real-tweets.md). */
const readThroughTco: NonNullable<ReadOptions['readLinks']> = async (links, signal) => {
  const { readTcoLink } = await nodeModule<{
    readTcoLink: (link: string, options: { fetch: typeof fetch; signal?: AbortSignal }) => Promise<LinkEntry>;
  }>('./server/tco.js');
  const entries = await Promise.all(links.map((link) => readTcoLink(link, { fetch: globalThis.fetch, signal })));
  return new Map(entries.map((entry) => [entry.url, 'expandedUrl' in entry ? entry.expandedUrl : null]));
};

const unsupported = (message: string) => new BuyTweetError({ code: 'unsupported_link', message, step: 'tweet' });

/** What the input is: a tweet (object, embed HTML, or its URL) or a product link. */
const sourceOf = async (input: unknown): Promise<Source> => {
  const text = typeof input === 'string' || input instanceof URL ? String(input).trim() : undefined;
  const source =
    text === undefined
      ? pickSource({ tweet: input })
      : text.startsWith('<')
        ? pickSource({ embedded: await readHtml(text) })
        : parseStatusUrl(text)
          ? pickSource({ tweetUrl: text })
          : parseUrl(text)
            ? pickSource({ productUrl: text })
            : null;
  if (!source) throw unsupported('This is neither a tweet nor a link.');
  return source;
};

/**
 * With no UI at all: a tweet (its URL, read through oEmbed; an X API v2 or v1.1 object; or embed
 * HTML) or a product link, resolved to its partner and product, by the same decision as the
 * element's (core/source.ts). Rejects with a `BuyTweetError` carrying the same `code` and `step`
 * as `buy-tweet-error` would.
 */
export const resolve = async (input: unknown, options: ResolveOptions = {}): Promise<Resolved> => {
  const { signal } = options;
  const endpoint = given(options.endpoint, 'endpoint');
  const oembedEndpoint =
    given(options.oembedEndpoint, 'oembedEndpoint') ?? config.oembedEndpoint ?? DEFAULT_OEMBED_ENDPOINT;
  const linkEndpoint = given(options.linkEndpoint, 'linkEndpoint') ?? config.linkEndpoint;
  const { match, unread } = await readProductLink(await sourceOf(input), {
    endpoint,
    readLinks: linkEndpoint
      ? async (links, signal) => readLinks(await mayAsk(linkEndpoint, 'linkEndpoint', options), links, { signal })
      : typeof document === 'undefined'
        ? readThroughTco
        : undefined,
    loadTweet: async (url, signal) =>
      loadOEmbedTweet(url, { endpoint: await mayAsk(oembedEndpoint, 'oembedEndpoint', options), readHtml, signal }),
    signal,
  });
  if (!match) {
    throw unsupported(
      unread.length
        ? 'The links of this tweet hide behind t.co: configure a link endpoint to read them.'
        : "No link of this tweet is a registered partner's product link.",
    );
  }
  const { partner, productUrl } = match;
  await mayAsk(partner.endpoint, endpoint ? 'endpoint' : `the endpoint of partner "${partner.id}"`, options);
  const product = await loadProduct(partner.endpoint, productUrl, { signal });
  if (product instanceof BuyTweetError) throw product;
  return { partner, productUrl, product };
};
