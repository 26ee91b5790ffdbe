/**
 * `npm run lint` runs this too: no file of code over 450 lines, so that each room can be read at
 * one sitting. Word lists and fixtures are tables, not rooms: they may be longer.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINES = 450;
const CODE = /\.(ts|tsx|mjs|js|css|html)$/;
const TABLES = [/^src\/words\//, /^src\/mock\/stripe\/words\.ts$/, /^src\/mock\/fixtures\.ts$/];

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => CODE.test(file) && !TABLES.some((table) => table.test(file)) && file !== 'mockServiceWorker.js');
const over = files
  .map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length - 1 }))
  .filter(({ lines }) => lines > MAX_LINES);
for (const { file, lines } of over)
  console.error(`${file}: ${lines} lines, over ${MAX_LINES}: split it along its seams`);
if (over.length) process.exit(1);
console.log(`rooms: ${files.length} files of code, none over ${MAX_LINES} lines`);
