import { expect } from '@open-wc/testing';
import { formatMoney } from '../../src/core/money.js';
import '../setup.js';

/**
 * [amount as Stripe counts it, currency, locale, the number the buyer reads]. Every zero- and
 * three-decimal currency of docs/partners/protocol.md, then two-decimal ones that `Intl` shows without decimals.
 * The cases check the number, not the text around it: the currency's symbol, its place and the
 * spaces and direction marks come from the browser's locale data (ICU), not from buy-tweet.
 */
const CASES: Array<[number, string, string, string]> = [
  // Zero decimals: the amount is the price.
  [1500, 'BIF', 'en', '1500'],
  [1500, 'CLP', 'en', '1500'],
  [1500, 'DJF', 'en', '1500'],
  [1500, 'GNF', 'en', '1500'],
  [3300, 'JPY', 'en', '3300'],
  [1500, 'KMF', 'en', '1500'],
  [1500, 'KRW', 'en', '1500'],
  [1500, 'MGA', 'en', '1500'],
  [1500, 'PYG', 'en', '1500'],
  [1500, 'RWF', 'en', '1500'],
  [1500, 'UGX', 'en', '1500'],
  [1500, 'VND', 'en', '1500'],
  [1500, 'VUV', 'en', '1500'],
  [1500, 'XAF', 'en', '1500'],
  [1500, 'XOF', 'en', '1500'],
  [1500, 'XPF', 'en', '1500'],
  // Three decimals.
  [12345, 'BHD', 'en', '12.345'],
  [12345, 'JOD', 'en', '12.345'],
  [1500, 'KWD', 'en', '1.500'],
  [12345, 'OMR', 'en', '12.345'],
  [12345, 'TND', 'en', '12.345'],
  // Two decimals, whatever Intl's own digits: a whole amount as the locale writes it, a fraction in full.
  [1500000, 'IDR', 'en', '15000'],
  [1500050, 'IDR', 'en', '15000.50'],
  [1500005, 'IDR', 'en', '15000.05'],
  [150000, 'HUF', 'en', '1500'],
  [150050, 'HUF', 'en', '1500.50'],
  [50000, 'ISK', 'en', '500'],
  [5000000, 'COP', 'en', '50000'],
  [250000, 'PKR', 'en', '2500'],
  [1500, 'LYD', 'en', '15.00'],
  [999, 'USD', 'en', '9.99'],
  [2500, 'USD', 'en', '25.00'],
  [5, 'USD', 'en', '0.05'],
  [1290, 'EUR', 'en', '12.90'],
  // Exact where `amount / 100` is not.
  [Number.MAX_SAFE_INTEGER, 'USD', 'en', '90071992547409.91'],
  [Number.MAX_SAFE_INTEGER, 'JPY', 'en', '9007199254740991'],
  // Codes Intl has no name for, or in lower case as Stripe writes them.
  [1000, 'XYZ', 'en', '10.00'],
  [3300, 'jpy', 'en', '3300'],
  // Other languages.
  [1500000, 'IDR', 'id', '15000'],
  [1500050, 'IDR', 'id', '15000.50'],
  [1500050, 'IDR', 'de', '15000.50'],
  [1500, 'KWD', 'de', '1.500'],
  [1500000, 'IDR', 'ja', '15000'],
  [1500, 'KWD', 'ja', '1.500'],
  [1500050, 'IDR', 'ar', '15000.50'],
  [1500, 'KWD', 'ar', '1.500'],
];

/**
 * The number in a price as the buyer reads it, with `.` for the locale's decimal point: what
 * buy-tweet decides (how many digits, exact to the last one), without the symbols, spaces and
 * marks the browser's locale data puts around it, which are Intl's to choose and change.
 */
const numberIn = (price: string, locale: string) => {
  const point = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')!.value;
  const figures = /\d(?:[\d\s.,]*\d)?/.exec(price)?.[0] ?? '';
  return [...figures]
    .filter((character) => /\d/.test(character) || character === point)
    .join('')
    .replace(point, '.');
};

describe('formatMoney', () => {
  for (const [amount, currency, locale, number] of CASES) {
    it(`${amount} ${currency} in ${locale}: reads ${number}`, () => {
      expect(numberIn(formatMoney({ amount, currency }, locale), locale)).to.equal(number);
    });
  }

  // buy-tweet's own words when Intl refuses the locale: a price all the same.
  it('1500050 IDR in not a locale!: 15000.50 IDR', () => {
    expect(formatMoney({ amount: 1500050, currency: 'IDR' }, 'not a locale!')).to.equal('15000.50 IDR');
  });
});
