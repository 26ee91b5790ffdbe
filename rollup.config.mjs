import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
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

export default [
  {
    input: 'dist/esm/loader.js',
    output: { file: 'dist/buy-tweet.js', format: 'iife', plugins: [minify(false)] },
  },
  {
    input: { 'buy-tweet.module': 'dist/esm/browser.js' },
    plugins: [nodeResolve({ browser: true }), minifyTemplates()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [minify(true)],
    },
  },
];
