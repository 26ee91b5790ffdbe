/**
 * The reference partner's catalogue: the products it sells and the links that name them, from a
 * JSON file (docs/partners/reference-partner.md) and, with a Stripe secret key, from the merchant's Stripe Payment Links.
 */
import type Stripe from 'stripe';
import { isRecord, parseProduct, productLinkKey, type Merchant, type Product } from 'buy-tweet/rules';
import type { StockCount } from './stock.js';

/** A product, every link that names it, and its units when the entry counts them (./stock.ts). */
export interface CatalogEntry {
  product: Product;
  links: string[];
  stock: StockCount[];
}

/** A `stock`: a whole number of units, 0 or more (the stock table's integer). */
const isStock = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647;

/**
 * The `stock` of an entry and of its variants, or a problem: the Product parser drops the field
 * (it is no part of protocol v1; lookups say `availability` instead).
 */
const readStock = (productId: string, fields: Record<string, unknown>): StockCount[] | string => {
  const counts: StockCount[] = [];
  if (fields.stock !== undefined) {
    if (!isStock(fields.stock)) return 'stock must be a whole number of units, 0 or more';
    counts.push({ productId, variantId: null, units: fields.stock });
  }
  for (const variant of Array.isArray(fields.variants) ? (fields.variants as unknown[]) : []) {
    if (!isRecord(variant) || variant.stock === undefined) continue;
    if (!isStock(variant.stock))
      return `the stock of variant ${String(variant.id)} must be a whole number of units, 0 or more`;
    counts.push({ productId, variantId: String(variant.id), units: variant.stock });
  }
  return counts;
};

/** What the partner asks for products: by link (a lookup) and by id (an order). */
export interface Catalog {
  byLink(link: string): Promise<Product | undefined>;
  byId(id: string): Promise<Product | undefined>;
}

