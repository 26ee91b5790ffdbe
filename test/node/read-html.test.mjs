// Node's reading of embed HTML (parse5): what resolve reads tweets with when there is no DOMParser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { readTweetHtml } from '../../dist/esm/node/read-html.js';

const module = new URL('../../dist/esm/node/read-html.js', import.meta.url).href;

/** `readTweetHtml(html)` in a worker whose stack is 1 MB, on which a recursive walk overflows. */
const readOnSmallStack = async (html) => {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.module).then(({ readTweetHtml }) => parentPort.postMessage(readTweetHtml(workerData.html)));`,
    { eval: true, resourceLimits: { stackSizeMb: 1 }, workerData: { module, html } },
  );
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
};

describe('readTweetHtml', () => {
  const tweet = (inner) =>
    `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Out today ${inner}</p>&mdash; The Band (@theband) ` +
    '<a href="https://twitter.com/theband/status/509074208133345280">September 8, 2014</a></blockquote>';

  test('reads links, text, language and byline', () => {
    const read = readTweetHtml(
      tweet('<a href="https://t.co/AbC123" title="https://gumroad.com/l/new-album">gumroad.com/l/new-album</a>'),
    );
    assert.deepEqual(read.links[0], {
      href: 'https://t.co/AbC123',
      text: 'gumroad.com/l/new-album',
      title: 'https://gumroad.com/l/new-album',
      expandedUrl: undefined,
    });
    assert.equal(read.links[1].href, 'https://twitter.com/theband/status/509074208133345280');
    assert.equal(read.text, 'Out today gumroad.com/l/new-album');
    assert.equal(read.lang, 'en');
    assert.equal(read.dir, 'ltr');
    assert.equal(read.byline, '— The Band (@theband) September 8, 2014');
  });

  test('reads a tweet nested 20,000 elements deep, around it and inside it, on a small stack', async () => {
    const depth = 20_000;
    const link = `${'<span>'.repeat(depth)}<a href="https://t.co/AbC123">gumroad.com/l/new-album</a>${'</span>'.repeat(depth)}`;
    const read = await readOnSmallStack(`${'<div>'.repeat(depth)}${tweet(link)}${'</div>'.repeat(depth)}`);
    assert.equal(read.links[0].href, 'https://t.co/AbC123');
    assert.equal(read.links[0].text, 'gumroad.com/l/new-album');
    assert.equal(read.text, 'Out today gumroad.com/l/new-album');
    assert.equal(read.byline, '— The Band (@theband) September 8, 2014');
  });
});
