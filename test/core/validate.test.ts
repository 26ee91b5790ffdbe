import { expect } from '@open-wc/testing';
import { expectedTotal, orderRequest, type BuyerInput } from '../../src/core/checkout-flow.js';
import type { BuyTweetError } from '../../src/core/errors.js';
import { createOrder } from '../../src/core/orders.js';
import { lookupProducts } from '../../src/core/protocol.js';
import type { Product } from '../../src/core/types.js';
import { parseProduct } from '../../src/core/validate.js';
import { catalogue } from '../../src/mock/fixtures.js';
import '../setup.js';

const product = {
  id: 'prod_x',
  url: 'https://fancy.com/things/1',
  title: 'A thing',
  merchant: { name: 'A shop' },
  price: { amount: 8900, currency: 'EUR' },
  availability: 'preorder',
  maxQuantity: 3,
  requiresShipping: false,
  checkout: { type: 'stripe', publishableKey: 'pk_test_x' },
};
const colour = { id: 'var_oat', title: 'Oat' };
/** The largest amount that three of make a safe total. */
const third = Math.floor(Number.MAX_SAFE_INTEGER / 3);

/** [what, fields that replace the product's, whether the product is accepted] */
const CASES: Array<[string, Record<string, unknown>, boolean]> = [
  ['a variant without price or availability', { variants: [colour] }, true],
  [
    'a variant whose price and availability are null',
    { variants: [{ ...colour, price: null, availability: null }] },
    true,
  ],
  [
    'a variant with a price and availability of its own',
    { variants: [{ ...colour, price: { amount: 9900, currency: 'EUR' }, availability: 'sold_out' }] },
    true,
  ],
  [
    'a variant price that is not Money',
    { variants: [{ ...colour, price: { amount: '9900', currency: 'EUR' } }] },
    false,
  ],
  [
    'a variant price with a fraction of the smallest unit',
    { variants: [{ ...colour, price: { amount: 99.5, currency: 'EUR' } }] },
    false,
  ],
  ['a variant availability that is not one of the three', { variants: [{ ...colour, availability: 'soon' }] }, false],
  ['a price whose maxQuantity total is just safe', { price: { amount: third, currency: 'EUR' } }, true],
  ['a price whose maxQuantity total is not a safe integer', { price: { amount: third + 1, currency: 'EUR' } }, false],
  [
    'a variant price whose maxQuantity total is not a safe integer',
    { variants: [{ ...colour, price: { amount: third + 1, currency: 'EUR' } }] },
    false,
  ],
  [
    'the largest safe price, one at a time',
    { price: { amount: Number.MAX_SAFE_INTEGER, currency: 'EUR' }, maxQuantity: 1 },
    true,
  ],
];

describe('parseProduct: prices and variants', () => {
  for (const [what, fields, accepted] of CASES) {
    it(`${accepted ? 'accepts' : 'refuses'} ${what}`, () => {
      expect(parseProduct({ ...product, ...fields }) !== null).to.equal(accepted);
    });
  }

  it("leaves a variant's missing price and availability out: they are the product's", () => {
    expect(parseProduct({ ...product, variants: [colour] })!.variants).to.deep.equal([colour]);
  });
});

describe('checkout of a variant without a price of its own', () => {
  const FANCY = 'https://fancy.com/.well-known/buy-tweet/v1';
  const lookUpThrow = async () =>
    (await lookupProducts(FANCY, [catalogue.linenThrow.product.url])).entries[0] as Product;
  const buyer = (variantId: string, quantity: number): BuyerInput => ({
    variantId,
    quantity,
    email: 'buyer@example.com',
    shipping: {
      name: 'Ana Silva',
      line1: 'Rua Augusta 1',
      line2: '',
      city: 'Lisboa',
      region: '',
      postalCode: '1100-048',
      country: 'PT',
    },
  });
  const order = (product: Product, input: BuyerInput) =>
    createOrder(FANCY, orderRequest(product, input, undefined, {}), crypto.randomUUID());

  it("totals the product's price, as the partner does", async () => {
    const throwBlanket = await lookUpThrow();
    const charcoal = buyer('var_charcoal', 3);
    const total = { amount: 3 * 8900, currency: 'EUR' };
    expect(expectedTotal(throwBlanket, charcoal)).to.deep.equal(total);
    expect((await order(throwBlanket, charcoal)).total).to.deep.equal(total);
  });

  it("keeps a variant's own availability: the sold-out colour is not sold", async () => {
    const error = await order(await lookUpThrow(), buyer('var_rust', 1)).catch((rejected: BuyTweetError) => rejected);
    expect(error).to.include({ code: 'sold_out' });
  });
});
