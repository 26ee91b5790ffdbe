/**
 * What the conformance suite orders (docs/partners/conformance.md), and how it compares Money.
 */
import type { Money, Product, Variant } from '../core/types.js';

export const money = ({ amount, currency }: Money): string => `${amount} ${currency}`;
export const sameMoney = (a: Money | null, b: Money): boolean =>
  a?.amount === b.amount && a.currency === b.currency.toUpperCase();

export interface OrderPlan {
  product: Product;
  variant?: Variant;
  quantity: number;
  total: Money;
}

/**
 * What to order: a product on sale through Stripe, preferring one with a variant priced apart
 * from the product and a quantity of 2, so that a total ignoring either is caught.
 */
export const planOrder = (products: readonly Product[]): OrderPlan | null => {
  const plans = products
    .filter((product) => product.availability !== 'sold_out' && product.checkout.type === 'stripe')
    .map((product): OrderPlan => {
      const onSale = product.variants.filter(
        (variant) => (variant.availability ?? product.availability) !== 'sold_out',
      );
      const variant =
        onSale.find((v, i) => i > 0 && v.price && !sameMoney(v.price, product.price)) ??
        onSale.find((_, i) => i > 0) ??
        onSale[0];
      const quantity = Math.min(2, product.maxQuantity);
      const unit = variant?.price ?? product.price;
      return {
        product,
        variant,
        quantity,
        total: { amount: unit.amount * quantity, currency: unit.currency.toUpperCase() },
      };
    })
    .filter((plan) => plan.variant || plan.product.variants.length === 0);
  const score = ({ product, variant, quantity }: OrderPlan) =>
    (variant?.price && !sameMoney(variant.price, product.price) ? 2 : 0) + (quantity > 1 ? 1 : 0);
  return plans.sort((a, b) => score(b) - score(a))[0] ?? null;
};
