// The minification of our Lit templates (rollup.config.mjs's `templates()`): the three cases the
// hand-written regex minifier it replaced got wrong, run through the plugin as the build configures
// it, and the built dist checked for the one of them a page would see.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { templates } from '../../rollup.config.mjs';

/**
 * `source` as a module of tsc's output (the path the build's filter takes), through the build's
 * template plugin; returns what its exports evaluate to, each tag joining strings and values as
 * Lit would render them.
 */
const minified = async (source) => {
  const id = '/virtual/dist/esm/cases.js';
  const tags =
    'const join = (strings, ...values) => strings.reduce((all, s, i) => all + values[i - 1] + s);\n' +
    'const html = join, css = join;\n';
  const bundle = await rollup({
    input: id,
    onwarn: (warning) => assert.fail(warning.message),
    plugins: [
      {
        name: 'cases',
        resolveId: (asked) => (asked === id ? id : null),
        load: (asked) => (asked === id ? tags + source : null),
      },
      templates(),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return import(`data:text/javascript,${encodeURIComponent(output[0].code)}`);
};

describe('the build minifies templates', () => {
  test('as a whole: white space next to an expression stays where it separates values', async () => {
    const { rule, shorthand } = await minified(`
      const gap = '4px';
      export const rule = css\`.a {
        margin: \${gap} auto;
        padding: 1px \${gap};
      }\`;
      export const shorthand = css\`.b { border: \${gap} solid \${'red'}; }\`;`);
    assert.equal(rule, '.a{margin:4px auto;padding:1px 4px}');
    assert.equal(shorthand, '.b{border:4px solid red}');
  });

  test('comments out, but /* */ inside a string kept', async () => {
    const { style, markup } = await minified(`
      export const style = css\`/* a note */ .b::before { content: "/* kept */"; } /* another */ .c { color: red }\`;
      export const markup = html\`<p title="a /* kept */ b">\${'x'}</p>\`;`);
    assert.match(style, /content:"\/\* kept \*\/"/);
    assert.doesNotMatch(style, /note|another/);
    assert.equal(markup, '<p title="a /* kept */ b">x</p>');
  });

  test("with one space between inline elements, and none at a block's edges", async () => {
    const { words, values, text } = await minified(`
      export const words = html\`<p>
          <b>one</b>
          <i>two</i>
        </p>\`;
      export const values = html\`<p><span>\${1}</span>   <strong>\${2}</strong>
        <button>\${3}</button> <button>\${4}</button></p>\`;
      export const text = html\`<p>— \${'The Band'}
        \${'<a>date</a>'}</p>\`;`);
    assert.equal(words, '<p><b>one</b> <i>two</i></p>');
    assert.equal(values, '<p><span>1</span> <strong>2</strong> <button>3</button> <button>4</button></p>');
    assert.equal(text, '<p>— The Band <a>date</a></p>');
  });
});

// Inline elements (those that lay out side by side in a line unless CSS says otherwise).
const INLINE =
  'a|abbr|b|bdi|bdo|button|cite|code|em|i|img|input|kbd|label|mark|q|s|samp|select|small|span|strong|sub|sup|time|u|var';

/** Each static piece of every template in a built file of dist. */
const pieces = async (file) => {
  const found = [];
  const walk = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TemplateLiteral') found.push(...node.quasis.map((quasi) => quasi.value.raw));
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value.type === 'string') walk(value);
    }
  };
  walk(parseAst(await readFile(new URL(`../../dist/${file}`, import.meta.url), 'utf8')));
  return found;
};

describe('the built dist (npm run build)', () => {
  test('keeps a space between inline elements that stand side by side in src', async () => {
    // No template in src glues two inline elements together (`</span><strong>`): each pair has
    // white space between, which renders as a space, so the build must keep one.
    const files = [
      'buy-tweet.module.js',
      ...(await readdir(new URL('../../dist/chunks/', import.meta.url))).map((name) => `chunks/${name}`),
    ];
    const glued = new RegExp(`</(?:${INLINE})><(?:${INLINE})\\b`, 'g');
    const spaced = new RegExp(`</(?:${INLINE})> <(?:${INLINE})\\b`, 'g');
    let pairs = 0;
    for (const file of files) {
      for (const piece of await pieces(file)) {
        assert.deepEqual(piece.match(glued) ?? [], [], `${file} glues inline elements together`);
        pairs += piece.match(spaced)?.length ?? 0;
      }
    }
    // The checkout's total (`<span>Total</span> <strong>…`) at least.
    assert.ok(pairs >= 1, `no spaced pair of inline elements found: is dist built?`);
    const checkout = files.find((file) => file.startsWith('chunks/checkout-'));
    const built = (await pieces(checkout)).join('${}');
    assert.match(built, /<\/span> <strong>/);
  });

  test("keeps the card's CSS and the error card's markup whole", async () => {
    // The card itself is drawn with the DOM (src/buy-tweet/card-view.ts): its markup is the
    // templates' of the chunks, the error card's first.
    const module = (await pieces('buy-tweet.module.js')).join('${}');
    assert.match(module, /:host\{[^}]*display:block/);
    assert.doesNotMatch(module, /TEMPLATE_EXPRESSION/);
    const chunks = await readdir(new URL('../../dist/chunks/', import.meta.url));
    const fallbacks = (await pieces(`chunks/${chunks.find((name) => name.startsWith('fallbacks-'))}`)).join('${}');
    assert.match(fallbacks, /<button part="retry-button" class="secondary" @click="?\$\{\}/);
    assert.doesNotMatch(fallbacks, /TEMPLATE_EXPRESSION/);
  });
});
