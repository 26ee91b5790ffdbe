// One writer per data folder (docs/partners/reference-partner.md): a second process on a folder
// another holds stops with exit 2 and says which folder and which process; once the first has gone,
// the next starts; a lock whose process is gone is taken over, and said so. A PostgreSQL server
// takes no lock: several processes share it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { openStore } from '@buy-tweet/partner';
import { startStripeApi } from '@buy-tweet/partner/test-kit';
import { catalog, startCli, stopAll } from './cli-process.mjs';
import { storeKinds } from './harness.mjs';

const LOCK = 'buy-tweet-partner.lock';
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pid of a process that has ended: a lock naming it is stale. */
const deadPid = async () => {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'close');
  return child.pid;
};

describe('one process per data folder', () => {
  let stripe;
  let root;
  before(async () => {
    stripe = await startStripeApi();
    root = await mkdtemp(join(tmpdir(), 'buy-tweet-lock-'));
  });
  afterEach(stopAll);
  after(async () => {
    await stripe.close();
    await rm(root, { recursive: true, force: true });
  });

  test('a second process on a held folder exits 2 naming the folder and the holder; after the first exits, the next starts', async () => {
    const folder = join(root, 'shared');
    const args = ['--catalog', catalog, '--port', '0', '--data', folder];
    const env = { STRIPE_API_BASE: stripe.apiBase };
    const first = startCli(args, env);
    await first.listening;
    assert.deepEqual(JSON.parse(await readFile(join(folder, LOCK), 'utf8')), {
      pid: first.child.pid,
      host: hostname(),
    });

    const second = startCli(args, env);
    assert.equal(await second.ended, 2);
    assert.match(
      second.output.stderr,
      new RegExp(`data folder ${escape(folder)} is in use by process ${first.child.pid}`),
    );
    assert.match(second.output.stderr, /DATABASE_URL/);
    assert.equal(second.output.stdout, '');

    assert.equal(await first.stop(), 0);
    assert.equal(existsSync(join(folder, LOCK)), false, 'the lock goes with its process');
    const third = startCli(args, env);
    await third.listening;
    assert.equal(third.output.stderr, '');
    assert.equal(await third.stop(), 0);
  });

  test('a lock left by a process that no longer runs is taken over, and said so', async () => {
    const folder = join(root, 'stale');
    await mkdir(folder, { recursive: true });
    const pid = await deadPid();
    await writeFile(join(folder, LOCK), JSON.stringify({ pid, host: hostname() }));
    const partner = startCli(['--catalog', catalog, '--port', '0', '--data', folder], {
      STRIPE_API_BASE: stripe.apiBase,
    });
    await partner.listening;
    assert.match(
      partner.output.stderr,
      new RegExp(`took over the data folder ${escape(folder)}: its lock named process ${pid}, which no longer runs`),
    );
    assert.equal(JSON.parse(await readFile(join(folder, LOCK), 'utf8')).pid, partner.child.pid);
    assert.equal(await partner.stop(), 0);
  });
});

/** The error a store's opening fails with; a store that opens is closed, and is no error. */
const refusal = (opening) =>
  opening.then(
    (store) => store.close().then(() => new Error('It opened')),
    (error) => error,
  );

describe('the lock of an embedded store', () => {
  let root;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'buy-tweet-lock-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('a folder is opened once at a time in a process too, and free again once its store closes', async () => {
    const dataDir = join(root, 'twice');
    const store = await openStore({ dataDir });
    const error = await refusal(openStore({ dataDir }));
    await store.close();
    assert.equal(error.name, 'DataFolderInUse');
    assert.match(error.message, new RegExp(`in use by this process \\(${process.pid}\\)`));
    assert.equal(existsSync(join(dataDir, LOCK)), false);
    await (await openStore({ dataDir })).close();
  });

  test("a lock naming this process's pid that it does not hold is a past life's (a container's pid 1): taken over", async () => {
    const dataDir = join(root, 'past-life');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, LOCK), JSON.stringify({ pid: process.pid, host: hostname() }));
    const notices = [];
    const store = await openStore({ dataDir, notice: (message) => notices.push(message) });
    assert.equal(notices.length, 1);
    assert.match(notices[0], /took over the data folder/);
    await store.close();
  });

  test('a lock from another machine is not guessed at: refused, naming the machine', async () => {
    const dataDir = join(root, 'elsewhere');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, LOCK), JSON.stringify({ pid: 4242, host: 'other-machine' }));
    assert.match(
      (await refusal(openStore({ dataDir }))).message,
      /in use by process 4242 on other-machine \(if it no longer runs, remove the lock\)/,
    );
  });

  test('memory:// takes no lock', async () => {
    const stores = [await openStore({ dataDir: 'memory://' }), await openStore({ dataDir: 'memory://' })];
    await Promise.all(stores.map((store) => store.close()));
  });

  for (const kind of storeKinds.filter(({ name }) => name === 'PostgreSQL')) {
    test('several stores share one PostgreSQL server, with no lock', async () => {
      const options = await kind.options();
      const stores = [await openStore(options), await openStore(options)];
      await Promise.all(stores.map((store) => store.close()));
    });
  }
});
