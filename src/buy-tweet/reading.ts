import { config, safeEndpoint } from '../core/config.js';
import { pickSource, readProductLink, type ProductLink } from '../core/source.js';
import { readEmbeddedTweet, readRenderedTweet } from '../core/tweet-dom.js';
import { EMBEDDED_TWEET } from '../core/tweet-markup.js';
import type { BuyTweetElement } from './buy-tweet.js';
import { adopt } from './chunks.js';
import type { Card } from './product-controller.js';

/**
 * Reading a tweet an element holds (docs/publishers/embedding.md): its embed code, its `tweet`
 * object, its `tweet-url` through oEmbed, or the iframe widgets.js made of it, and the t.co links
 * where today's embed code hides every link. A chunk loaded by elements that hold a tweet: a card
 * for a `product-url` needs none of it, and the script a page loads first stays small.
 */

/**
 * t.co links read through the link endpoint, by a chunk that only pages whose tweets need it load
 * (today's embed code hides every link behind t.co). Imported at each reading, as the `tweet-url`
 * chunk below: the browser keeps the module, and a reading that is replaced at once (the slot
 * changes as the page parses) is aborted before it asks anything, which keeps the link endpoint's
 * requests as full as they can be.
 */
const linksChunk = () => import('../core/links.js');

/** The `tweet-url` path: oEmbed and the tweet's view, for elements that use it. */
const tweetUrlChunk = () => import('./tweet-url.js');

export interface ReadingHost {
  /** The card's data: `tweet` is what was read before (kept when widgets.js replaces the tweet). */
  card: Card;
  /** Holds the card's place until the reading ends. */
  loading: () => void;
  /** `true` when the element is near the viewport (or eager); else `again` runs once it is. */
  near: (again: () => void) => boolean;
  signal: AbortSignal;
}

/**
 * The product link of the tweet `host` holds, read through oEmbed and the link endpoint when it
 * must be; `undefined` when that waits for the element to come near the viewport.
 */
export const readSource = (
  host: BuyTweetElement,
  { card, loading, near, signal }: ReadingHost,
  again: () => void,
): Promise<ProductLink> | undefined => {
  const source = pickSource({
    productUrl: host.productUrl,
    tweet: host.tweet,
    // tweet-url counts only when the element holds no tweet of its own (docs/publishers/embedding.md, item 4).
    embedded: host.querySelector(EMBEDDED_TWEET) ? readEmbeddedTweet(host) : null,
    rendered: readRenderedTweet(host),
    // What was read before widgets.js replaced the tweet with its iframe.
    kept: card.tweet,
    tweetUrl: host.tweetUrl,
  });
  if (source?.from !== 'tweet-url') card.tweetView = undefined;
  if (source && 'tweetUrl' in source) {
    // Until oEmbed answers, the element holds the card's place, as buy-tweet.css did before.
    if (card.view.state === 'none') loading();
    // oEmbed is a third party: asked, like a lookup, once the element nears the viewport.
    if (!near(again)) return undefined;
  }
  const linkEndpoint = safeEndpoint(host.linkEndpoint) ?? config.linkEndpoint;
  return readProductLink(source, {
    endpoint: safeEndpoint(host.endpoint),
    readLinks: linkEndpoint
      ? (links, signal) => linksChunk().then((module) => module.readLinks(linkEndpoint, links, { signal }))
      : undefined,
    loadTweet: (url) =>
      tweetUrlChunk().then(({ loadTweet, viewTweet, styles }) => {
        // A rendered tweet is on the page already: it is not drawn a second time.
        if (source?.from === 'tweet-url') {
          adopt(host.renderRoot, styles);
          card.tweetView = viewTweet;
        }
        return loadTweet(url, safeEndpoint(host.oembedEndpoint), linkEndpoint);
      }),
    signal,
  });
};
