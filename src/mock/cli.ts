/**
 * `npm run mock-server`: the mock partner on 127.0.0.1. Port from `--port N` (or `--port=N`), else
 * `PORT`, else 8788; `--port 0` picks a free one. `--host` changes the address.
 */
import { startMockPartnerServer } from './server.js';

const option = (name: string): string | undefined => {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1];
};

const portText = option('port') ?? process.env.PORT ?? '8788';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) {
  console.error(`buy-tweet mock partner: "${portText}" is not a port number`);
  process.exit(2);
}

try {
  const running = await startMockPartnerServer({ port, host: option('host') ?? '127.0.0.1' });
  const endpoints = Object.entries(running.endpoints)
    .map(([id, endpoint]) => `${id}: ${endpoint}`)
    .join(', ');
  console.log(`buy-tweet mock partner on ${running.url} (${endpoints})`);
  console.log(`oEmbed: ${running.url}/oembed?url=...  link endpoint: ${running.url}/links  Stop with Ctrl+C.`);
  console.log(`widgets.js stand-in: ${running.url}/widgets.js`);

  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`buy-tweet mock partner: ${(error as Error).message}`);
  process.exit(1);
}
