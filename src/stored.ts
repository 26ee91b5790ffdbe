/**
 * JSON kept in this site's Web Storage, never throwing: storage can be off (privacy settings,
 * sandboxed frames), full or refused, and then the checkout works the same, only without what it
 * would have kept. Remember-me uses localStorage; the attempt under way, the tab's sessionStorage.
 */
export interface Stored {
  /** The parsed value at `key`, or `undefined` (nothing there, storage off, not JSON). */
  read(key: string): unknown;
  write(key: string, value: unknown): void;
  remove(key: string): void;
}

export const stored = (kind: 'localStorage' | 'sessionStorage'): Stored => {
  const storage = (): Storage | undefined => {
    try {
      return window[kind];
    } catch {
      return undefined;
    }
  };
  return {
    read: (key) => {
      try {
        const text = storage()?.getItem(key);
        return text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        return undefined;
      }
    },
    write: (key, value) => {
      try {
        storage()?.setItem(key, JSON.stringify(value));
      } catch {
        // Full or refused: not kept.
      }
    },
    remove: (key) => {
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing was stored where nothing can be.
      }
    },
  };
};
