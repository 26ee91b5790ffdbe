import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyTemplates from '@lit-labs/rollup-plugin-minify-html-literals';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';

/**
 * The browser build, from tsc's output in dist/esm (so TypeScript compiles once):
 * - dist/buy-tweet.js: the classic loader a publisher adds with a <script> tag;
 * - dist/buy-tweet.module.js: the element, Lit included, plus lazily imported chunks (the checkout).
 */
const minify = (module) =>
  terser({
    module,
    ecma: 2022,
    compress: { passes: 2 },
    format: { comments: false },
  });

/**
 * The white space and comments of our own `html` and `css` templates (tsc's output in dist/esm, not
 * Lit's), taken out by Lit's own plugin: it minifies each template whole, expressions in place, with
 * an HTML minifier (html-minifier-next) that keeps the space between inline elements and a CSS
 * parser (lightningcss) that knows a string from a comment. A template it cannot parse fails the
 * build rather than ship unminified or broken. Exported for test/node/minify-templates.test.mjs.
 */
export const templates = () => minifyTemplates({ include: /\/dist\/esm\//, failOnError: true });

/**
 * `/* chunk-url *\/ '../checkout/checkout.js'` becomes the URL of the chunk that module went into,
 * so that code can ask for a chunk again under a URL of its own after a failed import (browsers
 * keep the failure of the first). Chunks are left as the dynamic imports made them: the marked
 * module is only looked up once they are.
 */
const chunkUrls = () => ({
  name: 'chunk-urls',
  transform(code, id) {
    if (!code.includes('/* chunk-url */')) return null;
    return code.replace(/\/\* chunk-url \*\/ (['"])([^'"]+)\1/g, (_, _quote, path) =>
      JSON.stringify(`chunk-url:${resolve(dirname(id), path)}`),
    );
  },
  renderChunk(code, chunk, _options, { chunks }) {
    if (!code.includes('"chunk-url:')) return null;
    return code.replace(/"chunk-url:([^"]+)"/g, (_, id) => {
      const target = Object.values(chunks).find((other) => other.facadeModuleId === id);
      if (!target) this.error(`chunk-url: no chunk holds ${id}`);
      return `new URL(${JSON.stringify(`./${relative(dirname(chunk.fileName), target.fileName)}`)}, import.meta.url).href`;
    });
  },
});

/**
 * Each lazy chunk is asked for with the chunks it imports, beside it rather than once it is here
 * (a browser learns a module's imports only from the module): a round trip fewer for each level,
 * which on a phone is 100 ms or more (`npm run bench:first`). The module a page loads first is
 * there already, and a word chunk imports nothing.
 */
const importsBeside = () => ({
  name: 'imports-beside',
  renderDynamicImport({ getTargetChunkImports }) {
    const beside = (getTargetChunkImports() ?? [])
      .filter((target) => target.type === 'internal' && !target.chunk.isEntry)
      .map(({ resolvedImportPath }) => `import(${resolvedImportPath})`);
    if (!beside.length) return null;
    return { left: 'Promise.all([import(', right: `), ${beside.join(', ')}]).then((modules) => modules[0])` };
  },
});

/** The languages of src/words/ (all but English, which is in the module). */
const LANGUAGES = ['de', 'es', 'fr', 'it', 'nl', 'pt-BR', 'ja', 'ko', 'zh-CN', 'zh-TW', 'ar', 'he'];

/**
 * Each language's words are a chunk of their own at a name the module can make from the
 * language (`chunks/words-de.js`): one `import()` with a template instead of a table of twelve
 * hashed names in every page's script. A stale words chunk only lacks new words, which English
 * stands in for.
 */
const wordChunks = () => ({
  name: 'word-chunks',
  options(options) {
    const input = { ...options.input };
    for (const language of LANGUAGES) input[`chunks/words-${language}`] = `dist/esm/words/${language}.js`;
    return { ...options, input };
  },
  transform(code, id) {
    if (!id.endsWith('/words/language.js')) return null;
    const marked = 'import(`./${';
    if (!code.includes(marked)) this.error('word-chunks: no import of a language in words/language.js');
    return code.replace(marked, 'import(`word-chunk:${');
  },
  // Relative to the chunk the import ended up in.
  renderChunk(code, chunk) {
    if (!code.includes('`word-chunk:')) return null;
    const prefix = relative(dirname(chunk.fileName), 'chunks') || '.';
    return code.replace('`word-chunk:', `\`${prefix.startsWith('.') ? prefix : `./${prefix}`}/words-`);
  },
});

/** dist/buy-tweet.css, the card's place before the script runs (src/buy-tweet.css), without its comments and spaces. */
const placeStylesheet = () => ({
  name: 'place-stylesheet',
  async generateBundle() {
    const css = await readFile('src/buy-tweet.css', 'utf8');
    const source = css
      .replace(/\/\*[^]*?\*\//g, '')
      .replace(/\s*([{}:;,()])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
    this.emitFile({ type: 'asset', fileName: 'buy-tweet.css', source: `${source}\n` });
  },
});

/**
 * Lit's own modules count as free of side effects: the card imports `ReactiveElement` and `css`
 * through `lit`, and draws with the DOM (src/buy-tweet/card-view.ts), so lit-html and LitElement go
 * into the chunks that draw with them (the error card, the checkout) rather than into the script
 * every page loads first. Their only effects at load are registering their versions for Lit's
 * development warnings, and lit-html's Trusted Types policy, which its templates use and so keep.
 */
const litModules = /\/node_modules\/(?:lit|lit-html|lit-element)\//;

export default [
  {
    input: 'dist/esm/loader.js',
    plugins: [placeStylesheet()],
    output: { file: 'dist/buy-tweet.js', format: 'iife', plugins: [minify(false)] },
  },
  {
    // Test mode only: the fake Stripe as a plain script (src/mock/fake-stripe-script.ts).
    input: 'dist/esm/mock/fake-stripe-script.js',
    output: { file: 'dist/mock/fake-stripe.js', format: 'iife', plugins: [minify(false)] },
  },
  {
    input: { 'buy-tweet.module': 'dist/esm/browser.js' },
    plugins: [nodeResolve({ browser: true }), templates(), chunkUrls(), wordChunks(), importsBeside()],
    treeshake: { moduleSideEffects: (id) => !litModules.test(id) },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [minify(true)],
    },
  },
];
