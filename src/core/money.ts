import type { Money } from './types.js';

/**
 * An amount counts the currency's smallest unit as Stripe's API does (docs/partners/protocol.md), not as the
 * browser's locale data does: `Intl` shows IDR, HUF, ISK, COP or PKR without decimals, yet Stripe
 * counts them in hundredths like every currency that is not below.
 * https://docs.stripe.com/currencies: "Zero-decimal currencies" and "Three-decimal currencies".
 * Its special cases (ISK, HUF, TWD, UGX) limit which amounts can be charged or paid out, not how
 * they are counted: "ISK will remain a two-decimal currency in the Stripe API"
 * (https://support.stripe.com/questions/deprecation-of-fractional-isk-charges-and-refunds).
 */
const ZERO_DECIMAL = /^(?:BIF|CLP|DJF|GNF|JPY|KMF|KRW|MGA|PYG|RWF|UGX|VND|VUV|XAF|XOF|XPF)$/i;
const THREE_DECIMAL = /^(?:BHD|JOD|KWD|OMR|TND)$/i;

/** Digits after the decimal point in an amount of the currency: 2 for USD and IDR, 0 for JPY. */
export const minorUnitDigits = (currency: string): number =>
  ZERO_DECIMAL.test(currency) ? 0 : THREE_DECIMAL.test(currency) ? 3 : 2;

/**
 * Formats made once per locale, currency and kind of amount (whole or not), and the prices they
 * gave: making an `Intl.NumberFormat` costs about 0.15 ms and formatting an amount as a decimal
 * string about 0.1 ms, and a page of 500 cards spent 60-130 ms on them
 * (docs/contributors/performance.md). A page has a handful of formats, and a price per product.
 */
const formats: Record<string, Intl.NumberFormat> = {};
const prices: Record<string, string> = {};

/** The price's text, as `formatMoney` says. */
const priceText = (amount: number, currency: string, locale?: string): string => {
  const digits = minorUnitDigits(currency);
  try {
    const fraction = amount % 10 ** digits ? digits : undefined;
    const numberFormat = (formats[`${locale} ${currency} ${fraction}`] ??= new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: fraction,
      maximumFractionDigits: digits,
    }));
    // A decimal string (`1500050e-2`) is formatted exactly; `amount / 100` is not, near 2^53.
    return numberFormat.format(`${amount}e-${digits}` as Intl.StringNumericLiteral);
  } catch {
    // An unknown locale or currency still shows a price.
    return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`;
  }
};

/**
 * A price as the buyer reads it in their language: `$9.99`, `12,90 €`, `￥3,300`, `Rp 15.000`.
 *
 * A whole amount looks the way the locale writes the currency (`$25.00`, `Rp 15.000`); an amount
 * with a fraction shows all of it (`Rp 15.000,50`, not `Rp 15.000` nor `Rp 15.000,5`). Never fewer
 * digits than the amount has: the buyer pays the fraction too, so it is not rounded away.
 */
export const formatMoney = ({ amount, currency }: Money, locale?: string): string =>
  (prices[`${locale} ${currency} ${amount}`] ??= priceText(amount, currency, locale));

/**
 * `price × quantity`. Safe for any quantity the buyer can choose: `parseProduct` refuses a price
 * whose multiple by the product's `maxQuantity` is not a safe integer.
 */
export const multiply = ({ amount, currency }: Money, quantity: number): Money => ({
  amount: amount * quantity,
  currency,
});
