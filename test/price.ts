/**
 * A price as the browser's own locale data writes `major` units of `currency` in `locale`, spaces
 * made plain as the tests' `text()` makes them. Tests compare a card's price with this rather than
 * with a string copied from one Chrome's ICU: what buy-tweet decides is the language and the
 * amount, not the symbol or where it goes.
 */
export const intlPrice = (locale: string, major: number, currency: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(major).replace(/\s+/g, ' ').trim();
