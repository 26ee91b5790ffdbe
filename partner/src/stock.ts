/**
 * Stock (docs/partners/reference-partner.md, "Stock"): the units of each product or variant the
 * catalogue gives a `stock`, as the database counts them. An unpaid order holds its units from its
 * creation until it is paid, fails, or is canceled (./expiry.ts cancels it after 30 minutes); a
 * paid (or refunded) one has used them. Nothing counts units in the process: the free ones are
 * `units` less the orders that use them, summed by SQL in the order's own transaction under a lock
 * on the stock row, so that concurrent orders never take more than there are, on PGlite and on a
 * PostgreSQL server alike (any number of processes).
 *
 * A `stock` counts the units on hand when the partner starts with it: the orders paid before that
 * count are gone from the shelf already; those held then, or paid since, take from it. Giving
 * another number (a restock) counts again from then.
 */
import type { Product } from 'buy-tweet/rules';
import type { Sql } from './store.js';

/** How long an unpaid order holds its units. */
export const HOLD_MS = 30 * 60 * 1000;

/** A `stock` of the catalogue: a product's (`variantId` null: all its variants together) or a variant's. */
export interface StockCount {
  productId: string;
  variantId: string | null;
  units: number;
}

/** An order that finds too few free units: how many were free (the order's own left out). */
export class SoldOut extends Error {
  constructor(
    readonly free: number,
    readonly variantId: string | null,
  ) {
    super(free > 0 ? `Only ${free} left.` : 'Sold out.');
  }
}

export interface StockStore {
  /** Sets the catalogue's counts (a changed count is counted again from `now`); drops the others. */
  syncStock(counts: StockCount[], now: number): Promise<void>;
  /** The free units of a product's counts: by variant id, `''` for the product's own; none: not counted. */
  freeUnits(productId: string): Promise<Map<string, number>>;
}

/** The orders whose units a stock row counts as taken: unpaid ones, and those paid since it was counted. */
const TAKEN = `SELECT COALESCE(SUM(quantity), 0) AS taken FROM orders
  WHERE product_id = $1 AND ($2::text = '' OR variant_id = $2::text)
    AND (status = 'requires_payment' OR (status IN ('paid', 'refunded') AND paid_at >= $3::timestamptz))`;

interface StockRow {
  variant_id: string;
  units: number;
  counted_at: Date | string;
}

const taken = async (sql: Sql, productId: string, row: StockRow): Promise<number> => {
  const [sum] = await sql.query<{ taken: string | number }>(TAKEN, [
    productId,
    row.variant_id,
    new Date(row.counted_at).toISOString(),
  ]);
  // SUM of integers is numeric: text from `pg`.
  return Number(sum?.taken ?? 0);
};

/**
 * In the transaction that has just inserted the order: takes its units, or throws SoldOut (which
 * rolls the order back). The stock rows are locked first, in one order (the product's, then the
 * variant's), so that concurrent orders wait for each other rather than deadlock; the sum is a
 * statement of its own after the lock, so that under READ COMMITTED it sees every order committed
 * before the lock was granted.
 */
export const holdUnits = async (
  sql: Sql,
  order: { productId: string; variantId: string | null; quantity: number },
): Promise<void> => {
  const rows = await sql.query<StockRow>(
    `SELECT variant_id, units, counted_at FROM stock
     WHERE product_id = $1 AND variant_id IN ('', $2) ORDER BY variant_id FOR UPDATE`,
    [order.productId, order.variantId ?? ''],
  );
  for (const row of rows) {
    // The sum counts this order too: it is unpaid, and in this transaction.
    const over = (await taken(sql, order.productId, row)) - Number(row.units);
    if (over > 0) throw new SoldOut(Math.max(0, order.quantity - over), row.variant_id || null);
  }
};

export const stockStore = (db: Sql & { transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> }): StockStore => ({
  syncStock: (counts, now) =>
    db.transaction(async (sql) => {
      const at = new Date(now).toISOString();
      // In the orders' lock order, so that a start beside running orders cannot deadlock with them.
      const sorted = [...counts].sort(
        (a, b) => a.productId.localeCompare(b.productId) || (a.variantId ?? '').localeCompare(b.variantId ?? ''),
      );
      for (const { productId, variantId, units } of sorted) {
        await sql.query(
          `INSERT INTO stock (product_id, variant_id, units, counted_at) VALUES ($1, $2, $3, $4::timestamptz)
           ON CONFLICT (product_id, variant_id) DO UPDATE SET units = EXCLUDED.units, counted_at = EXCLUDED.counted_at
           WHERE stock.units <> EXCLUDED.units`,
          [productId, variantId ?? '', units, at],
        );
      }
      await sql.query(
        `DELETE FROM stock WHERE (product_id, variant_id) NOT IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [sorted.map((count) => count.productId), sorted.map((count) => count.variantId ?? '')],
      );
    }),

  // One statement: a lookup waits for no lock, and PGlite runs one statement at a time for all requests.
  freeUnits: async (productId) => {
    const rows = await db.query<{ variant_id: string; free: string | number }>(
      `SELECT s.variant_id, s.units - (
         SELECT COALESCE(SUM(o.quantity), 0) FROM orders o
         WHERE o.product_id = s.product_id AND (s.variant_id = '' OR o.variant_id = s.variant_id)
           AND (o.status = 'requires_payment' OR (o.status IN ('paid', 'refunded') AND o.paid_at >= s.counted_at))
       ) AS free
       FROM stock s WHERE s.product_id = $1`,
      [productId],
    );
    return new Map(rows.map((row) => [row.variant_id, Number(row.free)]));
  },
});

/**
 * The Product as a lookup shows it, given its free units (`freeUnits`): `sold_out` while none are
 * free, for a variant and for the product, which is sold out too when all of its variants are.
 */
export const withStock = (product: Product, free: Map<string, number>): Product => {
  if (free.size === 0) return product;
  const gone = (units: number | undefined) => units !== undefined && units <= 0;
  const variants = product.variants.map((variant) =>
    gone(free.get(variant.id)) ? { ...variant, availability: 'sold_out' as const } : variant,
  );
  const soldOut =
    gone(free.get('')) ||
    (variants.length > 0 && variants.every((variant) => (variant.availability ?? product.availability) === 'sold_out'));
  return { ...product, variants, ...(soldOut && { availability: 'sold_out' as const }) };
};

/**
 * `read` shared by the calls for one key while it runs: concurrent lookups of one product wait
 * for one count rather than queue one each (PGlite runs one statement at a time). A count that
 * began with a request is as fresh as one begun after it.
 */
export const sharedReads = <T>(read: (key: string) => Promise<T>) => {
  const running = new Map<string, Promise<T>>();
  return (key: string): Promise<T> => {
    let pending = running.get(key);
    if (!pending) {
      pending = read(key).finally(() => running.delete(key));
      running.set(key, pending);
    }
    return pending;
  };
};
