/**
 * A publisher's page of its own, in an iframe: it loads the built `dist/buy-tweet.js` (and
 * `dist/buy-tweet.css` when the page links it) from scratch, as a fresh page does, while the test
 * page's msw worker answers its requests (the partner, the link endpoint, t.co, widgets.js): a
 * srcdoc frame shares its parent's service worker, and msw answers a frame through its parent.
 */

export interface PublisherPage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis & { loads?: number; cls?: () => number };
  document: Document;
  /** `<buy-tweet>` elements of the page, in order. */
  elements: () => HTMLElement[];
}

const open: HTMLIFrameElement[] = [];

/** Removes every page opened. */
export const closePages = () => open.splice(0).forEach((frame) => frame.remove());

/**
 * Loads `body` as the body of a page at `width` × `height` CSS pixels. The page counts
 * `buy-tweet-load` events (`window.loads`) and sums its layout shifts from the start (`window.cls()`;
 * every entry counts: headless Chromium may mark shifts `hadRecentInput` with no input at all).
 */
export const openPage = (body: string, { width = 375, height = 667, head = '' } = {}): PublisherPage => {
  const frame = document.createElement('iframe');
  // On screen, whatever else the test page holds: Chromium does not lay out a frame it cannot see.
  frame.style.cssText = `position: fixed; inset: 0 auto auto 0; width: ${width}px; height: ${height}px; border: 0; background: #fff`;
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
  // The page's console is the test's: test/noise.ts fails a test for what it did not expect.
  for (const level of ['warn', 'error']) console[level] = (...args) => parent.console[level]('[page]', ...args);
  addEventListener('error', (event) => parent.console.error('[page] uncaught error:', event.message));
  addEventListener('unhandledrejection', (event) => parent.console.error('[page] unhandled rejection:', String(event.reason)));
  window.loads = 0;
  addEventListener('buy-tweet-load', () => window.loads++);
  const shifts = [];
  const add = (entries) => { for (const entry of entries) shifts.push(entry.value); };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ type: 'layout-shift', buffered: true });
  window.cls = () => (add(observer.takeRecords()), shifts.reduce((sum, value) => sum + value, 0));
</script>${head}</head><body style="margin: 0 16px; font: 16px/1.5 Georgia, serif">${body}</body></html>`;
  document.body.append(frame);
  open.push(frame);
  return {
    frame,
    // The same WindowProxy once the srcdoc document replaces the first, empty one.
    window: frame.contentWindow as PublisherPage['window'],
    get document() {
      return frame.contentDocument!;
    },
    elements: () => [...frame.contentDocument!.querySelectorAll<HTMLElement>('buy-tweet')],
  };
};

/** The card's title as a reader sees it, or `undefined` while there is none. */
export const titleIn = (element: HTMLElement) =>
  element.shadowRoot?.querySelector('[part="title"]')?.textContent ?? undefined;

/** Two frames of the page: what changed has been laid out, and its layout shifts reported. */
export const settle = (page: PublisherPage) =>
  new Promise((resolve) => page.window.requestAnimationFrame(() => page.window.requestAnimationFrame(resolve)));
