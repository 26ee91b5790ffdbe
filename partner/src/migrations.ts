/**
 * The reference partner's schema, as SQL, in order: one list for PGlite and for a PostgreSQL
 * server alike. A migration is applied once (its index is recorded in `partner_migrations`); never
 * edit one that has shipped, add the next instead.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE orders (
     id text PRIMARY KEY,
     -- The buyer's Idempotency-Key: the database, not the process, makes it unique.
     idempotency_key text NOT NULL UNIQUE,
     -- A digest of the request body: the same key with another body is a conflict.
     fingerprint text NOT NULL,
     product_id text NOT NULL,
     variant_id text,
     quantity integer NOT NULL,
     email text NOT NULL,
     shipping jsonb,
     source jsonb NOT NULL,
     amount bigint NOT NULL,
     currency text NOT NULL,
     status text NOT NULL DEFAULT 'requires_payment'
       CHECK (status IN ('requires_payment', 'paid', 'failed', 'canceled')),
     publishable_key text,
     payment_intent_id text UNIQUE,
     client_secret text,
     receipt_url text,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE stripe_events (
     id text PRIMARY KEY,
     type text NOT NULL,
     applied_at timestamptz NOT NULL DEFAULT now()
   )`,
  // Refunds: a wholly refunded order is `refunded` (docs/partners/protocol.md).
  `ALTER TABLE orders DROP CONSTRAINT orders_status_check`,
  `ALTER TABLE orders ADD CONSTRAINT orders_status_check
     CHECK (status IN ('requires_payment', 'paid', 'failed', 'canceled', 'refunded'))`,
  // Stock, refunds and disputes (./stock.ts, ./order-changes.ts): `expires_at` is when an unpaid
  // order stops holding its units, by the partner's clock (NULL: never); `paid_at` when it was
  // first paid; `amount_refunded` its charge's refunded total; `charge_id` and `receipt_due_at` a
  // receipt still to read; `cancel_due_at` a cancel of its PaymentIntent at Stripe still to retry.
  `ALTER TABLE orders
     ADD COLUMN expires_at timestamptz,
     ADD COLUMN paid_at timestamptz,
     ADD COLUMN amount_refunded bigint NOT NULL DEFAULT 0,
     ADD COLUMN dispute_id text,
     ADD COLUMN dispute_status text,
     ADD COLUMN charge_id text,
     ADD COLUMN receipt_due_at timestamptz,
     ADD COLUMN cancel_due_at timestamptz,
     ADD COLUMN cancel_attempts integer NOT NULL DEFAULT 0`,
  // Orders of before expire as new ones do, 30 minutes after they were made.
  `UPDATE orders SET
     expires_at = CASE WHEN status IN ('requires_payment', 'failed') THEN created_at + interval '30 minutes' END,
     paid_at = CASE WHEN status = 'paid' THEN updated_at END`,
  // The units of each product (variant_id '') or variant the catalogue gives a stock, counted at
  // `counted_at`: the free ones are those less the units of unpaid orders and of orders paid since.
  `CREATE TABLE stock (
     product_id text NOT NULL,
     variant_id text NOT NULL DEFAULT '',
     units integer NOT NULL CHECK (units >= 0),
     counted_at timestamptz NOT NULL,
     PRIMARY KEY (product_id, variant_id)
   )`,
  `CREATE INDEX orders_holding ON orders (product_id, variant_id) WHERE status IN ('requires_payment', 'paid', 'refunded')`,
  `CREATE INDEX orders_expiring ON orders (expires_at) WHERE expires_at IS NOT NULL`,
  `CREATE INDEX orders_cancel_due ON orders (cancel_due_at) WHERE cancel_due_at IS NOT NULL`,
  `CREATE INDEX orders_receipt_due ON orders (receipt_due_at) WHERE receipt_due_at IS NOT NULL`,
];
