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
 * Reading a tweet the element holds (embed code, a tweet object, tweet-url, widgets.js's iframe);
 * after a failure (Retry, or the next reading) it is asked for under a new URL, as the checkout.
 */
const READING_CHUNK: string = /* chunk-url */ './reading.js';
export const readingChunk = lazyChunk((failures): Promise<typeof import('./reading.js')> =>
  failures
    ? import(/* @vite-ignore */ `${new URL(READING_CHUNK, import.meta.url).href}?retry=${failures}`)
    : import('./reading.js'),
);

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

/**
 * The checkout chunk, imported on the first sign of intent; after a failure it is asked for under
 * a new URL (the browser build writes the chunk's own path where `chunk-url` marks it:
 * rollup.config.mjs).
 */
const CHECKOUT_CHUNK: string = /* chunk-url */ '../checkout/index.js';
export const checkoutChunk = lazyChunk((failures): Promise<typeof import('../checkout/index.js')> =>
  failures
    ? import(/* @vite-ignore */ `${new URL(CHECKOUT_CHUNK, import.meta.url).href}?retry=${failures}`)
    : import('../checkout/index.js'),
);

/** Adds the styles a chunk brings to an element's own, once. */
export const adopt = (root: HTMLElement | DocumentFragment, styles: CSSResult): void => {
  const shadow = root as ShadowRoot;
  const sheet = styles.styleSheet;
  if (sheet && !shadow.adoptedStyleSheets.includes(sheet))
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
};
