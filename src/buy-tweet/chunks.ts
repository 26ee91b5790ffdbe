import type { CSSResult } from 'lit';

/**
 * The element's lazy chunks: code that only some pages, or only some moments, need, imported on
 * the first need and shared by every element after.
 */

/**
 * A chunk loaded once: `load` runs on the first call, and again on the call after a failure, which
 * it is told the count of (a browser keeps a failed dynamic import's failure for the page's life,
 * so a chunk may have to be asked for under a new URL).
 */
export const lazyChunk = <T>(load: (failures: number) => Promise<T>): (() => Promise<T>) => {
  let chunk: Promise<T> | undefined;
  let failures = 0;
  return () =>
    (chunk ??= load(failures).catch((error: unknown) => {
      failures++;
      chunk = undefined;
      throw error;
    }));
};

/**
 * A chunk that is asked for again under a new URL after a failure: `url` is its module, marked
 * `chunk-url` so that the browser build writes the chunk's own path there (rollup.config.mjs);
 * `load` imports it the first time.
 */
const retriedChunk = <T>(url: string, load: () => Promise<T>): (() => Promise<T>) =>
  lazyChunk((failures) =>
    failures ? import(/* @vite-ignore */ `${new URL(url, import.meta.url).href}?retry=${failures}`) : load(),
  );

/**
 * Reading a tweet the element holds (embed code, a tweet object, tweet-url, widgets.js's iframe);
 * after a failure (Retry, or the next reading) it is asked for under a new URL, as the checkout.
 */
export const readingChunk = retriedChunk(/* chunk-url */ './reading.js', () => import('./reading.js'));

/**
 * What the element needs only when it has no product card to show: the error card, a Payment
 * Link's card, the advice about t.co. `undefined` until loaded; `null` when it could not be: the
 * tweet alone stays then.
 */
export let fallbacks: typeof import('./fallbacks.js') | null | undefined;
export const loadFallbacks = lazyChunk(() =>
  import('./fallbacks.js').then(
    (module) => (fallbacks = module),
    () => (fallbacks = null),
  ),
);

/** The checkout chunk, imported on the first sign of intent; asked for anew after a failure. */
export const checkoutChunk = retriedChunk(/* chunk-url */ '../checkout/index.js', () => import('../checkout/index.js'));

/** Adds the styles a chunk brings to an element's own, once. */
export const adopt = (root: HTMLElement | DocumentFragment, styles: CSSResult): void => {
  const shadow = root as ShadowRoot;
  const sheet = styles.styleSheet;
  if (sheet && !shadow.adoptedStyleSheets.includes(sheet))
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
};
