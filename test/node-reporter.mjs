// `npm run test:node`'s reporter: a dot per test file, each failure in full, and the closing lines
// of node's TAP reporter (`# tests N`, `# pass N`, `# fail N`...), which .ci/run adds up. What a
// test file prints (a crash, a stray log) is passed through as it comes.
import { relative } from 'node:path';
import { inspect } from 'node:util';

const indent = (text) => text.replace(/^/gm, '    ');

export default async function* nodeReporter(source) {
  /** Per file, the names of the suites and test under way, by nesting: a failure's full name. */
  const names = new Map();
  let dots = 0;
  const newline = () => (dots ? ((dots = 0), '\n') : '');
  for await (const { type, data } of source) {
    const file = data.file ? relative(process.cwd(), data.file) : '';
    if (type === 'test:start') {
      const path = names.get(file) ?? [];
      path.length = data.nesting;
      names.set(file, [...path, data.name]);
    } else if (type === 'test:complete' && data.nesting === 0 && data.name === data.file) {
      dots++;
      yield '.';
    } else if (type === 'test:stdout' || type === 'test:stderr') {
      yield newline() + data.message;
    } else if (type === 'test:fail' && data.details.error?.failureType !== 'subtestsFailed') {
      const { error } = data.details;
      const name =
        data.name === data.file ? '' : `${[...(names.get(file) ?? []).slice(0, data.nesting), data.name].join(' › ')} `;
      yield `${newline()}not ok ${name}(${file}${data.line ? `:${data.line}` : ''})\n${indent(inspect(error?.cause ?? error))}\n`;
    } else if (type === 'test:diagnostic' && data.nesting === 0) {
      yield `${newline()}# ${data.message}\n`;
    }
  }
  yield newline();
}
