/**
 * The rules the element, the mock partner and the reference partner (`@buy-tweet/partner`) share,
 * in one module (`buy-tweet/rules`), so that a link matches, a tweet's URL is read, an order is
 * checked and a replay is recognised the same way wherever it happens (docs/partners/protocol.md).
 * No DOM and no Node: it runs in browsers, on Node and on edge runtimes.
 */
import { isRecord } from './json.js';
import { webUrl } from './url.js';

export {
  checkOrder,
  isStorableText,
  parseOrderBody,
  MAX_ORDER_DEPTH,
  ORDER_TEXT_CAPS,
  type OrderCheck,
  type ProtocolError,
} from './order-check.js';
export { newId, randomHex } from './ids.js';
export { parseStatusUrl } from './status-url.js';
export { isRecord } from './json.js';
// How many digits an amount of each currency has, as Stripe counts it: a partner prints amounts too.
export { minorUnitDigits } from './money.js';
// A partner reads a catalogue's Products as the element reads a lookup's: with the same parser.
export { parseProduct } from './validate.js';
export type {
  Merchant,
  Money,
  Order,
  OrderRequest,
  OrderSource,
  OrderStatus,
  Product,
  ShippingAddress,
} from './types.js';

/** Query parameters that track where a click came from and say nothing about the product. */
export const TRACKING_PARAMETERS = /^(utm_.*|ref|ref_src|s|t|fbclid|gclid)$/i;

const decodeName = (name: string): string => {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
};

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
    .filter((pair) => pair && !TRACKING_PARAMETERS.test(decodeName(pair.split('=')[0])))
    .join('&');
  return clean.href;
};

/**
 * How a partner recognises a product link: as the element sends it (`canonicalProductUrl`), and
 * then without `www.` and without one trailing slash. `undefined` for what is no http(s) link.
 */
export const productLinkKey = (link: string | URL): string | undefined => {
  const url = typeof link === 'string' ? webUrl(link) : link;
  if (!url || !/^https?:$/.test(url.protocol)) return undefined;
  const key = new URL(canonicalProductUrl(url));
  key.hostname = key.hostname.replace(/^www\./, '');
  if (key.pathname.length > 1) key.pathname = key.pathname.replace(/\/$/, '');
  return key.href;
};

/**
 * What identifies an order request's body for idempotency: its JSON with keys sorted, so that two
 * bodies that say the same thing give the same text (a partner may hash it).
 */
export const orderFingerprint = (body: unknown): string =>
  JSON.stringify(body, (_key, value: unknown) =>
    isRecord(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
