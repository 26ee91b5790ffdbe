/**
 * A rollup plugin that squeezes the white space (and CSS comments) out of our own `css` and `html`
 * tagged templates: indentation and notes in source are free, in the script a publisher loads they
 * are not.
 */
const squeezeCss = (text) =>
  text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

// Between tags only: white space inside text stays one space, so words never run together.
const squeezeHtml = (text) => text.replace(/\s+/g, ' ').replace(/>\s+</g, '><');

const walk = (node, visit) => {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value.type === 'string') walk(value, visit);
  }
};

export const minifyTemplates = ({ include = /\/dist\/esm\// } = {}) => ({
  name: 'minify-templates',
  transform(code, id) {
    if (!include.test(id) || !/\b(css|html) ?`/.test(code)) return null;
    const edits = [];
    walk(this.parse(code), (node) => {
      if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
      const squeeze = { css: squeezeCss, html: squeezeHtml }[node.tag.name];
      if (!squeeze) return;
      for (const quasi of node.quasi.quasis) {
        edits.push({ start: quasi.start, end: quasi.end, text: squeeze(quasi.value.raw) });
      }
    });
    edits.sort((a, b) => b.start - a.start);
    for (const { start, end, text } of edits) code = code.slice(0, start) + text + code.slice(end);
    return { code, map: null };
  },
});
