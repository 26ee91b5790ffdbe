// The fake Stripe's card checks and test cards (src/mock/stripe/cards.ts): pure functions, so they
// run here without a browser. Runs against the build:
//   npm run build && node --test test/mock/
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cardDigits,
  checkCvc,
  checkExpiry,
  checkNumber,
  decisionFor,
  fakeStripeCards,
  luhn,
} from '../../dist/esm/mock/stripe/cards.js';

const ok = null;
const incomplete = (code) => ({ code, incomplete: true });
const invalid = (code) => ({ code, incomplete: false });

/** One test a case: what a field's check says of what the buyer typed. */
const fieldCases = (check, cases) => {
  for (const [typed, expected] of cases) {
    test(`${JSON.stringify(typed)} → ${expected ? expected.code : 'ok'}`, () =>
      assert.deepEqual(check(typed), expected));
  }
};

describe('luhn', () => {
  const cases = [
    ['4242424242424242', true],
    ['4242424242424241', false],
    ['378282246310005', true],
    ['79927398713', true],
    ['79927398710', false],
    ['0', true],
  ];
  for (const [digits, valid] of cases) {
    test(`${digits} → ${valid}`, () => assert.equal(luhn(digits), valid));
  }
});

describe('cardDigits', () => {
  const cases = [
    ['4242 4242 4242 4242', '4242424242424242'],
    [' 4000\t0000 0000 0002 ', '4000000000000002'],
    ['4242-4242', '4242-4242'],
    ['', ''],
  ];
  for (const [typed, digits] of cases) {
    test(`${JSON.stringify(typed)} → ${JSON.stringify(digits)}`, () => assert.equal(cardDigits(typed), digits));
  }
});

describe('checkNumber', () => {
  const cases = [
    ['', incomplete('incomplete_number')],
    ['   ', incomplete('incomplete_number')],
    ['4242 4242 4242 4242', ok],
    ['4242424242424242', ok],
    ['4242 4242 4242 424', incomplete('incomplete_number')],
    ['4242 4242 4242 4241', invalid('invalid_number')],
    ['4242-4242-4242-4242', invalid('invalid_number')],
    ['4242 4242 4242 424x', invalid('invalid_number')],
    ['3782 822463 10005', ok],
    ['3782 822463 1000', incomplete('incomplete_number')],
    ['3782 822463 10006', invalid('invalid_number')],
    ['4242 4242 4242 4242 4242', invalid('invalid_number')],
    ['4242 4242 4242 4242 428', ok],
    ['4242 4242 4242 4242 424', invalid('invalid_number')],
  ];
  fieldCases(checkNumber, cases);

  for (const [outcome, number] of Object.entries(fakeStripeCards)) {
    test(`test card ${outcome} (${number}) passes`, () => assert.equal(checkNumber(number), ok));
  }
});

describe('checkExpiry, on 15 May 2026', () => {
  const now = new Date(2026, 4, 15);
  const cases = [
    ['', incomplete('incomplete_expiry')],
    ['1', incomplete('incomplete_expiry')],
    ['2', incomplete('incomplete_expiry')],
    ['12 / 3', incomplete('incomplete_expiry')],
    ['12 / 34', ok],
    ['12/34', ok],
    ['1234', ok],
    ['12/2034', ok],
    ['122034', ok],
    ['5/26', ok],
    ['05 / 26', ok],
    ['04 / 26', invalid('invalid_expiry_month_past')],
    ['12 / 25', invalid('invalid_expiry_year_past')],
    ['13', invalid('invalid_expiry_month')],
    ['25', invalid('invalid_expiry_month')],
    ['13 / 30', invalid('invalid_expiry_month')],
    ['00 / 30', invalid('invalid_expiry_month')],
    ['12 / 76', ok],
    ['01 / 77', invalid('invalid_expiry_year')],
  ];
  fieldCases((typed) => checkExpiry(typed, now), cases);
});

describe('checkCvc', () => {
  const cases = [
    ['', incomplete('incomplete_cvc')],
    ['12', incomplete('incomplete_cvc')],
    ['123', ok],
    [' 1 2 3 ', ok],
    ['1234', ok],
    ['12345', invalid('invalid_cvc')],
    ['12a', invalid('invalid_cvc')],
    ['1', incomplete('incomplete_cvc')],
  ];
  fieldCases(checkCvc, cases);
});

describe('decisionFor: what each test card does', () => {
  const cases = [
    [fakeStripeCards.succeeds, 'succeeded'],
    [fakeStripeCards.declined, 'card_declined'],
    [fakeStripeCards.insufficientFunds, 'insufficient_funds'],
    [fakeStripeCards.processing, 'processing'],
    [fakeStripeCards.threeDSecure, 'requires_action'],
    [fakeStripeCards.redirect, 'redirect'],
    [fakeStripeCards.redirectFailed, 'redirect_failed'],
    ['5555555555554444', 'succeeded'],
    ['378282246310005', 'succeeded'],
  ];
  for (const [number, outcome] of cases) {
    test(`${number} → ${outcome}`, () => assert.equal(decisionFor(number), outcome));
  }
});
