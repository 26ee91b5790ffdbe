/**
 * The shapes of protocol v1 (docs/partners/protocol.md) as the rest of the code trusts them: every value of these
 * types has been through `protocol.ts`'s validation, so inside the project they need no checks.
 */

/** A safe integer in the currency's smallest unit as Stripe counts it (cents for USD and IDR, yen for JPY). */
export interface Money {
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
}

export type Availability = 'in_stock' | 'sold_out' | 'preorder';

export interface ProductImage {
  /** Checked: https, or http on loopback. */
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

export interface Merchant {
  name: string;
  /** Checked like every other link; dropped when it fails the check. */
  url?: string;
}

export interface Variant {
  id: string;
  title: string;
  /** The product's when absent (docs/partners/protocol.md). */
  price?: Money;
  /** The product's when absent. */
  availability?: Availability;
}

export type Checkout = { type: 'stripe'; publishableKey: string } | { type: 'redirect'; url: string };

export interface Product {
  id: string;
  url: string;
  title: string;
  description?: string;
  image?: ProductImage;
  merchant: Merchant;
  price: Money;
  availability: Availability;
  variants: Variant[];
  maxQuantity: number;
  requiresShipping: boolean;
  checkout: Checkout;
}

export type OrderStatus = 'requires_payment' | 'paid' | 'failed' | 'canceled' | 'refunded';

export interface Order {
  id: string;
  status: OrderStatus;
  total: Money;
  payment?: { type: 'stripe'; clientSecret: string; publishableKey?: string };
  receiptUrl?: string;
  /** What a partial refund gave back; a wholly refunded order is `refunded`. */
  amountRefunded?: Money;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** What the element knows about where a purchase came from. */
export interface OrderSource {
  tweetId?: string;
  tweetUrl?: string;
  pageUrl?: string;
}

/** The body of `POST {endpoint}/orders`. */
export interface OrderRequest {
  productId: string;
  variantId?: string | null;
  quantity: number;
  email: string;
  shipping: ShippingAddress | null;
  expectedTotal: Money;
  source: OrderSource;
}

/** A link of a tweet as the reader sees it: the URL it points to and what it says. */
export interface TweetLink {
  href: string;
  text: string;
  title?: string;
  expandedUrl?: string;
}

/** What the element knows about a tweet, from whatever shape it came in. */
export interface TweetInfo {
  id?: string;
  url?: string;
  text?: string;
  authorName?: string;
  authorHandle?: string;
  date?: string;
  lang?: string;
  dir?: string;
  /**
   * Candidate product links, in reading order; read through t.co where the page can tell, else
   * the t.co link itself (`https://t.co/{code}`), for a link endpoint to read.
   */
  links: string[];
}
