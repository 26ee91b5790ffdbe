/**
 * `npx buy-tweet-partner orders [--status S] [--json] [--data DIR]` (./cli.ts hands it here): the
 * merchant's orders, newest first, without SQL, from the store the server uses (the data folder,
 * or the PostgreSQL server of DATABASE_URL). A wrong call is exit 2 with what is wrong; a store
 * that cannot be opened is exit 1.
 */
import { DataFolderInUse } from './data-lock.js';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { minorUnitDigits, type Money } from 'buy-tweet/rules';
import { DEFAULT_DATA_DIR, openStore, type PartnerOrderStatus, type StoredOrder } from './store.js';

const STATUSES: readonly PartnerOrderStatus[] = ['requires_payment', 'paid', 'failed', 'canceled', 'refunded'];

export const ORDERS_USAGE = `Usage: buy-tweet-partner orders [--status S] [--json] [--data DIR]

  Lists your orders, newest first: when each was made, its id, status, total, the buyer's email,
  the product (and variant, and quantity when more than one) and its Stripe PaymentIntent, with
  what was refunded and any dispute.
  --status         only orders of this status: ${STATUSES.join(', ')}
  --json           the orders as JSON, one array
  --data           the data folder of the embedded Postgres (default ./.buy-tweet-partner); stop the
                   server first: one process at a time uses a data folder

  Environment: DATABASE_URL (the Postgres server the partner uses instead, any time).`;

const NAME = 'buy-tweet-partner orders';

/** `12.99 USD`, `1500 JPY`: the amount as Stripe counts it, with the currency's decimals. */
export const formatAmount = ({ amount, currency }: Money): string => {
  const digits = minorUnitDigits(currency);
  const whole = Math.abs(amount)
    .toString()
    .padStart(digits + 1, '0');
  const units = digits ? `${whole.slice(0, -digits)}.${whole.slice(-digits)}` : whole;
  return `${amount < 0 ? '-' : ''}${units} ${currency}`;
};

/** An order as `--json` prints it: what the merchant needs, no client secret. */
const orderJson = (order: StoredOrder) => ({
  id: order.id,
  createdAt: order.createdAt,
  status: order.status,
  total: order.total,
  ...(order.amountRefunded > 0 && {
    amountRefunded: { amount: order.amountRefunded, currency: order.total.currency },
  }),
  email: order.email,
  productId: order.productId,
  variantId: order.variantId,
  quantity: order.quantity,
  shipping: order.shipping,
  source: order.source,
  paymentIntentId: order.paymentIntentId,
  receiptUrl: order.receiptUrl,
  dispute: order.disputeId ? { id: order.disputeId, status: order.disputeStatus } : null,
});

/** One line per order, in columns, under a header. */
const table = (orders: StoredOrder[]): string => {
  const rows = orders.map((order) => [
    order.createdAt.replace(/\.\d+Z$/, 'Z'),
    order.id,
    order.status,
    formatAmount(order.total),
    order.email,
    `${order.productId}${order.variantId ? `/${order.variantId}` : ''}${order.quantity > 1 ? ` x${order.quantity}` : ''}`,
    order.paymentIntentId ?? '-',
    [
      order.amountRefunded > 0 &&
        `refunded ${formatAmount({ amount: order.amountRefunded, currency: order.total.currency })}`,
      order.disputeId && `disputed (${order.disputeStatus ?? 'open'}, ${order.disputeId})`,
    ]
      .filter(Boolean)
      .join(', '),
  ]);
  const header = ['created', 'order', 'status', 'total', 'email', 'product', 'payment intent', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

/** Runs `orders ...` with its arguments (after `orders`); gives the exit status. */
export const runOrders = async (args: string[], env: Record<string, string | undefined>): Promise<number> => {
  const wrongCall = (message: string) => {
    process.stderr.write(`${NAME}: ${message}\n\n${ORDERS_USAGE}\n`);
    return 2;
  };
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        status: { type: 'string' },
        json: { type: 'boolean' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    return wrongCall((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${ORDERS_USAGE}\n`);
    return 0;
  }
  const status = values.status as PartnerOrderStatus | undefined;
  if (status !== undefined && !STATUSES.includes(status))
    return wrongCall(`--status takes ${STATUSES.join(', ')}, not ${values.status}`);
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = values.data ?? DEFAULT_DATA_DIR;
  // Opening a folder that is not there would make an empty store: say so instead.
  if (!databaseUrl && !existsSync(dataDir))
    return wrongCall(`no data folder at ${dataDir}: give the partner's --data, or set DATABASE_URL`);

  let orders: StoredOrder[];
  try {
    const store = await openStore({ databaseUrl, dataDir });
    try {
      orders = await store.listOrders({ status });
    } finally {
      await store.close();
    }
  } catch (error) {
    // The embedded store has one writer: the running partner holds its folder.
    if (error instanceof DataFolderInUse) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`${NAME}: cannot read the orders: ${(error as Error).message}\n`);
    return 1;
  }
  if (values.json) process.stdout.write(`${JSON.stringify(orders.map(orderJson), null, 2)}\n`);
  else if (orders.length === 0) process.stdout.write(`No ${status ? `${status} ` : ''}orders.\n`);
  else process.stdout.write(`${table(orders)}\n`);
  return 0;
};
