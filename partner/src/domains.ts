/**
 * The publisher domains where Stripe may show wallets (Apple Pay, Google Pay, Link...) for the
 * merchant's products: payment method domains on the merchant's Stripe account, registered and
 * listed through Stripe's API (https://docs.stripe.com/api/payment_method_domains; the guide:
 * https://docs.stripe.com/payments/payment-methods/pmd-registration). What
 * `npx buy-tweet-partner domains add|list` runs (./domains-cli.ts); no process, no printing here.
 */
import Stripe from 'stripe';
import { stripeConfig } from './stripe-config.js';

/**
 * A client for the merchant's account, configured as the server's (./stripe-config.ts): each call
 * ends within 10 s, and is retried once at most.
 */
export const domainsClient = (secretKey: string, apiBase?: string) => new Stripe(secretKey, stripeConfig(apiBase));

/**
 * Apple Pay's verification of a domain: Stripe's domain association file, served by the
 * publisher's site at this path (Stripe's guide "Register domains for payment methods", "Verify
 * ownership of your domain with Apple Pay"; Stripe's support article "Resolve an outdated Apple
 * Pay domain association file" names the file's address).
 */
export const APPLE_PAY_FILE = 'https://stripe.com/files/apple-pay/apple-developer-merchantid-domain-association';
export const APPLE_PAY_PATH = '/.well-known/apple-developer-merchantid-domain-association';

export type DomainCheck = { ok: true; domain: string } | { ok: false; reason: string };

