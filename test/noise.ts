/**
 * No console noise (STYLE: "a test that logs an unexpected warning or error fails"): every browser
 * test file loads this, through `setup.ts` or directly. A console warning or error, an uncaught
 * error or an unhandled rejection during a test fails that test, unless a pattern below expects it.
 */
const noise: string[] = [];
const EXPECTED = [/Lit is in dev mode/, /Multiple versions of Lit loaded/];
const heard = (what: string) => {
  if (!EXPECTED.some((pattern) => pattern.test(what))) noise.push(what);
};

for (const level of ['warn', 'error'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    heard(`console.${level}: ${args.map(String).join(' ')}`);
    original(...args);
  };
}
addEventListener('error', (event) => heard(`uncaught error: ${event.message}`));
addEventListener('unhandledrejection', (event) => heard(`unhandled rejection: ${String(event.reason)}`));

afterEach(() => {
  const said = noise.splice(0);
  if (said.length) throw new Error(`Unexpected console output:\n${said.join('\n')}`);
});
