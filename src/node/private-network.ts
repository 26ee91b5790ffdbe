import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where `BuyTweet.resolve` on a server may not be sent by whoever names an endpoint: this machine,
 * its private networks and link-local addresses (cloud metadata lives at 169.254.169.254). A
 * server that resolves tweets for others must not become their way into its own network. Node
 * only: resolve loads it when there is no document.
 */

const PRIVATE = new BlockList();
for (const [network, prefix, type] of [
  // "This network": 0.0.0.0 reaches this machine.
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  // Carrier-grade NAT: private to the provider's network.
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  // `::`, `::1` and the old IPv4-compatible `::a.b.c.d`. (BlockList checks IPv4-mapped
  // `::ffff:a.b.c.d` against the IPv4 ranges itself.)
  ['::', 96, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
] as const) {
  PRIVATE.addSubnet(network, prefix, type);
}

/** Whether `address` (an IP literal) is on this machine, a private network or link-local. */
export const isPrivateAddress = (address: string): boolean => {
  const family = isIP(address);
  return family !== 0 && PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

/** What `resolve` throws for an endpoint it refuses: a wrong setting, like a malformed endpoint. */
export class RefusedEndpointError extends TypeError {}

export interface PublicEndpointOptions {
  /** Hosts, as `URL.host` writes them (`127.0.0.1:8788`, `[::1]:8788`, `shop.internal`), asked all the same. */
  allowHosts?: readonly string[];
  /** Every address a hostname resolves to; default `node:dns/promises` `lookup` with `all: true`. */
  lookupAll?: (hostname: string) => Promise<Array<{ address: string }>>;
}

/**
 * Rejects with a `RefusedEndpointError` naming `setting` when `endpoint`'s host is an address on
 * this machine, a private network or link-local (an IP literal, `localhost`, or a name that any of
 * whose addresses is one), unless `allowHosts` lists that host. A name that does not resolve
 * passes: asking it fails as `network` anyway.
 */
export const checkPublicEndpoint = async (
  endpoint: string,
  setting: string,
  { allowHosts = [], lookupAll = (hostname) => lookup(hostname, { all: true }) }: PublicEndpointOptions = {},
): Promise<void> => {
  const { host, hostname } = new URL(endpoint);
  if (allowHosts.some((allowed) => allowed.toLowerCase() === host)) return;
  // `[::1]` is written with brackets; `localhost.` with its root dot is still localhost.
  const name = hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  const addresses = isIP(name)
    ? [name]
    : /(^|\.)localhost$/i.test(name)
      ? ['127.0.0.1']
      : (await lookupAll(name).catch(() => [])).map(({ address }) => address);
  const found = addresses.find(isPrivateAddress);
  if (found === undefined) return;
  const where = found === name ? found : `${name} (${found})`;
  throw new RefusedEndpointError(
    `buy-tweet: ${setting} ${endpoint} is on this machine or a private network, ${where}; ` +
      `resolve asks it only when allowHosts lists "${host}"`,
  );
};
