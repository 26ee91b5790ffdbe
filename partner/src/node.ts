/**
 * `@buy-tweet/partner/node`: the reference partner's fetch handler on Node, through
 * @hono/node-server, with its store opened from the command line and the environment
 * (`npx buy-tweet-partner`, ./cli.ts).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createAdaptorServer } from '@hono/node-server';
import { createPartner, type FetchHandler } from './partner.js';
import { readCatalog } from './catalog.js';
import { openStore, DEFAULT_DATA_DIR } from './store.js';

export interface Serving {
  /** The server's origin, e.g. `http://127.0.0.1:8791`. */
  origin: string;
  /** Stops listening and ends open connections (hanging requests too). */
  close(): Promise<void>;
}

/** Serves a fetch handler on Node, on `port` (0: a free one) and `host`, once it listens. */
export const serve = async (handler: FetchHandler, port: number, host: string): Promise<Serving> => {
  const server = createAdaptorServer({ fetch: handler }) as Server;
  // `once` rejects when the server emits 'error' first (the port is taken, say).
  await once(server.listen(port, host), 'listening');
  const { address, family, port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://${family === 'IPv6' ? `[${address}]` : address}:${bound}`,
    close: async () => {
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      server.closeAllConnections();
      await closed;
    },
  };
};

export interface PartnerServerOptions {
  catalogFile?: string;
  port: number;
  host: string;
  dataDir?: string;
  env: Record<string, string | undefined>;
}

/** A wrong setting: the message goes to stderr and the exit code is 2. */
export class PartnerSetupError extends Error {}

export const startPartnerServer = async ({
  catalogFile,
  port,
  host,
  dataDir = DEFAULT_DATA_DIR,
  env,
}: PartnerServerOptions) => {
  const secretKey = env.STRIPE_SECRET_KEY ?? '';
  const publishableKey = env.STRIPE_PUBLISHABLE_KEY ?? '';
  if (!/^(sk|rk)_/.test(secretKey))
    throw new PartnerSetupError('buy-tweet-partner: set STRIPE_SECRET_KEY (sk_test_... or sk_live_...)');
  if (!publishableKey.startsWith('pk_'))
    throw new PartnerSetupError('buy-tweet-partner: set STRIPE_PUBLISHABLE_KEY (pk_test_... or pk_live_...)');
  let catalog: unknown;
  if (catalogFile !== undefined) {
    try {
      catalog = JSON.parse(await readFile(catalogFile, 'utf8'));
    } catch (error) {
      throw new PartnerSetupError(
        `buy-tweet-partner: cannot read the catalogue ${catalogFile}: ${(error as Error).message}`,
      );
    }
    // Checked before the store opens: a bad file costs nothing and says what is wrong.
    try {
      readCatalog(catalog, publishableKey);
    } catch (error) {
      throw new PartnerSetupError(`buy-tweet-partner: ${catalogFile}: ${(error as Error).message}`);
    }
  }
  const store = await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir });
  const partner = createPartner({
    catalog,
    store,
    stripe: {
      secretKey,
      publishableKey,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? '',
      apiBase: env.STRIPE_API_BASE || undefined,
    },
  });
  let listening: Serving;
  try {
    listening = await serve(partner, port, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  // Orders unpaid for 30 minutes give their units back, and unread receipts are read, with no
  // request asking (./expiry.ts); the timer does not keep the process alive.
  const sweeping = setInterval(() => void partner.sweep().catch(() => {}), 60_000);
  sweeping.unref();
  return {
    endpoint: `${listening.origin}/v1`,
    origin: listening.origin,
    close: async () => {
      clearInterval(sweeping);
      await listening.close();
      await store.close();
    },
  };
};
