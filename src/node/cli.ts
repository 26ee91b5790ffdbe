#!/usr/bin/env node
/**
 * `npx buy-tweet resolve <tweet or product URL> [--endpoint URL] [--oembed-endpoint URL]`: the
 * machine-to-machine path of BuyTweet.resolve, from a shell. Prints `{partner, productUrl,
 * product}` as JSON; on failure prints `{"error": {code, message, step, status?}}` to stderr and
 * exits 1. `-` reads the input (a URL, embed HTML, or a tweet object as JSON) from stdin.
 */
import { BuyTweetError } from '../core/errors.js';
import { resolve } from '../resolve.js';

const USAGE = `Usage: buy-tweet resolve <tweet URL | product URL | -> [--endpoint URL] [--oembed-endpoint URL]

  <tweet URL>      https://twitter.com/{user}/status/{id} (or x.com), read through oEmbed
  <product URL>    a partner's product link, e.g. https://gumroad.com/l/new-album
  -                read a URL, embed HTML or a tweet object (JSON) from stdin
  --endpoint       the partner endpoint to ask instead of the partner's own
  --oembed-endpoint  where to read tweets (default https://publish.twitter.com/oembed)`;

const args = process.argv.slice(2);
const fail = (message: string, code = 2): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const parseOptions = () => {
  const options: { endpoint?: string; oembedEndpoint?: string } = {};
  for (const [flag, key] of [['endpoint', 'endpoint'], ['oembed-endpoint', 'oembedEndpoint']] as const) {
    const at = args.indexOf(`--${flag}`);
    const inline = args.find((arg) => arg.startsWith(`--${flag}=`));
    if (inline) {
      options[key] = inline.slice(flag.length + 3);
      args.splice(args.indexOf(inline), 1);
    } else if (at >= 0) {
      options[key] = args[at + 1] ?? fail(`--${flag} needs a URL\n\n${USAGE}`);
      args.splice(at, 2);
    }
  }
  return options;
};

const main = async () => {
  const options = parseOptions();
  const [command, input, ...rest] = args;
  if (command === '--help' || command === '-h') return void process.stdout.write(`${USAGE}\n`);
  if (command !== 'resolve' || !input || rest.length) fail(USAGE);
  let subject: unknown = input === '-' ? (await readStdin()).trim() : input;
  if (typeof subject === 'string' && subject.startsWith('{')) {
    try {
      subject = JSON.parse(subject);
    } catch {
      fail('buy-tweet: the input looks like JSON but is not valid JSON');
    }
  }
  try {
    const resolved = await resolve(subject, options);
    process.stdout.write(`${JSON.stringify(resolved, null, 2)}\n`);
  } catch (error) {
    const detail =
      error instanceof BuyTweetError ? error.toDetail() : { code: 'error', message: String(error), step: 'lookup' };
    process.stderr.write(`${JSON.stringify({ error: detail }, null, 2)}\n`);
    process.exitCode = 1;
  }
};

await main();
