import { safeEndpoint } from './core/config.js';
import { BuyTweetError } from './core/errors.js';
import { loadProduct } from './core/lookup.js';
import { fetchOEmbed } from './core/oembed.js';
import { findPartner, findProductLink, type Partner } from './core/partners.js';
import { parseStatusUrl, tweetFromEmbed, tweetFromObject, type EmbeddedTweetParts } from './core/tweet.js';
import type { Product, TweetInfo } from './core/types.js';
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
  signal?: AbortSignal;
}

/**
 * Embed HTML read inertly: DOMParser in browsers; parse5 in Node, from a module the browser build
 * never contains (its URL is computed, so bundlers leave it alone).
 */
const readHtml = async (html: string): Promise<EmbeddedTweetParts> => {
  const reader: { readTweetHtml(html: string): EmbeddedTweetParts } =
    typeof DOMParser === 'function'
      ? await import('./buy-tweet/read-html.js')
      : await import(/* @vite-ignore */ new URL('./node/read-html.js', import.meta.url).href);
  return reader.readTweetHtml(html);
};

const unsupported = (message: string) => new BuyTweetError({ code: 'unsupported_link', message, step: 'tweet' });

/** The tweet behind the input, or `null` when the input is a link rather than a tweet. */
const readTweet = async (input: unknown, options: ResolveOptions): Promise<TweetInfo | null> => {
  if (typeof input !== 'string' && !(input instanceof URL)) {
    const tweet = tweetFromObject(input);
    if (!tweet) throw unsupported('This is neither a tweet nor a link.');
    return tweet;
  }
  const text = String(input).trim();
  if (text.startsWith('<')) return tweetFromEmbed(await readHtml(text));
  if (!parseStatusUrl(text)) return null;
  const oembed = await fetchOEmbed(text, options.oembedEndpoint, { signal: options.signal });
  return tweetFromEmbed(await readHtml(oembed.html));
};

/**
 * With no UI at all: a tweet (its URL, read through oEmbed; an X API v2 or v1.1 object; or embed
 * HTML) or a product link, resolved to its partner and product. Rejects with a `BuyTweetError`
 * carrying the same `code` and `step` as `buy-tweet-error` would.
 */
export const resolve = async (input: unknown, options: ResolveOptions = {}): Promise<Resolved> => {
  const endpoint = safeEndpoint(options.endpoint);
  const tweet = await readTweet(input, options);
  const match = tweet ? findProductLink(tweet.links, endpoint) : findPartner(String(input).trim(), endpoint);
  if (!match) {
    throw unsupported(
      tweet
        ? 'No link of this tweet is a registered partner\'s product link.'
        : parseUrl(String(input).trim())
          ? 'No registered partner sells through this link.'
          : 'This is neither a tweet nor a link.',
    );
  }
  const { partner, productUrl } = match;
  const product = await loadProduct(partner.endpoint, productUrl, { signal: options.signal });
  if (product instanceof BuyTweetError) throw product;
  return { partner, productUrl, product };
};
