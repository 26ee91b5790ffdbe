import { expect } from '@open-wc/testing';
import { formatMoney } from '../../src/core/money.js';
import '../setup.js';

/**
 * [amount as Stripe counts it, currency, locale, what the buyer reads]. Every zero- and
 * three-decimal currency of CONTRACT 4, then two-decimal ones that `Intl` shows without decimals.
 */
const CASES: Array<[number, string, string, string]> = [
  // Zero decimals: the amount is the price.
  [1500, 'BIF', 'en', 'BIF 1,500'],
  [1500, 'CLP', 'en', 'CLP 1,500'],
  [1500, 'DJF', 'en', 'DJF 1,500'],
  [1500, 'GNF', 'en', 'GNF 1,500'],
  [3300, 'JPY', 'en', '¥3,300'],
  [1500, 'KMF', 'en', 'KMF 1,500'],
  [1500, 'KRW', 'en', '₩1,500'],
  [1500, 'MGA', 'en', 'MGA 1,500'],
  [1500, 'PYG', 'en', 'PYG 1,500'],
  [1500, 'RWF', 'en', 'RWF 1,500'],
  [1500, 'UGX', 'en', 'UGX 1,500'],
  [1500, 'VND', 'en', '₫1,500'],
  [1500, 'VUV', 'en', 'VUV 1,500'],
  [1500, 'XAF', 'en', 'FCFA 1,500'],
  [1500, 'XOF', 'en', 'F CFA 1,500'],
  [1500, 'XPF', 'en', 'CFPF 1,500'],
  // Three decimals.
  [12345, 'BHD', 'en', 'BHD 12.345'],
  [12345, 'JOD', 'en', 'JOD 12.345'],
  [1500, 'KWD', 'en', 'KWD 1.500'],
  [12345, 'OMR', 'en', 'OMR 12.345'],
  [12345, 'TND', 'en', 'TND 12.345'],
  // Two decimals, whatever Intl's own digits: a whole amount as the locale writes it, a fraction in full.
  [1500000, 'IDR', 'en', 'IDR 15,000'],
  [1500050, 'IDR', 'en', 'IDR 15,000.50'],
  [1500005, 'IDR', 'en', 'IDR 15,000.05'],
  [150000, 'HUF', 'en', 'HUF 1,500'],
  [150050, 'HUF', 'en', 'HUF 1,500.50'],
  [50000, 'ISK', 'en', 'ISK 500'],
  [5000000, 'COP', 'en', 'COP 50,000'],
  [250000, 'PKR', 'en', 'PKR 2,500'],
  [1500, 'LYD', 'en', 'LYD 15.00'],
  [999, 'USD', 'en', '$9.99'],
  [2500, 'USD', 'en', '$25.00'],
  [5, 'USD', 'en', '$0.05'],
  [1290, 'EUR', 'en', '€12.90'],
  // Exact where `amount / 100` is not.
  [Number.MAX_SAFE_INTEGER, 'USD', 'en', '$90,071,992,547,409.91'],
  [Number.MAX_SAFE_INTEGER, 'JPY', 'en', '¥9,007,199,254,740,991'],
  // Codes Intl has no name for, or in lower case as Stripe writes them.
  [1000, 'XYZ', 'en', 'XYZ 10.00'],
  [3300, 'jpy', 'en', '¥3,300'],
  // Other languages.
  [1500000, 'IDR', 'id', 'Rp 15.000'],
  [1500050, 'IDR', 'id', 'Rp 15.000,50'],
  [1500050, 'IDR', 'de', '15.000,50 IDR'],
  [1500, 'KWD', 'de', '1,500 KWD'],
  [1500000, 'IDR', 'ja', 'IDR 15,000'],
  [1500, 'KWD', 'ja', 'KWD 1.500'],
  [1500050, 'IDR', 'ar', '\u200f15,000.50 IDR'],
  [1500, 'KWD', 'ar', '\u200f1.500 د.ك.\u200f'],
  // A locale Intl refuses still shows the price.
  [1500050, 'IDR', 'not a locale!', '15000.50 IDR'],
];

// Intl puts no-break spaces around codes; the cases read better with plain ones.
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('formatMoney', () => {
  for (const [amount, currency, locale, expected] of CASES) {
    it(`${amount} ${currency} in ${locale}: ${expected}`, () => {
      expect(plain(formatMoney({ amount, currency }, locale))).to.equal(expected);
    });
  }
});
