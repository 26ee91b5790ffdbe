/**
 * One writer per data folder. The embedded PostgreSQL (PGlite) runs inside the process that opens
 * it and knows nothing of any other: two processes on one folder each believe they own it, so an
 * Idempotency-Key can make two orders, and what one writes the other overwrites. ./store.ts takes
 * this lock before it opens a folder; a PostgreSQL server (`DATABASE_URL`) needs none, since the
 * server keeps its clients apart.
 *
 * The lock is a file in the folder, created with `O_CREAT | O_EXCL` (Node's `wx` flag: only one
 * process can create it), holding the holder's pid and host. It goes when its store closes or its
 * process exits. A lock whose process is gone (killed, crashed) is taken over, and said so.
 */
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'buy-tweet-partner.lock';

/** Another process holds the folder: the message says which folder and which process. */
export class DataFolderInUse extends Error {
  override name = 'DataFolderInUse';
}

export interface DataLock {
  /** The lock file. */
  path: string;
  /** Removes the lock, if this process still holds it. */
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
}

/** The lock files this process holds now: a pid of its own in one it does not hold is a past life's. */
const held = new Set<string>();

/** A lock still empty this long after it was made was left by a process that died making it. */
const EMPTY_LOCK_MS = 10_000;

const readHolder = (text: string): Holder | undefined => {
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return Number.isSafeInteger(holder.pid) && typeof holder.host === 'string'
      ? { pid: holder.pid as number, host: holder.host }
      : undefined;
  } catch {
    return undefined;
  }
};

/** Whether process `pid` runs on this machine: signal 0 checks without sending anything. */
const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Takes the lock of the data folder `dataDir` (made when missing), or throws DataFolderInUse.
 * `notice` hears of a stale lock taken over.
 */
export const lockDataFolder = (dataDir: string, notice: (message: string) => void = () => {}): DataLock => {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  const inUse = (who: string) =>
    new DataFolderInUse(
      `buy-tweet-partner: the data folder ${folder} is in use by ${who} (its lock: ${path}). ` +
        'One process at a time may use a data folder: stop that one, or give this one another --data ' +
        'folder; processes that share orders share one PostgreSQL server through DATABASE_URL.',
    );

  for (let tries = 0; tries < 5; tries++) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if (code(error) !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      return hold(path, mine);
    }

    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if (code(error) === 'ENOENT') continue;
      throw error;
    }
    const holder = readHolder(text);
    if (!holder) {
      // Empty: another process is writing its pid right now, unless it died doing so long ago.
      let age = 0;
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      if (age < EMPTY_LOCK_MS) throw inUse('another process that is starting');
    } else if (holder.host !== hostname()) {
      throw inUse(`process ${holder.pid} on ${holder.host} (if it no longer runs, remove the lock)`);
    } else if (holder.pid === process.pid ? held.has(path) : running(holder.pid)) {
      throw inUse(holder.pid === process.pid ? `this process (${holder.pid})` : `process ${holder.pid}`);
    }

    // Stale. Moved aside, not removed: a rename is atomic, so of two processes taking over at once
    // one moves it and the other finds it gone and tries again.
    const aside = `${path}.${process.pid}.stale`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if (code(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = readFileSync(aside, 'utf8');
    if (moved !== text) {
      // A live lock, made between the read and the move: put it back and leave the folder to it.
      try {
        linkSync(aside, path);
      } finally {
        rmSync(aside, { force: true });
      }
      throw inUse(`process ${readHolder(moved)?.pid ?? 'that is starting'}`);
    }
    rmSync(aside, { force: true });
    notice(
      `buy-tweet-partner: took over the data folder ${folder}: its lock named ${
        holder ? `process ${holder.pid}, which no longer runs` : 'no process'
      }.`,
    );
  }
  throw inUse('another process');
};

const hold = (path: string, mine: string): DataLock => {
  held.add(path);
  const release = () => {
    if (!held.delete(path)) return;
    process.off('exit', release);
    try {
      if (readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
    } catch {
      // Gone already.
    }
  };
  // A process that ends without closing its store (an uncaught error, process.exit) frees the
  // folder too; one that is killed leaves a stale lock, taken over by the next.
  process.on('exit', release);
  return { path, release };
};
