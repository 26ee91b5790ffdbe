// `npx buy-tweet expand`: data-expanded-url written onto the t.co links of embedded tweets, and
// nothing else changed. t.co is the mock's, through msw: in this process (setupServer) for
// expandEmbeds, and through tco-preload.mjs for the CLI. Runs against the build.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parse } from 'parse5';
import { createPartnerMock, embedHtml, fixtureTweets, tcoLinks } from 'buy-tweet/mock';
import { expandEmbeds, tcoReader } from '../../dist/esm/node/expand.js';
import { runCli, startLinksProcess } from './cli-process.mjs';

/** The t.co links this process asked, since the last test. */
let asked = [];
const tco = setupServer(...createPartnerMock().handlers);
tco.events.on('request:start', ({ request }) => asked.push(request.url));
before(() => tco.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  tco.resetHandlers();
  asked = [];
});
after(() => tco.close());

const expand = (html) => expandEmbeds(html, { readLinks: tcoReader() });

const tweets = [fixtureTweets.newAlbum, fixtureTweets.walnutLamp, fixtureTweets.emoji];
const todays = (tweet) => embedHtml(tweet, { links: 'tco' });
const tcoOf = (tweet) =>
  tweet.text.filter((piece) => typeof piece === 'object' && 'tco' in piece).map((piece) => piece.tco);
const escaped = (value) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The attributes `output` adds to `input`, in order, as written: `output` must be `input` with
 * ` data-expanded-url="..."` put in at some places, and nothing else changed.
 */
const insertions = (input, output) => {
  const inserted = [];
  const attribute = / ?data-expanded-url="([^"]*)"/y;
  let i = 0;
  let j = 0;
  while (j < output.length) {
    if (input[i] === output[j]) {
      i++;
      j++;
      continue;
    }
    attribute.lastIndex = j;
    const match = attribute.exec(output);
    assert.ok(match, `output differs from input at ${i}: ${JSON.stringify(output.slice(j, j + 40))}`);
    inserted.push(match[1]);
    j = attribute.lastIndex;
  }
  assert.equal(i, input.length, 'output ends before input');
  return inserted;
};

/** Each `<a>` of the page: its href and data-expanded-url as a browser reads them. */
const anchors = (html) => {
  const found = [];
  const walk = (node) => {
    if (node.tagName === 'a') {
      const attribute = (name) => node.attrs.find((attr) => attr.name === name)?.value;
      found.push({ href: attribute('href'), expanded: attribute('data-expanded-url') });
    }
    for (const child of node.content?.childNodes ?? node.childNodes ?? []) walk(child);
  };
  walk(parse(html));
  return found;
};

const [album] = tcoOf(fixtureTweets.newAlbum);

