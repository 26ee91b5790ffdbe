import type { BuyerInput } from './buyer.js';
import { variantOf } from './checkout-flow.js';
import type { Money, Product, ShippingAddress } from './types.js';

/**
 * What the checkout tells a wallet (Stripe's Express Checkout Element) and reads back from it,
 * decided here, without the DOM (docs/publishers/checkout.md, "Wallets"). The shapes are Stripe's:
 * `ClickResolveDetails` and the `confirm` event's `billingDetails` and `shippingAddress`
 * (`@stripe/stripe-js`, elements/express-checkout.d.ts).
 */

/** A wallet's address: `ExpressCheckoutAddress`. */
export interface WalletAddress {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
}

/** What a wallet's `confirm` event carries of the buyer. */
export interface WalletBuyer {
  billingDetails?: { name?: string | null; email?: string | null; address?: WalletAddress | null };
  shippingAddress?: { name?: string | null; address?: WalletAddress | null };
}

/** The one shipping rate offered: the price includes shipping (protocol v1 has no shipping rates). */
export const INCLUDED_SHIPPING = 'included';

/**
 * The sheet's details, resolved in the `click` handler (which Stripe gives one second): the line
 * the buyer sees with the total they saw, their email for the receipt, and an address when the
 * product ships (Apple Pay needs a shipping rate with it).
 */
export const walletDetails = (product: Product, input: BuyerInput, total: Money, shippingLabel: string) => {
  const variant = variantOf(product, input.variantId);
  const name = `${product.title}${variant ? ` (${variant.title})` : ''} × ${input.quantity}`;
  return {
    emailRequired: true,
    lineItems: [{ name, amount: total.amount }],
    ...(product.requiresShipping && {
      shippingAddressRequired: true,
      shippingRates: [{ id: INCLUDED_SHIPPING, displayName: shippingLabel, amount: 0 }],
    }),
  };
};

const text = (value: string | null | undefined): string => (typeof value === 'string' ? value.trim() : '');

/** A wallet's address as the order's: Stripe's `state` and `postal_code` are our `region` and `postalCode`. */
const addressOf = (name: string | null | undefined, address: WalletAddress, country: string): ShippingAddress => ({
  name: text(name),
  line1: text(address.line1),
  line2: text(address.line2),
  city: text(address.city),
  region: text(address.state),
  postalCode: text(address.postal_code),
  country: text(address.country).toUpperCase() || country,
});

/**
 * What the buyer chose in the dialog (option, quantity) with the email and the address the wallet
 * gave: the body of the order a wallet pays for. Without a shipping address from the wallet, the
 * dialog's stays (a digital product sends none).
 */
export const walletInput = (input: BuyerInput, { billingDetails, shippingAddress }: WalletBuyer): BuyerInput => ({
  ...input,
  email: text(billingDetails?.email),
  shipping: shippingAddress?.address
    ? addressOf(shippingAddress.name, shippingAddress.address, input.shipping.country)
    : input.shipping,
});
