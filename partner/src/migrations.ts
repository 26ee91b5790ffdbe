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
];
