/** The English words of the error card and a Payment Link's card: they load with that view (`fallbacks.ts`). */
type Partner = { partner: string };

export default {
  retry: 'Try again',
  view: ({ partner }: Partner) => `View on ${partner}`,
  viewTweet: 'View the tweet',
  // What failed, by error code: short, and about what the buyer can do.
  unreachable: ({ partner }: Partner) => `${partner} could not be reached.`,
  partnerTrouble: ({ partner }: Partner) => `${partner} is having trouble right now.`,
  unreadable: ({ partner }: Partner) => `${partner} sent product details that can't be shown.`,
  productNotFound: ({ partner }: Partner) => `${partner} doesn't know this product.`,
  notForSale: 'This product is not for sale.',
  unsupportedLink: 'This link is not from a supported shop.',
  tweetUnavailable: 'This tweet could not be loaded.',
  cannotSell: ({ partner }: Partner) => `${partner} can't sell this product here.`,
  stripeCheckout: 'Checkout by Stripe',
  opensOnStripe: 'Opens on Stripe',
};