/** A catalogue file that does not hold up: each problem says which entry and why. */
export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(`The catalogue is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** How links match: as every partner does (`productLinkKey` of `buy-tweet/rules`). */
export const linkKey = productLinkKey;

/**
 * Checks a catalogue file's JSON, `{"products": [...]}`: each entry a Product of docs/partners/protocol.md (as
 * `parseProduct` reads it) plus optional `links` and `stock` (on the entry and on its variants);
 * an entry without `checkout` is sold through
 * Stripe with `publishableKey`. Throws a CatalogError naming every entry that fails.
 */
export const readCatalog = (json: unknown, publishableKey?: string): CatalogEntry[] => {
  if (!isRecord(json) || !Array.isArray(json.products))
    throw new CatalogError(['the file must be {"products": [...]}']);
  const problems: string[] = [];
  const entries: CatalogEntry[] = [];
  const ids = new Set<string>();
  const keys = new Set<string>();
  json.products.forEach((raw: unknown, index) => {
    const where = `products[${index}]${isRecord(raw) && typeof raw.id === 'string' ? ` (${raw.id})` : ''}`;
    if (!isRecord(raw)) return void problems.push(`${where}: not an object`);
    const { links = [], ...fields } = raw;
    if (fields.checkout === undefined) {
      if (!publishableKey)
        return void problems.push(`${where}: no checkout, and no STRIPE_PUBLISHABLE_KEY to sell it with`);
      fields.checkout = { type: 'stripe', publishableKey };
    }
    const product = parseProduct(fields);
    if (!product)
      return void problems.push(
        `${where}: not a valid Product (docs/partners/protocol.md): check id, url, title, merchant, price, availability, variants, checkout`,
      );
    if (!Array.isArray(links) || !links.every((link) => typeof link === 'string' && linkKey(link))) {
      return void problems.push(`${where}: links must be a list of http(s) URLs`);
    }
    const stock = readStock(product.id, fields);
    if (typeof stock === 'string') return void problems.push(`${where}: ${stock}`);
    if (ids.has(product.id)) return void problems.push(`${where}: the id ${product.id} is used twice`);
    ids.add(product.id);
    // Every link was checked above (and the Product's own url by parseProduct): each has a key.
    for (const key of [product.url, ...(links as string[])].flatMap((link) => linkKey(link) ?? [])) {
      if (keys.has(key)) problems.push(`${where}: the link ${key} names another product too`);
      keys.add(key);
    }
    entries.push({ product, links: links as string[], stock });
  });
  if (problems.length) throw new CatalogError(problems);
  return entries;
};

/** Entries indexed by link and by id. */
const indexOf = (entries: CatalogEntry[]) => {
  const byLink = new Map<string, Product>();
  const byId = new Map<string, Product>();
  for (const { product, links } of entries) {
    byId.set(product.id, product);
    for (const key of [product.url, ...links].flatMap((link) => linkKey(link) ?? [])) byLink.set(key, product);
  }
  return { byLink, byId };
};

/** A catalogue of fixed entries (the file). */
export const fixedCatalog = (entries: CatalogEntry[]): Catalog => {
  const index = indexOf(entries);
  return {
    byLink: (link) => {
      const key = linkKey(link);
      return Promise.resolve(key === undefined ? undefined : index.byLink.get(key));
    },
    byId: (id) => Promise.resolve(index.byId.get(id)),
  };
};

/** The first catalogue that knows a link or an id answers. */
export const joinCatalogs = (...catalogs: Catalog[]): Catalog => ({
  byLink: async (link) => {
    for (const catalog of catalogs) {
      const product = await catalog.byLink(link);
      if (product) return product;
    }
    return undefined;
  },
  byId: async (id) => {
    for (const catalog of catalogs) {
      const product = await catalog.byId(id);
      if (product) return product;
    }
    return undefined;
  },
});

export interface PaymentLinksOptions {
  publishableKey: string;
  /** Who sells: Payment Links do not say. Default `{name: 'Stripe merchant'}`. */
  merchant?: Merchant;
  /** How long a read of the Payment Links is used, in milliseconds. Default 60,000. */
  ttl?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

/**
 * One Payment Link as a Product, when it sells one fixed-price item: its line item's price
 * (expanded, with its product) gives the title, image and price; the link's URL names it.
 * Stripe API reference: "Retrieve a payment link's line items" (`GET /v1/payment_links/:id/line_items`).
 */
const paymentLinkProduct = (
  link: Stripe.PaymentLink,
  items: Stripe.LineItem[],
  { publishableKey, merchant }: PaymentLinksOptions,
): Product | undefined => {
  const [item] = items;
  const price = item?.price;
  const product =
    price && typeof price.product === 'object' && !('deleted' in price.product && price.product.deleted)
      ? price.product
      : undefined;
  if (items.length !== 1 || !price || !product || price.type !== 'one_time' || price.unit_amount == null)
    return undefined;
  const image = product.images?.[0];
  return (
    parseProduct({
      id: link.id,
      url: link.url,
      title: product.name,
      ...(product.description && { description: product.description }),
      ...(image && { image: { url: image, alt: product.name } }),
      merchant: merchant ?? { name: 'Stripe merchant' },
      price: { amount: price.unit_amount, currency: price.currency.toUpperCase() },
      availability: link.active && product.active && price.active ? 'in_stock' : 'sold_out',
      maxQuantity: item.adjustable_quantity?.enabled ? Math.min(item.adjustable_quantity.maximum ?? 99, 999) : 1,
      requiresShipping: link.shipping_address_collection != null,
      checkout: { type: 'stripe', publishableKey },
    }) ?? undefined
  );
};

/**
 * The merchant's Stripe Payment Links as a catalogue (`paymentLinks.list`, then `listLineItems`
 * with `data.price.product` expanded), read at most once per `ttl`. A read that fails keeps the
 * last good one; concurrent lookups share one read.
 */
export const paymentLinksCatalog = (stripe: Stripe, options: PaymentLinksOptions): Catalog => {
  const ttl = options.ttl ?? 60_000;
  const now = options.now ?? Date.now;
  let current: { index: ReturnType<typeof indexOf>; readAt: number } | undefined;
  let reading: Promise<ReturnType<typeof indexOf>> | undefined;

  const read = async () => {
    const entries: CatalogEntry[] = [];
    for await (const link of stripe.paymentLinks.list({ active: true, limit: 100 })) {
      const items: Stripe.LineItem[] = [];
      for await (const item of stripe.paymentLinks.listLineItems(link.id, {
        limit: 100,
        expand: ['data.price.product'],
      }))
        items.push(item);
      const product = paymentLinkProduct(link, items, options);
      if (product) entries.push({ product, links: [], stock: [] });
    }
    return indexOf(entries);
  };

  const index = async () => {
    if (current && now() - current.readAt < ttl) return current.index;
    reading ??= read()
      .then((fresh) => {
        current = { index: fresh, readAt: now() };
        return fresh;
      })
      .finally(() => {
        reading = undefined;
      });
    try {
      return await reading;
    } catch (error) {
      if (current) return current.index;
      throw error;
    }
  };

  return {
    byLink: async (link) => {
      const key = linkKey(link);
      if (key === undefined || !/^(?:https?:\/\/)buy\.stripe\.com\//.test(key)) return undefined;
      return (await index()).byLink.get(key);
    },
    byId: async (id) => (id.startsWith('plink_') ? (await index()).byId.get(id) : undefined),
  };
};
