/**
 * `npm run size`: the bytes a publisher's page loads before the first card shows (the stylesheet,
 * the loader and the module it imports, with everything that module imports statically), gzipped, and the lazy
 * chunks apart. Run after `npm run build`. Over the budget, it fails (CI runs it).
 */
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/**
 * The most an English page may load before its first card, in KB (1024 bytes) gzip: 14.60 KB when
 * issue 9 set it (with issue 8's answer caps and the loader's module-script warning in), plus the
 * 0.3 KB that issue grants the words of every language; plus the 0.3 KB issue 14 grants tweets that
 * widgets.js renders and the stylesheet that holds the card's place (0.17 KB of it): 15.2 KB. Issue
 * 18 set the goal of 12.0 KB and lowered it to 11.3 KB (a card for a product link: 11.26 KB): the
 * reading of tweets (embed code, t.co, widgets.js's iframe, tweet objects), the checkout's side of
 * the element and the reading of failed answers went into chunks, and the card is drawn with the
 * DOM by a ReactiveElement, so that lit-html comes with the chunks that draw with it
 * (docs/contributors/architecture.md, Size). Asking for each chunk's own imports beside it
 * (`importsBeside` in rollup.config.mjs) costs 0.08 KB of it, and saves a phone a round trip
 * before the first card of embed code and before a cold checkout; the selectors that tell whether
 * an element holds a tweet (core/tweet-markup.ts) 0.02 KB. Raising it takes a reason, written here.
 */
const BUDGET_KB = 11.3;

const dist = new URL('../dist/', import.meta.url);
const gzip = async (file) => {
  const bytes = await readFile(new URL(file, dist));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString() };
};

/** `file` and every file it imports statically, not counting those in `known`. */
const closure = async (file, known = []) => {
  const files = [];
  const queue = [file];
  while (queue.length) {
    const next = queue.shift();
    if ([...known, ...files].some((entry) => entry.file === next)) continue;
    const entry = await gzip(next);
    files.push(entry);
    for (const [, spec] of entry.text.matchAll(/(?:^|[;}])\s*import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
      queue.push(new URL(spec, new URL(next, 'file:///')).pathname.slice(1));
    }
  }
  return files;
};

// The stylesheet that holds the card's place (the README's setup links it), the loader, and the
// static imports of the module entry: those load before the element can run, and are all a card
// for a product link needs.
const first = [await gzip('buy-tweet.css'), await gzip('buy-tweet.js'), ...(await closure('buy-tweet.module.js'))];
const chunks = await readdir(new URL('chunks/', dist)).catch(() => []);
// A card for a tweet's embed code also reads the tweet first (buy-tweet/reading.ts).
const readingFile = chunks.find((name) => name.startsWith('reading-'));
const reading = readingFile ? await closure(`chunks/${readingFile}`, first) : [];
const lazy = [];
for (const name of chunks) {
  const file = `chunks/${name}`;
  if (![...first, ...reading].some((entry) => entry.file === file)) lazy.push(await gzip(file));
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const row = ({ file, raw, gzip }) => `  ${file.padEnd(40)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzip`;
console.log('Before the first card:');
first.forEach((entry) => console.log(row(entry)));
const total = first.reduce((sum, entry) => sum + entry.gzip, 0);
console.log(`  ${'total'.padEnd(40)} ${''.padStart(10)} ${kb(total).padStart(10)} gzip`);
const withTweet = total + reading.reduce((sum, entry) => sum + entry.gzip, 0);
console.log("Before the first card of a tweet's embed code, also (and the link endpoint's answer for its t.co links):");
reading.forEach((entry) => console.log(row(entry)));
console.log(`  ${'total'.padEnd(40)} ${''.padStart(10)} ${kb(withTweet).padStart(10)} gzip`);
// A German and a Japanese element on an English page: the words runtime once, each language once.
const languages = lazy.filter(({ file }) => /^chunks\/(?:language-|words-(?:de|ja)\.js)/.test(file));
const withLanguages = total + languages.reduce((sum, entry) => sum + entry.gzip, 0);
console.log(`With a German and a Japanese card (${languages.map(({ file }) => file).join(', ')}):`);
console.log(`  ${'total'.padEnd(40)} ${''.padStart(10)} ${kb(withLanguages).padStart(10)} gzip`);
if (lazy.length) {
  console.log('Loaded on intent:');
  lazy.forEach((entry) => console.log(row(entry)));
}
if (process.argv.includes('--json'))
  console.log(
    JSON.stringify({
      firstCard: total,
      firstTweetCard: withTweet,
      lazy: lazy.map(({ file, gzip }) => ({ file, gzip })),
    }),
  );
if (total > BUDGET_KB * 1024) {
  console.error(
    `Over budget: a page loads ${kb(total)} gzip before its first card, more than the ${BUDGET_KB.toFixed(2)} KB ` +
      'allowed (BUDGET_KB in scripts/size.mjs). Make the first card smaller, or move code to a lazy chunk.',
  );
  process.exit(1);
}
console.log(`Within the budget of ${BUDGET_KB.toFixed(2)} KB gzip.`);
