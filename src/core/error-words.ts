import type { ErrorCode } from './errors.js';

/**
 * The words of the error card: only a failure needs them, so they load with its view, not with
 * every card (see `words.ts` for the rest).
 */
export const errorWords = {
  retry: 'Try again',
  view: (partner: string) => `View on ${partner}`,
  viewTweet: 'View the tweet',
};

/** What the buyer is told when a step fails: short, and about what they can do. */
export const errorText = (code: ErrorCode, partner: string): string => {
  switch (code) {
    case 'network':
      return `${partner} could not be reached.`;
    case 'partner_error':
      return `${partner} is having trouble right now.`;
    case 'invalid_response':
      return `${partner} sent product details that can't be shown.`;
    case 'product_not_found':
      return `${partner} doesn't know this product.`;
    case 'not_for_sale':
      return 'This product is not for sale.';
    case 'unsupported_link':
      return 'This link is not from a supported shop.';
    case 'tweet_unavailable':
      return 'This tweet could not be loaded.';
    default:
      return `${partner} can't sell this product here.`;
  }
};
