/**
 * React ships CommonJS only, which a browser does not import. For the browser tests (and only
 * them), `react`, `react-dom/client` and `react/jsx-runtime` are served as ES modules re-exporting
 * one bundle esbuild makes of all three, so the page holds one copy of React, as an app's bundler
 * would give it.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRIES = ['react', 'react-dom/client', 'react/jsx-runtime'];
const PREFIX = '/__react/';
const BUNDLE = `${PREFIX}bundle.js`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A web-test-runner plugin. */
export const reactModules = () => {
  let bundle;
  const makeBundle = () =>
    build({
      stdin: {
        contents: ENTRIES.map((entry, index) => `export * as m${index} from '${entry}';`).join('\n'),
        resolveDir: ROOT,
      },
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'error',
      // React's development build: its warnings reach the console, where a test hears them.
      define: { 'process.env.NODE_ENV': '"development"' },
    }).then((result) => result.outputFiles[0].text);
  return {
    name: 'react-modules',
    resolveImport({ source }) {
      if (ENTRIES.includes(source)) return `${PREFIX}${source}.js`;
    },
    async serve({ path }) {
      if (path === BUNDLE) return { body: await (bundle ??= makeBundle()), type: 'js' };
      const index = ENTRIES.indexOf(path.slice(PREFIX.length, -'.js'.length));
      if (!path.startsWith(PREFIX) || index < 0) return;
      // The names its CommonJS exports at run time, as Node tells them (in a process of its own:
      // React's development build wraps the console it loads under).
      const names = execFileSync(
        process.execPath,
        ['-p', `Object.keys(require(${JSON.stringify(ENTRIES[index])})).join(' ')`],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, NODE_ENV: 'production' },
        },
      )
        .split(/\s+/)
        .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
      return {
        body: `import { m${index} as entry } from '${BUNDLE}';\nexport default entry;\nexport const { ${names.join(', ')} } = entry;\n`,
        type: 'js',
      };
    },
  };
};
