// The one screen's states (core/checkout-flow.ts) and what is told to, and read from, a wallet
// (core/wallet.ts): pure functions, so each promise is checked without a browser's timing.
import { expect } from '@open-wc/testing';
import { emptyAddress } from '../../src/core/buyer.js';
import {
  checkoutReducer,
  initialCheckout,
  orderRequest,
  shownTotal,
  type CheckoutAction,
  type CheckoutState,
} from '../../src/core/checkout-flow.js';
import { BuyTweetError } from '../../src/core/errors.js';
import type { Order, Product } from '../../src/core/types.js';
import { walletDetails, walletInput } from '../../src/core/wallet.js';
import '../setup.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

const album: Product = {
  id: 'prod_album',
  url: 'https://gumroad.com/l/new-album',
  title: 'New Album',
  merchant: { name: 'The Band' },
  price: usd(999),
  availability: 'in_stock',
  variants: [{ id: 'var_flac', title: 'FLAC', price: usd(1299), availability: 'in_stock' }],
  maxQuantity: 5,
  requiresShipping: false,
  checkout: { type: 'stripe', publishableKey: 'pk_test_1' },
};
const poster: Product = { ...album, id: 'prod_poster', variants: [], requiresShipping: true };

const order = (total = usd(1299)): Order => ({
  id: 'ord_1',
  status: 'requires_payment',
  total,
  payment: { type: 'stripe', clientSecret: 'pi_1_secret_2' },
});

const run = (state: CheckoutState, ...actions: CheckoutAction[]) => actions.reduce(checkoutReducer, state);

const fresh = (): CheckoutState =>
  run(initialCheckout({ variantId: 'var_flac', quantity: 1, email: 'a@example.com', shipping: emptyAddress('US') }), {
    type: 'mounted',
  });

const payAction = (state: CheckoutState, key: string): CheckoutAction & { type: 'pay' } => ({
  type: 'pay',
  request: orderRequest(album, state.input, state.newTotal ?? state.acceptedTotal, {}),
  key,
});

describe('the one screen (core/checkout-flow.ts)', () => {
  it('pays only once Stripe’s fields are mounted, and a second press while paying does nothing', () => {
    const unmounted = { ...fresh(), mounted: false };
    expect(checkoutReducer(unmounted, payAction(unmounted, 'k1'))).to.equal(unmounted);
    const paying = run(fresh(), payAction(fresh(), 'k1'));
    expect(paying.step).to.equal('paying');
    expect(checkoutReducer(paying, payAction(paying, 'k2'))).to.equal(paying);
  });

  it('keeps the key and the order when the same body is paid again after a decline', () => {
    const start = fresh();
    const declined = run(
      start,
      payAction(start, 'k1'),
      { type: 'ordered', order: order() },
      {
        type: 'pay_failed',
        error: new BuyTweetError({ code: 'payment_failed', message: 'Declined', step: 'payment' }),
      },
    );
    expect(declined).to.include({ step: 'details' });
    expect(declined.order?.id).to.equal('ord_1');
    const again = run(declined, payAction(declined, 'k2'));
    expect(again.attempt?.key).to.equal('k1');
    expect(again.order?.id).to.equal('ord_1');
  });

  it('makes a new attempt, without the old order, when the buyer changes a detail', () => {
    const start = fresh();
    const declined = run(
      start,
      payAction(start, 'k1'),
      { type: 'ordered', order: order() },
      { type: 'pay_failed', error: new BuyTweetError({ code: 'payment_failed', message: 'x', step: 'payment' }) },
      { type: 'input', field: 'quantity', value: '2' },
    );
    const again = run(declined, payAction(declined, 'k2'));
    expect(again.attempt?.key).to.equal('k2');
    expect(again.order).to.equal(undefined);
  });

  it('shows a price_changed total, which the next Pay accepts', () => {
    const start = fresh();
    const changed = run(start, payAction(start, 'k1'), {
      type: 'order_failed',
      error: new BuyTweetError({
        code: 'price_changed',
        message: 'New price',
        step: 'order',
        details: { total: usd(1499) },
      }),
    });
    expect(shownTotal(album, changed)).to.deep.equal(usd(1499));
    const paying = run(changed, payAction(changed, 'k2'));
    expect(paying.acceptedTotal).to.deep.equal(usd(1499));
    expect(paying.attempt?.request.expectedTotal).to.deep.equal(usd(1499));
    expect(shownTotal(album, paying)).to.deep.equal(usd(1499));
  });

  it('takes a wallet’s email and address as what was paid with', () => {
    const start = fresh();
    const input = { ...start.input, email: 'wallet@example.com' };
    const paying = run(start, { ...payAction(start, 'k1'), input });
    expect(paying.input.email).to.equal('wallet@example.com');
  });

  it('goes to sold out, and leaves no wallets drawn once unmounted', () => {
    const start = run(fresh(), { type: 'wallets', available: true });
    const soldOut = run(start, payAction(start, 'k1'), {
      type: 'order_failed',
      error: new BuyTweetError({ code: 'sold_out', message: 'Sold out', step: 'order' }),
    });
    expect(soldOut.step).to.equal('sold_out');
    expect(run(soldOut, { type: 'unmounted' })).to.include({ mounted: false, wallets: false });
  });
});

describe('what a wallet is told and gives (core/wallet.ts)', () => {
  it('resolves the sheet with the line and total the buyer sees, and an address only when it ships', () => {
    const input = { variantId: 'var_flac', quantity: 2, email: '', shipping: emptyAddress('US') };
    expect(walletDetails(album, input, usd(2598), 'Shipping included')).to.deep.equal({
      emailRequired: true,
      lineItems: [{ name: 'New Album (FLAC) × 2', amount: 2598 }],
    });
    expect(walletDetails(poster, { ...input, variantId: undefined }, usd(999), 'Shipping included')).to.deep.equal({
      emailRequired: true,
      lineItems: [{ name: 'New Album × 2', amount: 999 }],
      shippingAddressRequired: true,
      shippingRates: [{ id: 'included', displayName: 'Shipping included', amount: 0 }],
    });
  });

  it('reads the wallet’s email and shipping address in Stripe’s shape into the order’s', () => {
    const input = { quantity: 1, email: 'typed@example.com', shipping: emptyAddress('DE') };
    const read = walletInput(input, {
      billingDetails: { name: 'Jenny Rosen', email: ' jenny@example.com ', address: { country: 'US' } },
      shippingAddress: {
        name: 'Jenny Rosen',
        address: {
          line1: '510 Townsend St',
          line2: null,
          city: 'San Francisco',
          state: 'CA',
          postal_code: '94103',
          country: 'us',
        },
      },
    });
    expect(read).to.deep.equal({
      quantity: 1,
      email: 'jenny@example.com',
      shipping: {
        name: 'Jenny Rosen',
        line1: '510 Townsend St',
        line2: '',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94103',
        country: 'US',
      },
    });
    // No address from the wallet (a digital product): the dialog's stays, and no email is no email.
    expect(walletInput(input, {})).to.deep.equal({ ...input, email: '' });
  });
});
