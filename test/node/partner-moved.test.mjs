// `npx buy-tweet partner` since the reference partner became its own package: it says where the
// partner went, as a wrong call does (stderr, exit 2), whatever flags it is given.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './cli-process.mjs';

test('buy-tweet partner names @buy-tweet/partner and its bin, exit 2', async () => {
  for (const args of [['partner'], ['partner', '--catalog', 'catalog.json', '--port', '0'], ['partner', '--help']]) {
    const { code, stdout, stderr } = await runCli(args);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stdout, '');
    assert.match(stderr, /npx buy-tweet-partner \[--catalog FILE\] \[--port N\] \[--host H\] \[--data DIR\]/);
    assert.match(stderr, /npm install @buy-tweet\/partner/);
  }
});

test('buy-tweet --help lists no partner command, and says where the partner is', async () => {
  const { code, stdout } = await runCli(['--help']);
  assert.equal(code, 0);
  assert.doesNotMatch(stdout, /buy-tweet partner/);
  assert.match(stdout, /npx buy-tweet-partner \(npm install @buy-tweet\/partner\)/);
});
