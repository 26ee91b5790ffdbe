/**
 * `npx buy-tweet partner`: the reference partner's fetch handler (buy-tweet/partner) on Node,
 * through @hono/node-server, with its store opened from the command line and the environment.
 */
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createAdaptorServer } from '@hono/node-server';
import { createPartner } from '../partner/partner.js';
import { readCatalog } from '../partner/catalog.js';
import { openStore, DEFAULT_DATA_DIR } from '../partner/store.js';
import { listen, type Listening } from './listen.js';

export interface PartnerServerOptions {
  catalogFile?: string;
  port: number;
  host: string;
  dataDir?: string;
  env: Record<string, string | undefined>;
}

/** A wrong setting: the message goes to stderr and the exit code is 2. */
export class PartnerSetupError extends Error {}

export const startPartnerServer = async ({ catalogFile, port, host, dataDir = DEFAULT_DATA_DIR, env }: PartnerServerOptions) => {
  const secretKey = env.STRIPE_SECRET_KEY ?? '';
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY ?? '';
  if (!/^(sk|rk)_/.test(secretKey)) throw new PartnerSetupError('buy-tweet partner: set STRIPE_SECRET_KEY (sk_test_... or sk_live_...)');
  if (!publishableKey.startsWith('pk_')) throw new PartnerSetupError('buy-tweet partner: set STRIPE_PUBLISHABLE_KEY (pk_test_... or pk_live_...)');
  let catalog: unknown;
  if (catalogFile !== undefined) {
    try {
      catalog = JSON.parse(await readFile(catalogFile, 'utf8'));
    } catch (error) {
      throw new PartnerSetupError(`buy-tweet partner: cannot read the catalogue ${catalogFile}: ${(error as Error).message}`);
    }
    // Checked before the store opens: a bad file costs nothing and says what is wrong.
    try {
      readCatalog(catalog, publishableKey);
    } catch (error) {
      throw new PartnerSetupError(`buy-tweet partner: ${catalogFile}: ${(error as Error).message}`);
    }
  }
  const store = await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir });
  const partner = createPartner({
    catalog,
    store,
    stripe: { secretKey, publishableKey, webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? '', apiBase: env.STRIPE_API_BASE || undefined },
  });
  const server = createAdaptorServer({ fetch: partner }) as Server;
  let listening: Listening;
  try {
    listening = await listen(server, port, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    endpoint: `${listening.origin}/v1`,
    origin: listening.origin,
    close: async () => {
      await listening.close();
      await store.close();
    },
  };
};
