// The reference partner's catalogue: the file's entries checked at start, links matched as the
// element sends them, and the merchant's Stripe Payment Links sold too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CatalogError, linkKey, readCatalog } from '@buy-tweet/partner';
import { exampleCatalog, lookup, newKey, postOrder, PUBLISHABLE_KEY, startPartner, storeKinds } from './harness.mjs';

const vinyl = exampleCatalog.products[1];

describe('catalogue file', () => {
  test('the example catalogue reads, and entries without checkout sell through Stripe', () => {
    const entries = readCatalog(exampleCatalog, 'pk_test_example');
    assert.deepEqual(
      entries.map(({ product }) => product.id),
      ['prod_album', 'prod_vinyl', 'prod_tour_shirt'],
    );
    assert.deepEqual(entries[0].product.checkout, { type: 'stripe', publishableKey: 'pk_test_example' });
  });

  for (const [why, products, problem] of [
    ['not a list', undefined, /\{"products": \[\.\.\.\]\}/],
    [
      'a product without a title',
      [{ ...vinyl, title: undefined }],
      /products\[0\] \(prod_vinyl\): not a valid Product/,
    ],
    ['a price that is not money', [{ ...vinyl, price: { amount: 25.5, currency: 'USD' } }], /not a valid Product/],
    ['links that are not URLs', [{ ...vinyl, links: ['not a link'] }], /links must be a list/],
    ['one id twice', [vinyl, { ...vinyl, url: 'https://theband.example/other' }], /used twice/],
    [
      'one link for two products',
      [vinyl, { ...vinyl, id: 'prod_other', links: ['https://www.theband.example/shop/vinyl/'] }],
      /names another product/,
    ],
  ]) {
    test(`refuses ${why}`, () => {
      assert.throws(
        () => readCatalog(products === undefined ? {} : { products }, 'pk_test_example'),
        (error) => {
          assert.ok(error instanceof CatalogError);
          assert.match(error.message, problem);
          return true;
        },
      );
    });
  }

  test('refuses an entry without checkout when there is no publishable key', () => {
    assert.throws(() => readCatalog({ products: [vinyl] }), /no checkout, and no STRIPE_PUBLISHABLE_KEY/);
  });

  for (const [link, same] of [
    ['https://theband.example/shop/vinyl', true],
    ['https://THEBAND.example/shop/vinyl', true],
    ['https://www.theband.example/shop/vinyl/', true],
    ['https://theband.example/shop/vinyl?utm_source=twitter&ref=x#buy', true],
    ['https://theband.example/shop/vinyl//', false],
    ['https://theband.example/shop/Vinyl', false],
    ['https://theband.example/shop/vinyl?edition=2', false],
    ['https://shop.theband.example/shop/vinyl', false],
  ]) {
    test(`${link} ${same ? 'names' : 'does not name'} https://theband.example/shop/vinyl`, () => {
      assert.equal(linkKey(link) === linkKey('https://theband.example/shop/vinyl'), same);
    });
  }
});

for (const kind of storeKinds) {
  describe(`Stripe Payment Links as a catalogue on ${kind.name}`, () => {
    let running;
    let link;
    before(async () => {
      running = await startPartner(kind, { catalog: undefined });
      link = running.stripe.addPaymentLink({
        name: 'Signed Poster',
        description: 'A3, signed.',
        image: 'https://files.stripe.com/poster.png',
        amount: 3000,
        currency: 'EUR',
      });
      running.stripe.addPaymentLink({ name: 'Old Poster', amount: 1000, currency: 'EUR', active: false });
    });
    after(() => running.close());

    test('a buy.stripe.com link is a product, sold in the page; reads of the links are cached', async () => {
      const before = running.stripe.requests;
      const response = await lookup(
        running.partner,
        `${link.url}?utm_source=twitter`,
        'https://buy.stripe.com/test_nothing',
      );
      const { products } = await response.json();
      assert.deepEqual(products[0], {
        id: link.id,
        url: link.url,
        title: 'Signed Poster',
        description: 'A3, signed.',
        image: { url: 'https://files.stripe.com/poster.png', alt: 'Signed Poster' },
        merchant: { name: 'Stripe merchant' },
        price: { amount: 3000, currency: 'EUR' },
        availability: 'in_stock',
        variants: [],
        maxQuantity: 1,
        requiresShipping: false,
        checkout: { type: 'stripe', publishableKey: PUBLISHABLE_KEY },
      });
      assert.equal(products[1].error.code, 'product_not_found');
      // One list and one line-items read per active link.
      assert.equal(running.stripe.requests - before, 2);
      await lookup(running.partner, link.url);
      assert.equal(running.stripe.requests - before, 2);
    });

    test('an order for a Payment Link product makes a PaymentIntent for its price', async () => {
      const response = await postOrder(running.partner, newKey(), {
        productId: link.id,
        quantity: 1,
        email: 'buyer@example.com',
        shipping: null,
        expectedTotal: { amount: 3000, currency: 'EUR' },
        source: {},
      });
      assert.equal(response.status, 201);
      const order = await response.json();
      const intent = running.stripe.paymentIntents.get(order.payment.clientSecret.split('_secret_')[0]);
      assert.deepEqual([intent.amount, intent.currency], [3000, 'eur']);
    });
  });
}
