// Loaded with `node --import` into a CLI process under test: a DNS in which gumroad.com is on a
// private network (10.0.0.7), as a hostile or misconfigured resolver would have it. Other names
// resolve as usual.
import dns from 'node:dns/promises';
import { syncBuiltinESMExports } from 'node:module';

const lookup = dns.lookup;
dns.lookup = (name, options) => {
  if (name !== 'gumroad.com') return lookup(name, options);
  const address = { address: '10.0.0.7', family: 4 };
  return Promise.resolve(options?.all ? [address] : address);
};
syncBuiltinESMExports();
