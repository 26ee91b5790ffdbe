/**
 * Stripe's test cards and the card checks, as pure functions (no DOM), so they run in Node too.
 *
 * The outcome of a confirmation comes from the card number typed (spaces ignored), like Stripe's
 * test cards (see `fakeStripeCards`):
 *   4242 4242 4242 4242  succeeded
 *   4000 0000 0000 0002  card_error card_declined (generic_decline)
 *   4000 0000 0000 9995  card_error card_declined (insufficient_funds)
 *   4000 0000 0000 0077  processing (the fake's own choice: Stripe has no such card)
 *   4000 0027 6000 3184  3-D Secure: a panel with Complete (succeeded) and Fail buttons
 *   4000 0000 0000 3220  leaves the page and comes back succeeded
 *   4000 0084 0000 1629  leaves the page and comes back failed (card_declined)
 *   any other number that passes the Luhn check: succeeded
 * An incomplete or invalid number, expiry (past dates too) or CVC is a `validation_error`, also
 * shown under the field. `control.nextOutcome(...)` forces the next outcome, whatever the card.
 */
import type { FakeStripeOutcome } from './types.js';
import type { CardProblemCode } from './words.js';

/** The test cards, by what they do. */
export const fakeStripeCards = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  processing: '4000000000000077',
  threeDSecure: '4000002760003184',
  /** Stands in for a payment method that leaves the page; comes back succeeded. */
  redirect: '4000000000003220',
  /** Leaves the page and comes back failed: declined after authentication, as on Stripe. */
  redirectFailed: '4000008400001629',
} as const;

export interface FieldCheck {
  code: CardProblemCode;
  /** Still being typed: shown on leaving the field or confirming, not while typing. */
  incomplete: boolean;
}

const incomplete = (code: CardProblemCode): FieldCheck => ({ code, incomplete: true });
const invalid = (code: CardProblemCode): FieldCheck => ({ code, incomplete: false });

/** The Luhn checksum of a card number's digits. */
export const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

/** A card number as typed, without its spaces. */
export const cardDigits = (value: string): string => value.replace(/\s/g, '');

export const checkNumber = (value: string): FieldCheck | null => {
  const digits = cardDigits(value);
  if (!digits) return incomplete('incomplete_number');
  if (/\D/.test(digits)) return invalid('invalid_number');
  if (digits.length < (/^3[47]/.test(digits) ? 15 : 16)) {
    return incomplete('incomplete_number');
  }
  if (digits.length > 19 || !luhn(digits)) return invalid('invalid_number');
  return null;
};

/** `now` is the clock the expiry is checked against: a card is good through its expiry month. */
export const checkExpiry = (value: string, now = new Date()): FieldCheck | null => {
  const compact = value.replace(/\s/g, '');
  const parts = /^(\d{1,2})\/(\d{2}|\d{4})$/.exec(compact) ?? /^(\d{2})(\d{2}|\d{4})$/.exec(compact);
  if (!parts) {
    if (/^1[3-9]|^[2-9]\d/.test(compact)) return invalid('invalid_expiry_month');
    return incomplete('incomplete_expiry');
  }
  const month = Number(parts[1]);
  const year = parts[2].length === 2 ? 2000 + Number(parts[2]) : Number(parts[2]);
  const thisYear = now.getFullYear();
  if (month < 1 || month > 12) return invalid('invalid_expiry_month');
  if (year < thisYear) return invalid('invalid_expiry_year_past');
  if (year === thisYear && month < now.getMonth() + 1) {
    return invalid('invalid_expiry_month_past');
  }
  if (year > thisYear + 50) return invalid('invalid_expiry_year');
  return null;
};

export const checkCvc = (value: string): FieldCheck | null => {
  const digits = value.replace(/\s/g, '');
  if (/\D/.test(digits) || digits.length > 4) return invalid('invalid_cvc');
  if (digits.length < 3) return incomplete('incomplete_cvc');
  return null;
};

/** What a card number does, before any 3-D Secure step or redirect. */
export const decisionFor = (cardNumber: string): FakeStripeOutcome => {
  switch (cardNumber) {
    case fakeStripeCards.declined:
      return 'card_declined';
    case fakeStripeCards.insufficientFunds:
      return 'insufficient_funds';
    case fakeStripeCards.processing:
      return 'processing';
    case fakeStripeCards.threeDSecure:
      return 'requires_action';
    case fakeStripeCards.redirect:
      return 'redirect';
    case fakeStripeCards.redirectFailed:
      return 'redirect_failed';
    default:
      return 'succeeded';
  }
};
