/**
 * `buy-tweet/server`: what runs on a server, in Web APIs only (Node, Deno, Bun, Workers). The link
 * endpoint of docs/publishers/real-tweets.md, and the reading of t.co links and tweets it is made of.
 */
export {
  MAX_OEMBED_BYTES,
  readTweet,
  TWITTER_OEMBED,
  type OEmbedAnswer,
  type ReadTweetOptions,
  type TweetErrorCode,
  type TweetRead,
} from './oembed.js';
export { createLinkEndpoint, type FetchHandler, type LinkEndpointOptions } from './link-endpoint.js';
export {
  LinkCache,
  readTcoLink,
  readTcoLinks,
  type Fetch,
  type ReadTcoLinksOptions,
  type ReadTcoOptions,
} from './tco.js';
export { MAX_LINKS_PER_REQUEST, TCO_LINK, tcoLink, type LinkEntry, type LinkErrorCode } from '../core/tco.js';
