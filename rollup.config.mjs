import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dirname, relative, resolve } from 'node:path';
import { minifyTemplates } from './scripts/minify-templates.mjs';

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

export default [
  {
    input: 'dist/esm/loader.js',
    output: { file: 'dist/buy-tweet.js', format: 'iife', plugins: [minify(false)] },
  },
  {
    input: { 'buy-tweet.module': 'dist/esm/browser.js' },
    plugins: [nodeResolve({ browser: true }), minifyTemplates(), chunkUrls()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [minify(true)],
    },
  },
];
