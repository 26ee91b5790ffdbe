// @ts-check
/**
 * `@buy-tweet/partner/test-kit`: what the partner's tests, its demo and its benchmark run it
 * against, on this machine: a stand-in for Stripe's API (./stripe-api.mjs: not Stripe), and a
 * schema of its own on a PostgreSQL server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export { paymentIntentEvent, signedEvent, startStripeApi } from './stripe-api.mjs';
export { stripeEvent } from './payment-actions.mjs';

/**
 * A schema made now on the PostgreSQL server at `databaseUrl`, and a connection string whose
 * `search_path` is that schema: stores opened on it see nothing of any other. `drop` removes it.
 * @param {string} databaseUrl
 * @param {string} [prefix]
 */
export const freshSchema = async (databaseUrl, prefix = 'partner_test') => {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  /** @param {string} sql */
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { databaseUrl: url.href, drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
};
