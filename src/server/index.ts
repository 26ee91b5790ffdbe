/**
 * `buy-tweet/server`: what runs on a server, in Web APIs only (Node, Deno, Bun, Workers). The link
 * endpoint of CONTRACT 7, and the reading of t.co links it is made of.
 */
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
