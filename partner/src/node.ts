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
import { DataFolderInUse } from './data-lock.js';
import { openStore, DEFAULT_DATA_DIR } from './store.js';

export interface Serving {
  /** The server's origin, e.g. `http://127.0.0.1:8791`. */
  origin: string;
  /** Stops listening and ends open connections (hanging requests too). */
  close(): Promise<void>;
}

/**
 * How long the server waits for a client, in milliseconds (Node's `http.createServer` options of
 * the same names). Node's own defaults let a client hold a connection for 60 s while it sends its
 * headers a byte at a time and for 300 s while it sends its body (a "slow loris" ties up the
 * server's sockets with few of its own), and check only every 30 s.
 */
export interface ServerTimeouts {
  /** From the connection's first byte to the end of the request's headers. Default 10,000. */
  headersTimeout?: number;
  /** From the first byte to the end of the request's body: a 32 KB order, a 512 KB event. Default 30,000. */
  requestTimeout?: number;
  /** How long an idle connection is kept for the client's next request. Default 5,000 (Node's). */
  keepAliveTimeout?: number;
  /** How often the two first are checked. Default 1,000. */
  connectionsCheckingInterval?: number;
}

export const SERVER_TIMEOUTS: Required<ServerTimeouts> = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};

/** Serves a fetch handler on Node, on `port` (0: a free one) and `host`, once it listens. */
export const serve = async (
  handler: FetchHandler,
  port: number,
  host: string,
  timeouts: ServerTimeouts = {},
): Promise<Serving> => {
  // A request cut off by one of them is answered 408 by Node itself, and its connection closed.
  const serverOptions = { ...SERVER_TIMEOUTS, ...timeouts };
  const server = createAdaptorServer({ fetch: handler, serverOptions }) as Server;
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
  /** Where warnings go (no webhook secret, a stale lock taken over). Default: stderr. */
  warn?: (message: string) => void;
  /** The HTTP server's timeouts (tests make them short). */
  timeouts?: ServerTimeouts;
}

/** A wrong setting: the message goes to stderr and the exit code is 2. */
export class PartnerSetupError extends Error {}

export const startPartnerServer = async ({
  catalogFile,
  port,
  host,
  dataDir = DEFAULT_DATA_DIR,
  env,
  warn = (message) => void process.stderr.write(`${message}\n`),
  timeouts,
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
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET ?? '';
  if (!webhookSecret.startsWith('whsec_')) {
    // It starts anyway (lookups and orders work), but nothing can tell it an order was paid.
    warn(
      `buy-tweet-partner: ${webhookSecret ? 'STRIPE_WEBHOOK_SECRET is not a webhook signing secret (whsec_...)' : 'STRIPE_WEBHOOK_SECRET is not set'}: ` +
        'every Stripe webhook will be refused, so no order will ever be marked paid. Set it to the signing ' +
        "secret of your webhook endpoint for POST /webhooks/stripe (Stripe's Dashboard, Developers > Webhooks; " +
        'or the whsec_... that `stripe listen --forward-to` prints).',
    );
  }
  let store;
  try {
    store = await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir, notice: warn });
  } catch (error) {
    if (error instanceof DataFolderInUse) throw new PartnerSetupError(error.message);
    throw error;
  }
  const partner = createPartner({
    catalog,
    store,
    stripe: {
      secretKey,
      publishableKey,
      webhookSecret,
      apiBase: env.STRIPE_API_BASE || undefined,
    },
  });
  let listening: Serving;
  try {
    listening = await serve(partner, port, host, timeouts);
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
