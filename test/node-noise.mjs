// The Node tests' noise policy, as the browser's (test/noise.ts): `npm run test:node` preloads this
// into every test file, so a console warning or error, or an unhandled rejection, fails the test
// it happens in. A test that expects a warning replaces console.warn itself.
import { afterEach } from 'node:test';

const noise = [];
for (const level of ['warn', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    noise.push(`console.${level}: ${args.map(String).join(' ')}`);
    original(...args);
  };
}
process.on('unhandledRejection', (reason) => noise.push(`unhandled rejection: ${String(reason)}`));

afterEach(() => {
  const said = noise.splice(0);
  if (said.length) throw new Error(`Unexpected console output:\n${said.join('\n')}`);
});
