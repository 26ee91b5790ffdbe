/**
 * Where the reference partner keeps its orders and the Stripe events it has applied: PostgreSQL,
 * embedded (PGlite, in a data folder) by default, or a server through `pg` when a connection
 * string is given. Both run the same SQL and the same migrations (./migrations.ts).
 *
 * Every rule that must hold across requests and processes is the database's: an Idempotency-Key
 * is a unique column, an event id a primary key, and each change is one transaction.
 */
import type { Money, OrderStatus, OrderSource, ShippingAddress } from 'buy-tweet/rules';
import { MIGRATIONS } from './migrations.js';
import { holdUnits, HOLD_MS, stockStore, type StockStore } from './stock.js';
import { changesStore, type ChangesStore } from './order-changes.js';

/** Runs SQL: the same shape over PGlite and over `pg`. */
export interface Sql {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Sql {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoredOrder {
  id: string;
  idempotencyKey: string;
  fingerprint: string;
  productId: string;
  variantId: string | null;
  quantity: number;
  email: string;
  shipping: ShippingAddress | null;
  source: OrderSource;
  total: Money;
  status: PartnerOrderStatus;
  publishableKey: string | null;
  paymentIntentId: string | null;
  clientSecret: string | null;
  receiptUrl: string | null;
  /** ISO 8601 times, by the partner's clock. */
  createdAt: string;
  /** While unpaid: when it stops holding its units (./expiry.ts cancels it then); null: never. */
  expiresAt: string | null;
  paidAt: string | null;
  /** Its charge's refunded total, in the smallest unit of its currency (0: none). */
  amountRefunded: number;
  /** The latest dispute of its charge (`charge.dispute.created`): Stripe's id and status. */
  disputeId: string | null;
  disputeStatus: string | null;
  /** A receipt still to read from this charge, at `receiptDueAt`. */
  chargeId: string | null;
  receiptDueAt: string | null;
  /** A cancel of its PaymentIntent at Stripe that failed, to try again at `cancelDueAt`. */
  cancelDueAt: string | null;
  cancelAttempts: number;
}

/** Protocol v1's statuses and `refunded` (docs/partners/protocol.md: the whole payment was refunded). */
export type PartnerOrderStatus = OrderStatus | 'refunded';

/** What the buyer's request gives an order; the rest comes from Stripe and the clock. */
export type NewOrder = Pick<
  StoredOrder,
  | 'id'
  | 'idempotencyKey'
  | 'fingerprint'
  | 'productId'
  | 'variantId'
  | 'quantity'
  | 'email'
  | 'shipping'
  | 'source'
  | 'total'
  | 'publishableKey'
> & {
  /** When it is made, by the partner's clock (default: now): it holds its units 30 minutes from then. */
  madeAt?: number;
  /** False when the catalogue counts no units of its product: no stock to take (default true). */
  counted?: boolean;
};

export interface PartnerStore extends StockStore, ChangesStore {
  /**
   * The order under this Idempotency-Key: `order` inserted now (`created`), or the one that was
   * there already, whatever its fingerprint (the caller compares). Concurrent calls with one key
   * give one order. A new order holds its units (./stock.ts) for 30 minutes from `madeAt`, or is
   * not made at all: a SoldOut error.
   */
  createOrder(order: NewOrder): Promise<{ order: StoredOrder; created: boolean }>;
  /** Records the order's PaymentIntent; the first one recorded stays. */
  attachPayment(orderId: string, paymentIntentId: string, clientSecret: string): Promise<StoredOrder | null>;
  getOrder(id: string): Promise<StoredOrder | null>;
  findByKey(idempotencyKey: string): Promise<StoredOrder | null>;
  /** Orders newest first, of one status or all, `limit` at most (none: all), for `npx buy-tweet-partner orders`. */
  listOrders(filter?: { status?: PartnerOrderStatus; limit?: number }): Promise<StoredOrder[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** A PostgreSQL connection string (`DATABASE_URL`): use that server through `pg`. */
  databaseUrl?: string;
  /** Where PGlite keeps its files, when there is no `databaseUrl`. Default `./.buy-tweet-partner`; `memory://` keeps nothing. */
  dataDir?: string;
  /** Hears what is worth saying and no error: a stale lock on the data folder taken over (./data-lock.ts). */
  notice?: (message: string) => void;
}

export const DEFAULT_DATA_DIR = './.buy-tweet-partner';

/** The folder of a PGlite `dataDir` on the file system; none for `memory://`, `idb://` and the like. */
const folderOf = (dataDir: string): string | undefined =>
  dataDir.startsWith('file://')
    ? dataDir.slice('file://'.length)
    : /^[a-z][\w+.-]*:\/\//i.test(dataDir)
      ? undefined
      : dataDir;

const openPglite = async (dataDir: string, notice?: (message: string) => void): Promise<Database> => {
  const folder = folderOf(dataDir);
  // One process per folder: imported only for a folder, so that the store runs where no node:fs is.
  const lock = folder === undefined ? undefined : (await import('./data-lock.js')).lockDataFolder(folder, notice);
  const { PGlite } = await import('@electric-sql/pglite');
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await db.query<Row>(text, params)).rows,
    transaction: (work) =>
      db.transaction((tx) =>
        work({ query: async <Row>(text: string, params?: unknown[]) => (await tx.query<Row>(text, params)).rows }),
      ),
    close: async () => {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
};

const openServer = async (databaseUrl: string): Promise<Database> => {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const sqlOf = (client: { query: InstanceType<typeof pg.Pool>['query'] }): Sql => ({
    query: async <Row>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as Row[],
  });
  return {
    ...sqlOf(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(sqlOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};

/** Applies the migrations not applied yet; an advisory lock keeps two processes from racing. */
const migrate = async (db: Database): Promise<void> => {
  await db.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock(7710771)');
    await sql.query(
      'CREATE TABLE IF NOT EXISTS partner_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await sql.query<{ version: number }>('SELECT version FROM partner_migrations')).map((row) =>
        Number(row.version),
      ),
    );
    for (const [version, migration] of MIGRATIONS.entries()) {
      if (done.has(version)) continue;
      await sql.query(migration);
      await sql.query('INSERT INTO partner_migrations (version) VALUES ($1)', [version]);
    }
  });
};

interface OrderRow {
  id: string;
  idempotency_key: string;
  fingerprint: string;
  product_id: string;
  variant_id: string | null;
  quantity: number;
  email: string;
  shipping: ShippingAddress | null;
  source: OrderSource;
  amount: string | number;
  currency: string;
  status: PartnerOrderStatus;
  publishable_key: string | null;
  payment_intent_id: string | null;
  client_secret: string | null;
  receipt_url: string | null;
  created_at: Date | string;
  expires_at: Date | string | null;
  paid_at: Date | string | null;
  amount_refunded: string | number;
  dispute_id: string | null;
  dispute_status: string | null;
  charge_id: string | null;
  receipt_due_at: Date | string | null;
  cancel_due_at: Date | string | null;
  cancel_attempts: number;
}

/** timestamptz comes back as a Date from both drivers (text from some): ISO 8601 either way. */
const isoTime = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** jsonb comes back parsed from `pg`, and as text from some drivers: accept both. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

const toOrder = (row: OrderRow): StoredOrder => ({
  id: row.id,
  idempotencyKey: row.idempotency_key,
  fingerprint: row.fingerprint,
  productId: row.product_id,
  variantId: row.variant_id,
  quantity: Number(row.quantity),
  email: row.email,
  shipping: fromJson<ShippingAddress | null>(row.shipping),
  source: fromJson<OrderSource>(row.source),
  // bigint arrives as text from `pg`; amounts are safe integers (docs/partners/protocol.md).
  total: { amount: Number(row.amount), currency: row.currency },
  status: row.status,
  publishableKey: row.publishable_key,
  paymentIntentId: row.payment_intent_id,
  clientSecret: row.client_secret,
  receiptUrl: row.receipt_url,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: isoTime(row.expires_at),
  paidAt: isoTime(row.paid_at),
  amountRefunded: Number(row.amount_refunded),
  disputeId: row.dispute_id,
  disputeStatus: row.dispute_status,
  chargeId: row.charge_id,
  receiptDueAt: isoTime(row.receipt_due_at),
  cancelDueAt: isoTime(row.cancel_due_at),
  cancelAttempts: Number(row.cancel_attempts),
});

export const openStore = async ({
  databaseUrl,
  dataDir = DEFAULT_DATA_DIR,
  notice,
}: StoreOptions = {}): Promise<PartnerStore> => {
  const db = databaseUrl ? await openServer(databaseUrl) : await openPglite(dataDir, notice);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  const one = async (sql: Sql, text: string, params: unknown[]) => {
    const [row] = await sql.query<OrderRow>(text, params);
    return row ? toOrder(row) : null;
  };
  const many = async (sql: Sql, text: string, params: unknown[]) =>
    (await sql.query<OrderRow>(text, params)).map(toOrder);

  return {
    ...stockStore(db),
    ...changesStore(db, { one, many }),

    createOrder: ({ madeAt = Date.now(), counted = true, ...order }) =>
      db.transaction(async (sql) => {
        // ON CONFLICT waits for a concurrent insert of the same key to commit, then does nothing:
        // the SELECT after it sees that order.
        const inserted = await one(
          sql,
          `INSERT INTO orders (id, idempotency_key, fingerprint, product_id, variant_id, quantity, email, shipping, source, amount, currency, publishable_key, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13::timestamptz, $14::timestamptz)
           ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
          [
            order.id,
            order.idempotencyKey,
            order.fingerprint,
            order.productId,
            order.variantId,
            order.quantity,
            order.email,
            JSON.stringify(order.shipping),
            JSON.stringify(order.source),
            order.total.amount,
            order.total.currency,
            order.publishableKey,
            new Date(madeAt).toISOString(),
            new Date(madeAt + HOLD_MS).toISOString(),
          ],
        );
        if (inserted) {
          // Only a new order holds units: a replay of its key finds it above and holds nothing more.
          if (counted) await holdUnits(sql, inserted);
          return { order: inserted, created: true };
        }
        const existing = await one(sql, 'SELECT * FROM orders WHERE idempotency_key = $1', [order.idempotencyKey]);
        if (!existing) throw new Error('An order conflicted on its Idempotency-Key, yet none is stored under it');
        return { order: existing, created: false };
      }),

    attachPayment: async (orderId, paymentIntentId, clientSecret) =>
      (await one(
        db,
        `UPDATE orders SET payment_intent_id = $2, client_secret = $3, updated_at = now()
         WHERE id = $1 AND payment_intent_id IS NULL RETURNING *`,
        [orderId, paymentIntentId, clientSecret],
      )) ?? (await one(db, 'SELECT * FROM orders WHERE id = $1', [orderId])),

    getOrder: (id) => one(db, 'SELECT * FROM orders WHERE id = $1', [id]),

    findByKey: (key) => one(db, 'SELECT * FROM orders WHERE idempotency_key = $1', [key]),

    listOrders: ({ status, limit } = {}) =>
      many(
        db,
        'SELECT * FROM orders WHERE ($1::text IS NULL OR status = $1::text) ORDER BY created_at DESC, id DESC LIMIT $2',
        [status ?? null, limit ?? null],
      ),

    close: () => db.close(),
  };
};