describe('expandEmbeds', () => {
  test("writes where each t.co link of today's embed code goes, changing no other byte", async () => {
    const page = [
      '\uFEFF<!DOCTYPE html>\r\n<html lang="en"><head><meta charset="utf-8"><title>Shop &amp; news</title>',
      `<script>if (a < b) document.write('<blockquote class="twitter-tweet"><a href="${album}">x</a></blockquote>')</script>`,
      `<!-- <blockquote class="twitter-tweet"><a href="${album}"></a></blockquote> -->`,
      '</head>\r\n<body>\t<h1>Ünïcödé 🎸 &mdash; news</h1>',
      ...tweets.map(todays),
      `<textarea><blockquote class="twitter-tweet"><a href="${album}">x</a></blockquote></textarea>`,
      '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
      '</body></html>\n',
    ].join('\n');
    const output = await expand(page);
    const expected = tweets.flatMap(tcoOf).map((link) => escaped(new URL(tcoLinks[link]).href));
    assert.deepEqual(insertions(page, output), expected);
    // Each attribute sits on its own link.
    for (const { href, expanded } of anchors(output).filter((anchor) => anchor.href.startsWith('https://t.co/'))) {
      assert.equal(expanded, new URL(tcoLinks[href]).href, href);
    }
  });

  test('reads the links of blockquote.twitter-video and inside <template> too, each link once', async () => {
    const video = todays(fixtureTweets.newAlbum).replace('twitter-tweet', 'tw-align-center twitter-video');
    const page = `${video}<template><div>${todays(fixtureTweets.newAlbum)}</div></template>`;
    const output = await expand(page);
    assert.equal(insertions(page, output).length, 2);
    assert.deepEqual(asked, [album]);
  });

  test('leaves links outside embedded tweets alone, and does not ask about them', async () => {
    const page = [
      `<p>Out now: <a href="${album}">${album}</a></p>`,
      `<blockquote><a href="${album}">a quote that is no embedded tweet</a></blockquote>`,
      `<blockquote class="twitter-tweets"><a href="${album}">nor is this</a></blockquote>`,
      `<div class="twitter-tweet"><a href="${album}">nor this</a></div>`,
    ].join('\n');
    assert.equal(await expand(page), page);
    assert.deepEqual(asked, []);
  });

  test('keeps a data-expanded-url that is there, asking nothing for it', async () => {
    const page = `<blockquote class="twitter-tweet"><a href="${album}" data-expanded-url="https://example.com/kept">x</a> <a href="${album}" DATA-EXPANDED-URL="">y</a></blockquote>`;
    assert.equal(await expand(page), page);
    assert.deepEqual(asked, []);
  });

  test('leaves a link alone when t.co does not know it or fails, and writes the others', async () => {
    tco.use(
      http.get('https://t.co/Br0ken', () => HttpResponse.error()),
      http.get('https://t.co/B4dG4te', () => new HttpResponse(null, { status: 502 })),
    );
    const links = ['https://t.co/N0tAL1nk', 'https://t.co/Br0ken', 'https://t.co/B4dG4te', album];
    const page = `<blockquote class="twitter-tweet">${links.map((link) => `<a href="${link}">${link}</a>`).join(' ')}</blockquote>`;
    const output = await expand(page);
    assert.deepEqual(insertions(page, output), [escaped(new URL(tcoLinks[album]).href)]);
    assert.deepEqual(
      anchors(output).map((anchor) => anchor.expanded),
      [undefined, undefined, undefined, new URL(tcoLinks[album]).href],
    );
  });

  test('escapes the value, and writes only http(s) links', async () => {
    const values = {
      'https://t.co/Amp1': 'https://shop.example/p?a=1&b="<script>alert(1)</script>"',
      'https://t.co/Js1': 'javascript:alert(1)',
      'https://t.co/Data1': 'data:text/html,<script>alert(1)</script>',
      'https://t.co/Ftp1': 'ftp://files.example/x',
      'https://t.co/Rel1': '/relative',
      'https://t.co/Text1': 'not a link',
    };
    const readLinks = async (links) => new Map(links.map((link) => [link, values[link]]));
    const page = `<blockquote class="twitter-tweet">${Object.keys(values)
      .map((link) => `<a href="${link}">x</a>`)
      .join('')}</blockquote>`;
    const output = await expandEmbeds(page, { readLinks });
    const written = new URL(values['https://t.co/Amp1']).href;
    assert.deepEqual(insertions(page, output), [escaped(written)]);
    assert.match(output, /data-expanded-url="https:\/\/shop\.example\/p\?a=1&amp;b=/);
    assert.doesNotMatch(output, /<script/);
    assert.equal(anchors(output)[0].expanded, written);
  });

  test('puts the attribute inside the start tag however it is written', async () => {
    const page = `<blockquote class="twitter-tweet"><a href="${album}"/>self-closed</a>
      <A HREF=${album}/>unquoted, its slash part of the value</A>
      <a href='http://t.co/AbC123' >spaced, http</a>
      <a
        href="${album}/">on lines, with a slash</a></blockquote>`;
    const output = await expand(page);
    assert.equal(insertions(page, output).length, 4);
    assert.deepEqual(
      anchors(output).map((anchor) => anchor.expanded),
      Array.from({ length: 4 }, () => new URL(tcoLinks[album]).href),
    );
    assert.deepEqual(
      anchors(output).map((anchor) => anchor.href),
      anchors(page).map((anchor) => anchor.href),
    );
  });

  test('walks a page nested 5,000 deep on a small stack', async () => {
    // A 1 MB stack, on which a recursive walk of this page overflows; the reading walk must not.
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.module).then(async ({ expandEmbeds }) => {
        const links = async (asked) => new Map(asked.map((link) => [link, workerData.to]));
        parentPort.postMessage(await expandEmbeds(workerData.page, { readLinks: links }));
      });`,
      {
        eval: true,
        resourceLimits: { stackSizeMb: 1 },
        workerData: {
          module: new URL('../../dist/esm/node/expand.js', import.meta.url).href,
          page: `${'<div>'.repeat(5000)}${todays(fixtureTweets.newAlbum)}${'</div>'.repeat(5000)}`,
          to: tcoLinks[album],
        },
      },
    );
    const output = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    assert.equal(output.match(/data-expanded-url=/g)?.length, 1);
  });
});

describe('buy-tweet expand', () => {
  const page = `<!doctype html><main>\n${tweets.map(todays).join('\n')}</main>\n`;
  const expected = tweets.flatMap(tcoOf).map((link) => escaped(new URL(tcoLinks[link]).href));

  test('expands stdin onto stdout, asking t.co', async () => {
    const { code, stdout, stderr } = await runCli(['expand', '-'], { input: page });
    assert.equal(code, 0, stderr);
    assert.deepEqual(insertions(page, stdout), expected);
    assert.equal((stderr.match(/^tco-preload: GET /gm) ?? []).length, new Set(tweets.flatMap(tcoOf)).size);
  });

  test('expands a file, or through a link endpoint with --link-endpoint', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'buy-tweet-expand-'));
    const links = await startLinksProcess();
    try {
      const file = join(folder, 'page.html');
      await writeFile(file, page);
      const fromFile = await runCli(['expand', file]);
      assert.equal(fromFile.code, 0, fromFile.stderr);
      assert.deepEqual(insertions(page, fromFile.stdout), expected);

      const through = await runCli(['expand', file, '--link-endpoint', links.url]);
      assert.equal(through.code, 0, through.stderr);
      assert.deepEqual(insertions(page, through.stdout), expected);
      assert.doesNotMatch(through.stderr, /tco-preload/);
      assert.equal(links.tcoRequests().length, new Set(tweets.flatMap(tcoOf)).size);
    } finally {
      await links.stop();
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('gives a page that is not UTF-8 back byte for byte', async () => {
    // windows-1252: "café — “quoted”", with bytes that are no UTF-8.
    const latin = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x97, 0x20, 0x93, 0x71, 0x94]);
    const input = Buffer.concat([Buffer.from('<p>'), latin, Buffer.from(`</p>${page}`), latin]);
    const { code, bytes, stderr } = await runCli(['expand'], { input });
    assert.equal(code, 0, stderr);
    assert.deepEqual(insertions(input.toString('latin1'), bytes.toString('latin1')), expected);
  });

  test('refuses stdin over 1 MB, exit 2, and takes 1 MB', async () => {
    const over = await runCli(['expand'], { input: `${todays(fixtureTweets.newAlbum)}${' '.repeat(1024 * 1024)}` });
    assert.equal(over.code, 2);
    assert.equal(over.stdout, '');
    assert.match(over.stderr, /over 1 MB/);
    const full = `${todays(fixtureTweets.newAlbum)}`.padEnd(1024 * 1024, ' ');
    const taken = await runCli(['expand'], { input: full });
    assert.equal(taken.code, 0, taken.stderr);
    assert.equal(insertions(full, taken.stdout).length, 1);
  });

  test('--help on stdout, exit 0; a wrong call exit 2; a file it cannot read exit 1', async () => {
    const help = await runCli(['expand', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: buy-tweet expand \[file \| -\] \[--link-endpoint URL\]/);
    for (const args of [
      ['a.html', 'b.html'],
      ['--link-endpoint'],
      ['--link-endpoint', 'http://links.example/'],
      ['--force'],
    ]) {
      const wrong = await runCli(['expand', ...args]);
      assert.equal(wrong.code, 2, args.join(' '));
      assert.match(wrong.stderr, /Usage: buy-tweet expand/);
    }
    const missing = await runCli(['expand', join(tmpdir(), 'no-such-page.html')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read/);
  });
});
