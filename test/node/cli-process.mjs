// The buy-tweet CLI as a real process, with t.co answered by the mock (tco-preload.mjs).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cli = fileURLToPath(new URL('../../dist/esm/node/cli.js', import.meta.url));
const preload = new URL('./tco-preload.mjs', import.meta.url).href;

/** `imports`: more modules to preload (URLs), after t.co's. */
const spawnCli = (args, imports = []) =>
  spawn(process.execPath, [...[preload, ...imports].flatMap((url) => ['--import', url]), cli, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });

/** Calls `check` until it gives something truthy, which it returns; fails after `timeout` ms. */
export const poll = async (check, { timeout = 10_000, what = 'the condition' } = {}) => {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** Runs `buy-tweet ...args` to its end, `input` on stdin: `{code, stdout, stderr, bytes}` (`bytes`: stdout's). */
export const runCli = (args, { input = '', imports } = {}) => {
  const child = spawnCli(args, imports);
  const out = [];
  let stderr = '';
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  // A process that refuses its input may close stdin before all of it is written.
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      const bytes = Buffer.concat(out);
      resolve({ code, stdout: bytes.toString('utf8'), stderr, bytes });
    }),
  );
};

/** What the preload logged: the t.co links the process asked, in order. */
const tcoRequests = (stderr) => [...stderr.matchAll(/^tco-preload: GET (\S+)$/gm)].map((match) => match[1]);

/**
 * Starts `buy-tweet links --port 0 ...args` and waits for the URL it prints. `stop()` sends
 * SIGTERM (SIGKILL if it is still there after 5 s) and gives `{code, signal}`.
 */
export const startLinksProcess = async (args = []) => {
  const child = spawnCli(['links', '--port', '0', ...args]);
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  exited.then(() => (gone = true));
  const url = await poll(
    () => {
      if (gone) throw new Error(`buy-tweet links ended before listening: ${stderr}`);
      return stdout.includes('\n') && stdout.split('\n')[0];
    },
    { what: 'buy-tweet links to print its URL' },
  );
  return {
    url,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    tcoRequests: () => tcoRequests(stderr),
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
};
