/** Everything buy-tweet offers, without defining the element: `import 'buy-tweet'` does that. */
export { BuyTweet, resolve, type Resolved, type BuyTweetApi } from './api.js';
export { BuyTweetElement } from './buy-tweet/buy-tweet.js';
export {
  BuyTweetCloseEvent,
  BuyTweetErrorEvent,
  BuyTweetLoadEvent,
  BuyTweetOpenEvent,
  BuyTweetPurchaseEvent,
  type PublicOrder,
} from './buy-tweet/events.js';
export { configure, type ConfigureOptions } from './core/config.js';
export type { BuyTweetAttributes, BuyTweetEvents, BuyTweetProperties } from './frameworks/element.js';
export { BuyTweetError, type ErrorCode, type ErrorDetail, type Step } from './core/errors.js';
export { formatMoney } from './core/money.js';
export { findPartner, registerPartner, type Partner, type PartnerInit, type PartnerMatch } from './core/partners.js';
export { createOrder, getOrder, lookupProducts } from './core/protocol.js';
export { tweetFromObject } from './core/tweet.js';
export { canonicalProductUrl, parseStatusUrl } from './core/rules.js';
export type * from './core/types.js';
export { safeUrl } from './core/url.js';
