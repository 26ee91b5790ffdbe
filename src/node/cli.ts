#!/usr/bin/env node
/**
 * `npx buy-tweet <command>`:
 * - `resolve`: the machine-to-machine path of BuyTweet.resolve, from a shell. Prints `{partner,
 *   productUrl, product}` as JSON; on failure prints `{"error": {code, message, step, status?}}`
 *   to stderr and exits 1 (`code` is always one of the contract's). An endpoint on this machine or
 *   a private network is asked only when a flag names it (exit 2 otherwise).
 * - `links`: serves the link endpoint of docs/publishers/real-tweets.md on Node.
 * - `expand`: writes `data-expanded-url` onto the t.co links of a page's embedded tweets.
 * - `conformance`: checks a partner endpoint against protocol v1 (docs/partners/reference-partner.md).
 * - `partner`: says where the reference partner went (`npx buy-tweet-partner`, of
 *   `@buy-tweet/partner`), exit 2.
 * `--help` prints usage (exit 0); a wrong call prints it to stderr (exit 2); a failure exits 1.
 */
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatReport, ORDER_REQUESTS, runConformance } from '../conformance/index.js';
import { safeEndpoint } from '../core/config.js';
import { readLinks } from '../core/links.js';
import { parseUrl } from '../core/url.js';
import { resolve } from '../resolve.js';
import { version } from '../version.js';
import { expandEmbeds, tcoReader, type ReadLinks } from './expand.js';
import { failureDetail } from './failure.js';
import { isLoopback, startLinkServer } from './links.js';
import { RefusedEndpointError } from './private-network.js';

const RESOLVE_USAGE = `Usage: buy-tweet resolve <tweet URL | product URL | -> [--endpoint URL] [--oembed-endpoint URL]

  <tweet URL>      https://twitter.com/{user}/status/{id} (or x.com), read through oEmbed
  <product URL>    a partner's product link, e.g. https://gumroad.com/l/new-album
  -                read a URL, embed HTML or a tweet object (JSON) from stdin
  --endpoint       the partner endpoint to ask instead of the partner's own
  --oembed-endpoint  where to read tweets (default https://publish.twitter.com/oembed)

  Endpoints on this machine or a private network are asked only when a flag names them.`;

const LINKS_USAGE = `Usage: buy-tweet links [--port N] [--host H]

  Serves a link endpoint (GET /?url=https://t.co/{code}&url=...) that asks t.co where links go,
  and reads tweets for pages (GET /?tweet={status URL}) from publish.twitter.com's oEmbed.
  Prints its URL once listening; SIGINT or SIGTERM stops it.
  --port           the port to listen on (default 8790; 0 picks a free one)
  --host           the address to listen on (default 127.0.0.1, this machine only)`;

const EXPAND_USAGE = `Usage: buy-tweet expand [file | -] [--link-endpoint URL]

  Prints the HTML with data-expanded-url written onto every t.co link of its embedded tweets
  (blockquote.twitter-tweet, blockquote.twitter-video); nothing else changes.
  file | -         the HTML to read (default -: stdin, up to 1 MB)
  --link-endpoint  read t.co links through this link endpoint instead of asking t.co`;

const CONFORMANCE_USAGE = `Usage: buy-tweet conformance <endpoint> --product-url URL [--product-url URL]... [--no-orders] [--json]

  Checks a partner endpoint against protocol v1: CORS on every answer and on the preflight of
  POST /orders, lookups (one entry per url in order, unknown links as product_not_found, valid
  Products, Cache-Control, 1 to 20 links), orders (created at the expected total, idempotent
  replays and conflicts, price_changed, invalid_request with fields, GET /orders/{id}), and the
  error shape. One line per check; exit 1 when any check fails.
  <endpoint>       the partner's base URL, ending in /v1: https, or http on loopback
  --product-url    a link to a product the endpoint sells, in stock with Stripe checkout for the
                   order checks (at least one; repeat for more, up to 18); a product with
                   variants and a quantity of 2 on sale tests the most
  --no-orders      send no POST: for a production partner, whose orders are real (the
                   preflight and GET /orders/{an unknown id} still run)
  --json           print the report as one JSON document

  Orders: sends ${ORDER_REQUESTS} POST /orders, from which a partner that keeps to the protocol creates
  exactly 1 order (status requires_payment, never paid, email conformance@example.com). The
  report lists every order id an answer named ("created orders: ..."): more than one means the
  partner broke idempotency. The protocol has no way to delete an order: cancel it on your side.`;

