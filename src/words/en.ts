/**
 * The card's English words: the only words every page loads before its first card. The error
 * card's and the checkout's English words come with those views (`en-fallbacks.ts`,
 * `en-checkout.ts`); together the three are the English of `Words` (`index.ts`), which every other
 * language translates in one module of its own.
 */
export default {
  buy: 'Buy',
  /** Buy, for a product that is not out yet. */
  buyPreorder: 'Preorder',
  // The product's availability.
  soldOut: 'Sold out',
  preorder: 'Preorder',
  inStock: 'In stock',
  /** Announced while the card loads. */
  loading: 'Loading product',
  checkoutUnavailable: 'Checkout could not be loaded. Try again.',
};