/** A DNS name's limits (RFC 1035): 253 characters written out, labels of 1 to 63. */
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * The host name a publisher's pages are on, as Stripe registers it: lower case, an IDN in
 * punycode (the URL parser's), without scheme, path, port or wildcard. Checked before any call to
 * Stripe, with what is wrong.
 */
export const checkDomain = (input: string): DomainCheck => {
  const text = input.trim();
  const refuse = (reason: string): DomainCheck => ({ ok: false, reason });
  if (!text) return refuse("no domain: give the host name the publisher's pages are on, e.g. shop.example");
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    let host = 'the host name';
    try {
      host = new URL(text).hostname || host;
    } catch {
      // The advice below stays general.
    }
    return refuse(`no scheme: give ${host} alone, without ${scheme[0]}`);
  }
  const bare = text.split(/[/?#]/)[0] ?? '';
  if (bare !== text) {
    return refuse(`no path, query or fragment: give ${bare.replace(/:\d*$/, '') || 'the host name'} alone`);
  }
  if (text.includes('*')) {
    return refuse(
      'no wildcard: Stripe registers each host name on its own (shop.example and www.shop.example are two)',
    );
  }
  if (text.includes('@')) return refuse('no user name: give the host name alone');
  if (text.startsWith('[') || (text.match(/:/g) ?? []).length > 1) {
    return refuse("an IP address is not a domain: give the domain name the publisher's pages are on");
  }
  if (text.includes(':'))
    return refuse(`no port: give ${text.split(':')[0]} alone (a domain is registered for any port)`);
  if (/\s/.test(text)) return refuse('no spaces: a host name is one word');
  let host: string;
  try {
    host = new URL(`https://${text}`).hostname;
  } catch {
    return refuse('not a host name');
  }
  if (host.endsWith('.')) return refuse(`no trailing dot: give ${host.slice(0, -1)}`);
  if (/^\d+(\.\d+){3}$/.test(host)) {
    return refuse("an IP address is not a domain: give the domain name the publisher's pages are on");
  }
  if (host.length > MAX_DOMAIN)
    return refuse(`too long: ${host.length} characters, a domain has at most ${MAX_DOMAIN}`);
  const labels = host.split('.');
  if (labels.length < 2)
    return refuse(`a domain on the web has a dot, e.g. ${host}.example; ${host} cannot be registered`);
  for (const label of labels) {
    if (!label) return refuse('an empty label: two dots in a row');
    if (label.length > MAX_LABEL) return refuse(`the label ${label.slice(0, 16)}... is over ${MAX_LABEL} characters`);
    if (!LABEL.test(label)) return refuse(`${label} is not a host name label: letters, digits and inner hyphens only`);
  }
  return { ok: true, domain: host };
};

export interface AddedDomain {
  /** `registered` now, or found `already_registered` on the account. */
  status: 'registered' | 'already_registered';
  paymentMethodDomain: Stripe.PaymentMethodDomain;
}

/** The account's PaymentMethodDomain for this host name, if any (the list's `domain_name` filter). */
const findDomain = async (stripe: Stripe, domain: string) =>
  (await stripe.paymentMethodDomains.list({ domain_name: domain, limit: 1 })).data[0];

/**
 * Registers `domain` (checked by checkDomain) on the account. Stripe's guides say not to register
 * a domain more than once per account: one already there is found and given back. When Stripe
 * refuses the registration (another run made it meanwhile), the domain is looked up again rather
 * than Stripe's words read: what a second registration answers is not in Stripe's reference.
 */
export const addDomain = async (stripe: Stripe, domain: string): Promise<AddedDomain> => {
  const known = await findDomain(stripe, domain);
  if (known) return { status: 'already_registered', paymentMethodDomain: known };
  try {
    return {
      status: 'registered',
      paymentMethodDomain: await stripe.paymentMethodDomains.create({ domain_name: domain }),
    };
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    const registered = await findDomain(stripe, domain);
    if (!registered) throw error;
    return { status: 'already_registered', paymentMethodDomain: registered };
  }
};

/** Every PaymentMethodDomain of the account: the SDK pages through (`has_more`, `starting_after`). */
export const listDomains = async (stripe: Stripe): Promise<Stripe.PaymentMethodDomain[]> => {
  const domains: Stripe.PaymentMethodDomain[] = [];
  for await (const domain of stripe.paymentMethodDomains.list({ limit: 100 })) domains.push(domain);
  return domains;
};

export interface Wallet {
  status: string;
  status_details?: { error_message: string };
}

const isWallet = (value: unknown): value is Wallet =>
  typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'string';

/**
 * The payment methods of a PaymentMethodDomain as Stripe names them (`apple_pay`, `google_pay`,
 * `link`, `paypal`...): every field that carries a `status`, so that one Stripe adds shows too.
 */
export const walletsOf = (domain: Stripe.PaymentMethodDomain): [string, Wallet][] =>
  Object.entries(domain as unknown as Record<string, unknown>).filter((entry): entry is [string, Wallet] =>
    isWallet(entry[1]),
  );

/** Where the publisher's site serves Apple Pay's file, and where to get it. */
export const applePayFile = (domain: string) => ({
  serveAt: `https://${domain}${APPLE_PAY_PATH}`,
  file: APPLE_PAY_FILE,
});

const walletLine = ([name, wallet]: [string, Wallet], width: number) =>
  `  ${name.padEnd(width)}  ${wallet.status}${wallet.status_details?.error_message ? `: ${wallet.status_details.error_message}` : ''}`;

/** What `domains add` prints: the domain, each wallet's status, and what Apple Pay asks of the site. */
export const describeAdded = ({ status, paymentMethodDomain: domain }: AddedDomain): string => {
  const wallets = walletsOf(domain);
  const width = Math.max(0, ...wallets.map(([name]) => name.length));
  const apple = applePayFile(domain.domain_name);
  return [
    `${domain.domain_name}: ${status === 'registered' ? 'registered' : 'already registered'} on this Stripe account` +
      ` (${domain.id}${domain.livemode ? '' : ', test mode'})`,
    ...(domain.enabled ? [] : ['  disabled: Stripe shows none of these wallets on it until it is enabled again']),
    ...wallets.map((wallet) => walletLine(wallet, width)),
    `Apple Pay: ${domain.domain_name} must serve Stripe's domain association file,`,
    `  ${apple.file},`,
    `  at ${apple.serveAt}`,
    '  (a 200 over HTTPS, with no redirect).',
    ...(domain.livemode
      ? []
      : ['Test mode: register it with your live key too before going live (a live registration covers test mode).']),
  ].join('\n');
};

/** What `domains list` prints: one line per domain, its wallets' statuses. */
export const describeList = (domains: Stripe.PaymentMethodDomain[]): string => {
  if (!domains.length)
    return 'No payment method domains on this Stripe account: npx buy-tweet-partner domains add <domain>';
  const width = Math.max(...domains.map((domain) => domain.domain_name.length));
  return domains
    .map(
      (domain) =>
        `${domain.domain_name.padEnd(width)}  ` +
        walletsOf(domain)
          .map(([name, wallet]) => `${name} ${wallet.status}`)
          .join(', ') +
        (domain.enabled ? '' : ' (disabled)'),
    )
    .join('\n');
};