/** `buy-tweet partner` before the reference partner became its own package: where it went. */
const PARTNER_MOVED = `buy-tweet partner: the reference partner is its own package now, @buy-tweet/partner.

  npx buy-tweet-partner [--catalog FILE] [--port N] [--host H] [--data DIR]
                   the same flags and environment as buy-tweet partner took
  npm install @buy-tweet/partner
                   then import { createPartner } from '@buy-tweet/partner'`;

const USAGE = `Usage: buy-tweet resolve <tweet URL | product URL | -> [--endpoint URL] [--oembed-endpoint URL]
       buy-tweet links [--port N] [--host H]
       buy-tweet expand [file | -] [--link-endpoint URL]
       buy-tweet conformance <endpoint> --product-url URL... [--no-orders] [--json]

  resolve   the partner and product behind a tweet or a product link, as JSON
  links     serve a link endpoint, which reads where t.co links go
  expand    write where t.co links go into the embedded tweets of a page
  conformance  check a partner endpoint against the protocol

  The reference partner, which serves protocol v1 for products sold through your own Stripe
  account, is its own package: npx buy-tweet-partner (npm install @buy-tweet/partner).

  buy-tweet <command> --help shows a command's options; buy-tweet --version, the version.
  Exit status: 0 done, 1 failed (what failed goes to stderr), 2 a wrong call (with the usage).`;

/** The most stdin may hold: a page of embeds is far less, and a stream without end must not fill memory. */
const MAX_STDIN = 1024 * 1024;

/** Thrown for a wrong call: its message goes to stderr with the usage, and the exit code is 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

/** Thrown when a command fails: its message goes to stderr, and the exit code is 1. */
class Failure extends Error {}

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_STDIN)
      throw new UsageError(`buy-tweet: the input on stdin is over ${MAX_STDIN / 1024 / 1024} MB`, '');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

/** `args` parsed against `options` (and `--help`); unknown options and missing values are a UsageError. */
const parse = <T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) => {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`buy-tweet: ${(error as Error).message}`, usage);
  }
};

const runResolve = async (args: string[]) => {
  const { values, positionals } = parse(
    args,
    { endpoint: { type: 'string' }, 'oembed-endpoint': { type: 'string' } },
    RESOLVE_USAGE,
  );
  if (values.help) return void process.stdout.write(`${RESOLVE_USAGE}\n`);
  const [input, ...rest] = positionals;
  if (!input || rest.length) throw new UsageError('', RESOLVE_USAGE);
  let subject: unknown = input === '-' ? (await readStdin()).toString('utf8').trim() : input;
  if (typeof subject === 'string' && subject.startsWith('{')) {
    try {
      subject = JSON.parse(subject);
    } catch {
      throw new UsageError('buy-tweet: the input looks like JSON but is not valid JSON', '');
    }
  }
  const endpoints = { endpoint: values.endpoint, oembedEndpoint: values['oembed-endpoint'] };
  // What a flag names is the caller's choice, private or not: exactly those hosts may be asked.
  const allowHosts: string[] = [];
  for (const [flag, endpoint] of [
    ['--endpoint', endpoints.endpoint],
    ['--oembed-endpoint', endpoints.oembedEndpoint],
  ]) {
    if (endpoint === undefined) continue;
    const safe = safeEndpoint(endpoint);
    if (!safe) throw new UsageError(`buy-tweet: ${flag} must be an https URL (or http on loopback)`, RESOLVE_USAGE);
    allowHosts.push(new URL(safe).host);
  }
  try {
    const resolved = await resolve(subject, { ...endpoints, allowHosts });
    process.stdout.write(`${JSON.stringify(resolved, null, 2)}\n`);
  } catch (error) {
    if (error instanceof RefusedEndpointError) throw new UsageError(error.message, '');
    process.stderr.write(`${JSON.stringify({ error: failureDetail(error) }, null, 2)}\n`);
    process.exitCode = 1;
  }
};

