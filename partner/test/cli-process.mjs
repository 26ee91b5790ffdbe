// `npx buy-tweet-partner` as a real process, for the tests that need one (several processes on one
// data folder, what it says on stderr as it starts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
export const catalog = fileURLToPath(new URL('../../examples/partner/catalog.json', import.meta.url));

/** Every process started and not yet ended, so that a test that fails leaves none running. */
const running = new Set();

/** Stops every process still running (SIGTERM), as each file's afterEach. */
export const stopAll = () => Promise.all([...running].map((partner) => partner.stop()));

/**
 * Starts the bin with `args`, its keys set (a webhook secret too, unless `env` unsets it) and
 * `env`. `listening` gives its endpoint once printed, or rejects with stderr when it ends first;
 * `ended` gives its exit status; `output` holds what it has printed so far.
 */
export const startCli = (args, env = {}) => {
  const child = spawn(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: Object.fromEntries(
      Object.entries({
        PATH: process.env.PATH,
        STRIPE_SECRET_KEY: 'sk_test_cli_secret_0123456789',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_cli',
        STRIPE_WEBHOOK_SECRET: 'whsec_cli',
        ...env,
      }).filter(([, value]) => value !== undefined),
    ),
  });
  const output = { stdout: '', stderr: '' };
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output.stderr += chunk));
  const ended = new Promise((resolve) => child.once('close', (code) => resolve(code)));
  const listening = new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output.stdout += chunk;
      if (output.stdout.includes('\n')) resolve(output.stdout.split('\n')[0]);
    });
    void ended.then((code) => reject(new Error(`It ended (${code}) before listening: ${output.stderr}`)));
  });
  // Awaited by the tests that expect it to listen; the others must not see it as unhandled.
  listening.catch(() => {});
  const partner = {
    child,
    output,
    ended,
    listening,
    /** SIGTERM, as a merchant's process manager stops it: its exit status. */
    stop: () => {
      child.kill('SIGTERM');
      return ended;
    },
  };
  running.add(partner);
  void ended.then(() => running.delete(partner));
  return partner;
};
