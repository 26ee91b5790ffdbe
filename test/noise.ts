/**
 * No console noise (STYLE: "a test that logs an unexpected warning or error fails"): every browser
 * test file loads this, through `setup.ts` or directly. A console warning or error, an uncaught
 * error or an unhandled rejection during a test fails that test, unless a pattern below expects it.
 */
const noise: string[] = [];
const EXPECTED = [/Lit is in dev mode/];
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

/**
 * Lit warns "Multiple versions of Lit loaded" once per page, in a microtask of its module's first
 * run: in a test file that imports Lit before this module, before anything here listens. So the
 * versions each part of Lit registers on the page are checked as well: one copy of each.
 */
const LIT_VERSIONS = ['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions'] as const;
const litCopies = () =>
  LIT_VERSIONS.flatMap((name) => {
    const versions = (globalThis as { [key: string]: unknown })[name];
    return Array.isArray(versions) && versions.length > 1 ? [`${name}: ${versions.join(', ')}`] : [];
  });

let litChecked = false;

afterEach(() => {
  const copies = litCopies();
  // Once, like Lit's warning: the first test after the second copy came fails, not every one after.
  if (copies.length && !litChecked) heard(`Multiple versions of Lit loaded (${copies.join('; ')})`);
  litChecked ||= copies.length > 0;
  const said = noise.splice(0);
  if (said.length) throw new Error(`Unexpected console output:\n${said.join('\n')}`);
});