const runLinks = async (args: string[]) => {
  const { values, positionals } = parse(args, { port: { type: 'string' }, host: { type: 'string' } }, LINKS_USAGE);
  if (values.help) return void process.stdout.write(`${LINKS_USAGE}\n`);
  const port = values.port === undefined ? 8790 : Number(values.port);
  if (positionals.length || !/^\d{1,5}$/.test(values.port ?? '0') || port > 65535) {
    throw new UsageError(
      positionals.length ? '' : `buy-tweet: --port takes 0 to 65535, not ${values.port}`,
      LINKS_USAGE,
    );
  }
  const host = values.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    process.stderr.write(
      `buy-tweet links: listening on ${host}, beyond this machine: anyone who can reach it can have it ask t.co.\n`,
    );
  }
  const server = await startLinkServer({ port, host }).catch((error: Error) => {
    throw new Failure(`buy-tweet links: cannot listen on ${host}:${port}: ${error.message}`);
  });
  const stop = () => void server.close().finally(() => process.exit());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${server.url}\n`);
};

const runExpand = async (args: string[]) => {
  const { values, positionals } = parse(args, { 'link-endpoint': { type: 'string' } }, EXPAND_USAGE);
  if (values.help) return void process.stdout.write(`${EXPAND_USAGE}\n`);
  const [file = '-', ...rest] = positionals;
  if (rest.length) throw new UsageError('', EXPAND_USAGE);
  let readLinksWith: ReadLinks = tcoReader();
  if (values['link-endpoint'] !== undefined) {
    const endpoint = safeEndpoint(values['link-endpoint']);
    if (!endpoint)
      throw new UsageError('buy-tweet: --link-endpoint must be an https URL (or http on loopback)', EXPAND_USAGE);
    readLinksWith = (links) => readLinks(endpoint, links);
  }
  const bytes =
    file === '-'
      ? await readStdin()
      : await readFile(file).catch((error: Error) => {
          throw new Failure(`buy-tweet: cannot read ${file}: ${error.message}`);
        });
  // A page that is not UTF-8 (windows-1252, say) is read one character per byte, so that it comes
  // back byte for byte: HTML's syntax and the inserted attributes are ASCII either way.
  const encoding = isUtf8(bytes) ? 'utf8' : 'latin1';
  const expanded = await expandEmbeds(bytes.toString(encoding), { readLinks: readLinksWith }).catch((error: Error) => {
    throw new Failure(`buy-tweet: the t.co links could not be read: ${error.message}`);
  });
  process.stdout.write(Buffer.from(expanded, encoding));
};

const runConformanceCommand = async (args: string[]) => {
  const options = {
    'product-url': { type: 'string', multiple: true },
    'no-orders': { type: 'boolean' },
    json: { type: 'boolean' },
  } as const;
  const { values, positionals } = parse(args, options, CONFORMANCE_USAGE);
  if (values.help) return void process.stdout.write(`${CONFORMANCE_USAGE}\n`);
  const [given, ...rest] = positionals;
  if (!given || rest.length) throw new UsageError('', CONFORMANCE_USAGE);
  const endpoint = safeEndpoint(given);
  if (!endpoint)
    throw new UsageError('buy-tweet: the endpoint must be an https URL (or http on loopback)', CONFORMANCE_USAGE);
  // A partner cannot list its catalogue: the lookup and order checks need links it sells.
  const productUrls = values['product-url'] ?? [];
  if (!productUrls.length)
    throw new UsageError(
      'buy-tweet: give at least one --product-url of a product the endpoint sells',
      CONFORMANCE_USAGE,
    );
  const bad = productUrls.find((link) => !/^https?:$/.test(parseUrl(link)?.protocol ?? ''));
  if (bad !== undefined)
    throw new UsageError(`buy-tweet: --product-url ${bad} is not an http(s) URL`, CONFORMANCE_USAGE);
  if (productUrls.length > 18)
    throw new UsageError(
      'buy-tweet: at most 18 --product-url (a lookup holds 20 links, 2 of them unknown ones)',
      CONFORMANCE_USAGE,
    );
  const report = await runConformance(endpoint, { productUrls, orders: !values['no-orders'] });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  if (report.failed) process.exitCode = 1;
};

// A wrong call since the partner left this package: the message says where it went, exit 2.
const runPartner = (): Promise<void> => Promise.reject(new UsageError(PARTNER_MOVED, ''));

const COMMANDS = new Map<string, (args: string[]) => Promise<void>>([
  ['resolve', runResolve],
  ['links', runLinks],
  ['expand', runExpand],
  ['conformance', runConformanceCommand],
  ['partner', runPartner],
]);

const main = async () => {
  const [command = '', ...args] = process.argv.slice(2);
  if (command === '--help' || command === '-h') return void process.stdout.write(`${USAGE}\n`);
  if (command === '--version' || command === '-v') return void process.stdout.write(`${version}\n`);
  const run = COMMANDS.get(command);
  try {
    if (!run) throw new UsageError(command ? `buy-tweet: no command ${command}` : '', USAGE);
    await run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${[error.message, error.usage].filter(Boolean).join('\n\n')}\n`);
      process.exitCode = 2;
    } else if (error instanceof Failure) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } else throw error;
  }
};

await main();
