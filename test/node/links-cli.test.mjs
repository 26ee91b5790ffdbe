// `npx buy-tweet links`: the link endpoint served on Node by the real CLI process, whose t.co is
// the mock's (tco-preload.mjs). Runs against the build.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fixtureTweets, tcoLinks, tweetUrl } from 'buy-tweet/mock';
import { runCli, startLinksProcess } from './cli-process.mjs';

const [first, second] = Object.keys(tcoLinks);

describe('buy-tweet links', () => {
  let links;
  before(async () => {
    links = await startLinksProcess();
  });
  after(() => links?.stop());

  const ask = (urls, init) =>
    fetch(`${links.url}?${urls.map((url) => `url=${encodeURIComponent(url)}`).join('&')}`, init);

  test('prints the URL it listens on, on loopback, as its one line of output', () => {
    assert.match(links.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(new URL(links.url).port, '0');
    assert.equal(links.stdout, `${links.url}\n`);
    assert.doesNotMatch(links.stderr, /beyond this machine/);
  });

  test('answers where t.co links go, asking t.co, with CORS and a lasting Cache-Control', async () => {
    const response = await ask([first, second]);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const maxAge = /\bmax-age=(\d+)/.exec(response.headers.get('cache-control') ?? '');
    assert.ok(maxAge && Number(maxAge[1]) >= 86400, response.headers.get('cache-control'));
    assert.deepEqual((await response.json()).links, [
      { url: first, expandedUrl: new URL(tcoLinks[first]).href },
      { url: second, expandedUrl: new URL(tcoLinks[second]).href },
    ]);
    assert.deepEqual(links.tcoRequests(), [first, second]);
  });

  test("answers a tweet's oEmbed, asked of publish.twitter.com (the mock's), and refuses other hosts", async () => {
    const tweet = tweetUrl(fixtureTweets.newAlbum);
    const response = await fetch(`${links.url}?tweet=${encodeURIComponent(tweet)}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=86400');
    assert.equal((await response.json()).url, tweet);
    const other = await fetch(`${links.url}?tweet=${encodeURIComponent('https://evil.example/theband/status/1')}`);
    assert.equal(other.status, 400);
    assert.equal((await other.json()).error.code, 'invalid_request');
  });

  test('refuses no url and 21 urls with a 400, with CORS', async () => {
    for (const urls of [[], Array.from({ length: 21 }, () => first)]) {
      const response = await ask(urls);
      assert.equal(response.status, 400, `${urls.length} urls`);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal((await response.json()).error.code, 'invalid_request');
    }
  });

  test('answers POST with a 405, and preflights with a 204', async () => {
    const post = await ask([first], { method: 'POST', body: 'x'.repeat(10_000) });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, OPTIONS');
    const preflight = await ask([first], { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  });

  test('refuses a request URL longer than any link-endpoint request with a 414', async () => {
    const response = await fetch(`${links.url}?url=${'a'.repeat(5000)}`);
    assert.equal(response.status, 414);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });

  test('stops on SIGTERM, and no longer answers', async () => {
    const asked = links.tcoRequests().length;
    assert.deepEqual(await links.stop(), { code: 0, signal: null });
    await assert.rejects(ask([first]));
    assert.equal(links.tcoRequests().length, asked);
  });
});

describe('buy-tweet links, called otherwise', () => {
  test('warns on stderr when it listens beyond loopback', async () => {
    const links = await startLinksProcess(['--host', '0.0.0.0']);
    try {
      assert.match(links.stderr, /0\.0\.0\.0, beyond this machine/);
    } finally {
      await links.stop();
    }
  });

  test('prints its usage for --help (exit 0), and for a wrong call on stderr (exit 2)', async () => {
    const help = await runCli(['links', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: buy-tweet links \[--port N\] \[--host H\]/);
    for (const args of [['--port', 'eighty'], ['--port', '70000'], ['--verbose'], ['extra']]) {
      const wrong = await runCli(['links', ...args]);
      assert.equal(wrong.code, 2, args.join(' '));
      assert.equal(wrong.stdout, '');
      assert.match(wrong.stderr, /Usage: buy-tweet links/);
    }
  });

  test('says which commands there are for --help, and its exit statuses, exit 0', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    for (const command of ['resolve', 'links', 'expand'])
      assert.match(help.stdout, new RegExp(`buy-tweet ${command} `));
    assert.match(help.stdout, /Exit status: 0 done, 1 failed .*, 2 a wrong call/);
    for (const command of ['resolve', 'expand']) {
      const own = await runCli([command, '--help']);
      assert.equal(own.code, 0, command);
      assert.match(own.stdout, new RegExp(`^Usage: buy-tweet ${command} `), command);
    }
  });

  test('says its version for --version, exit 0', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const version = await runCli([flag]);
      assert.equal(version.code, 0);
      assert.equal(version.stdout, `${pkg.version}\n`);
    }
  });
});
