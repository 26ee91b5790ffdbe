import type { Money } from './types.js';

/** Digits after the decimal point in the currency's minor unit: 2 for USD, 0 for JPY. */
export const minorUnitDigits = (currency: string): number => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

/** A price as the buyer reads it in their language: `$9.99`, `12,90 €`, `￥3,300`. */
export const formatMoney = ({ amount, currency }: Money, locale?: string): string => {
  const digits = minorUnitDigits(currency);
  const value = amount / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    // An unknown locale or currency still shows a price.
    return `${value.toFixed(digits)} ${currency}`;
  }
};

export const multiply = ({ amount, currency }: Money, quantity: number): Money => ({
  amount: amount * quantity,
  currency,
});
