// The checkout sends nothing twice, and shows what the partner says.
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import '../../src/define.js';

import { mock } from '../setup.js';
import {
  buy,
  buyButton,
  card,
  CARD_OK,
  checkoutOf,
  fill,
  fillCard,
  inDialog,
  openCheckout,
  orderRequests,
  pay,
  payButton,
  receiptOf,
  textOf,
  useFakeStripe,
} from './helpers.js';

const stripe = useFakeStripe();
afterEach(() => localStorage.clear());

describe('checkout: nothing twice', () => {
  it('sends one order and one payment for a double press of Pay', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    fillCard(el, CARD_OK);
    const before = stripe.confirmations;
    payButton(el).click();
    payButton(el).click();
    await waitUntil(() => receiptOf(el), 'no receipt');
    payButton(el).click();
    expect(orderRequests()).to.have.length(1);
    expect(stripe.confirmations - before).to.equal(1);
    expect(mock.ordersCreated).to.equal(1);
  });

  it('retries a network failure with the same Idempotency-Key: one order', async () => {
    mock.inject('network', { route: 'orders', times: 1 });
    const el = await card('https://gumroad.com/l/new-album');
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    await buy(el);
    const keys = orderRequests().map((request) => request.headers['idempotency-key']);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(mock.ordersCreated).to.equal(1);
  });

  it('after the retries run out, Pay again is a retry of the same attempt', async () => {
    mock.inject('500', { route: 'orders', times: 3 });
    const el = await card('https://gumroad.com/l/new-album');
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    fillCard(el, CARD_OK);
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'partner_error', step: 'order', status: 500, retryable: true });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.error'))).to.equal(
      'Gumroad had a problem taking the order. Nothing was charged: try again.',
    );
    await expect(checkoutOf(el)).to.be.accessible();
    await buy(el);
    const keys = new Set(orderRequests().map((request) => request.headers['idempotency-key']));
    expect(orderRequests()).to.have.length(4);
    expect(keys.size).to.equal(1);
    expect(mock.ordersCreated).to.equal(1);
  });

  it('a changed detail is a new attempt with a new key', async () => {
    mock.inject('500', { route: 'orders', times: 6 });
    const el = await card('https://gumroad.com/l/new-album');
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    fillCard(el, CARD_OK);
    await pay(el);
    // Nothing changed: the same attempt.
    await pay(el);
    await fill(el, 'quantity', '3');
    await buy(el);
    const keys = [...new Set(orderRequests().map((request) => request.headers['idempotency-key']))];
    expect(keys).to.have.length(2);
    expect(orderRequests().at(-1)!.headers['idempotency-key']).to.equal(keys[1]);
    expect(mock.ordersCreated).to.equal(1);
  });

  it('shows a decline in the dialog and pays again on the same order', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    fillCard(el, '4000 0000 0000 0002');
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'payment_failed', step: 'payment', retryable: true });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.error'))).to.equal('Your card was declined.');
    expect(textOf(payButton(el))).to.equal('Pay $9.99');
    await expect(checkoutOf(el)).to.be.accessible();
    await buy(el);
    expect(mock.ordersCreated).to.equal(1);
    expect(orderRequests()).to.have.length(1);
    // Stripe's rule: a submit before each confirmation, the same client secret both times.
    const calls = stripe.calls.map((call) => call.method).filter((method) => /submit|confirmPayment/.test(method));
    expect(calls.slice(-4)).to.deep.equal([
      'elements.submit',
      'stripe.confirmPayment',
      'elements.submit',
      'stripe.confirmPayment',
    ]);
  });

  it('counts a processing payment as a purchase', async () => {
    const el = await card('https://buy.stripe.com/test_6oE5lY0aB1cD');
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    fillCard(el, '4000 0000 0000 0077');
    const purchased = oneEvent(el, 'buy-tweet-purchase');
    payButton(el).click();
    expect((await purchased).detail.order.status).to.equal('requires_payment');
  });
});

describe('checkout: what the partner says', () => {
  it('puts 422 field errors next to their fields', async () => {
    const el = await card('https://theband.gumroad.com/l/tour-poster');
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    for (const [name, value] of [
      ['shipping.name', 'Ada'],
      ['shipping.line1', '1 Main St'],
      ['shipping.city', 'X'],
      ['shipping.postalCode', 'not-a-zip'],
    ]) {
      await fill(el, name, value);
    }
    fillCard(el, CARD_OK);
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'invalid_request', step: 'order', status: 422 });
    await checkoutOf(el).updateComplete;
    const zip = inDialog<HTMLInputElement>(el, '[name="shipping.postalCode"]')!;
    expect(zip.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(inDialog(el, `#${CSS.escape(zip.getAttribute('aria-describedby')!)}`))).to.not.equal('');
    await expect(checkoutOf(el)).to.be.accessible();
    await fill(el, 'shipping.postalCode', '62701');
    await buy(el);
    const keys = orderRequests().map((request) => request.headers['idempotency-key']);
    expect(keys[0]).to.not.equal(keys[1]);
  });

  it('shows a changed price for the buyer to accept, as a new attempt', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    mock.updateProduct('prod_album', {
      price: { amount: 1099, currency: 'USD' },
      variants: [
        { id: 'var_mp3', title: 'MP3', price: { amount: 1099, currency: 'USD' }, availability: 'in_stock' },
        { id: 'var_flac', title: 'FLAC', price: { amount: 1299, currency: 'USD' }, availability: 'in_stock' },
      ],
    });
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    fillCard(el, CARD_OK);
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'price_changed', step: 'order', status: 409 });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.notice'))).to.equal('The new total is $10.99 (was $9.99). Pay to accept it.');
    expect(textOf(payButton(el))).to.equal('Pay $10.99');
    // Stripe's Elements hold the total the buyer now sees.
    await waitUntil(() => stripe.calls.some((call) => call.method === 'elements.update'), 'no elements.update');
    expect(stripe.calls.filter((call) => call.method === 'elements.update').at(-1)!.args).to.deep.equal([
      { amount: 1099 },
    ]);
    await expect(checkoutOf(el)).to.be.accessible();
    await buy(el);
    const [first, second] = orderRequests();
    expect(first.headers['idempotency-key']).to.not.equal(second.headers['idempotency-key']);
    expect((second.body as { expectedTotal: unknown }).expectedTotal).to.deep.equal({ amount: 1099, currency: 'USD' });
    expect(mock.ordersCreated).to.equal(1);
  });

  it('turns the card to sold out when the partner says so at checkout', async () => {
    const el = await card('https://gumroad.com/l/new-album');
    mock.updateProduct('prod_album', { availability: 'sold_out' });
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    fillCard(el, CARD_OK);
    const failed = oneEvent(el, 'buy-tweet-error');
    payButton(el).click();
    expect((await failed).detail).to.include({ code: 'sold_out', step: 'order', status: 409, retryable: false });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '.error'))).to.equal('Sorry, this just sold out. Nothing was charged.');
    await expect(checkoutOf(el)).to.be.accessible();
    await el.updateComplete;
    expect(buyButton(el).disabled).to.equal(true);
    expect(textOf(el.shadowRoot!.querySelector('[part="availability"]'))).to.equal('Sold out');
    expect(el.product!.availability).to.equal('sold_out');
  });
});
