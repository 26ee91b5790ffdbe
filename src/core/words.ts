/**
 * The element's own words. English is built in; prices and dates follow the element's language.
 * The error card's words are in `error-words.ts`, loaded with that card.
 */
export const words = {
  buy: 'Buy',
  soldOut: 'Sold out',
  preorder: 'Preorder',
  inStock: 'In stock',
  loading: 'Loading product',
};
