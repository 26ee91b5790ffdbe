/**
 * `npx buy-tweet-partner domains add <domain>` and `domains list` (./cli.ts hands them here):
 * the publisher domains registered on the merchant's Stripe account for wallets (./domains.ts).
 * A wrong call, a domain that is not a host name or a missing key: what is wrong on stderr, exit
 * 2, before any call to Stripe. Stripe unreachable or refusing: its message on stderr, exit 1.
 */
import { parseArgs } from 'node:util';
import Stripe from 'stripe';
import {
  addDomain,
  applePayFile,
  checkDomain,
  describeAdded,
  describeList,
  domainsClient,
  listDomains,
} from './domains.js';

export const DOMAINS_USAGE = `Usage: buy-tweet-partner domains add <domain> [--json]
       buy-tweet-partner domains list [--json]

  Registers and lists the publisher domains (shop.example, www.shop.example: each host name on its
  own) where Stripe may show wallets, Apple Pay, Google Pay, Link and others, in the checkout of
  your products: payment method domains on the Stripe account of STRIPE_SECRET_KEY.
  add              registers <domain> and prints each wallet's status; one already registered is
                   not registered again (exit 0)
  list             one line per registered domain, with its wallets' statuses
  --json           the same as JSON

  Environment: STRIPE_SECRET_KEY (required), STRIPE_API_BASE (another Stripe API origin, for tests).`;

const NAME = 'buy-tweet-partner domains';

type Env = Record<string, string | undefined>;

/** Stripe's message, without the key should it quote it whole (Stripe's own messages mask keys). */
const stripeTrouble = (error: unknown, secretKey: string, apiBase: string | undefined): string => {
  const message = (error instanceof Error ? error.message : String(error)).split(secretKey).join('sk_...');
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return `cannot reach Stripe's API at ${apiBase || 'https://api.stripe.com'}: ${message}`;
  }
  if (error instanceof Stripe.errors.StripeAuthenticationError) {
    return `Stripe refused the key in STRIPE_SECRET_KEY: ${message}`;
  }
  if (error instanceof Stripe.errors.StripeError) return `Stripe answered: ${message}`;
  return message;
};

/** Runs `domains ...` with its arguments (after `domains`); gives the exit status. */
export const runDomains = async (args: string[], env: Env): Promise<number> => {
  const wrongCall = (message: string, usage = true) => {
    process.stderr.write(`${[`${NAME}: ${message}`, usage && DOMAINS_USAGE].filter(Boolean).join('\n\n')}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return wrongCall((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${DOMAINS_USAGE}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command !== 'add' && command !== 'list') {
    return wrongCall(command === undefined ? 'add or list?' : `no command ${command}: add or list`);
  }
  let domain = '';
  if (command === 'add') {
    if (rest.length !== 1) return wrongCall('add takes one domain, e.g. domains add shop.example');
    const check = checkDomain(rest[0] ?? '');
    if (!check.ok) return wrongCall(`${JSON.stringify(rest[0])} is not a domain to register: ${check.reason}`, false);
    domain = check.domain;
  } else if (rest.length) {
    return wrongCall(`list takes no domain, not ${rest.join(' ')}`);
  }
  const secretKey = env.STRIPE_SECRET_KEY ?? '';
  if (!/^(sk|rk)_/.test(secretKey)) {
    return wrongCall(
      'set STRIPE_SECRET_KEY (sk_test_... or sk_live_...): the domains are registered on its account',
      false,
    );
  }
  const apiBase = env.STRIPE_API_BASE || undefined;
  const stripe = domainsClient(secretKey, apiBase);
  try {
    if (command === 'add') {
      const added = await addDomain(stripe, domain);
      process.stdout.write(
        `${values.json ? JSON.stringify({ domain, ...added, applePay: applePayFile(domain) }, null, 2) : describeAdded(added)}\n`,
      );
    } else {
      const domains = await listDomains(stripe);
      process.stdout.write(
        `${values.json ? JSON.stringify({ paymentMethodDomains: domains }, null, 2) : describeList(domains)}\n`,
      );
    }
    return 0;
  } catch (error) {
    process.stderr.write(`${NAME}: ${stripeTrouble(error, secretKey, apiBase)}\n`);
    return 1;
  }
};
