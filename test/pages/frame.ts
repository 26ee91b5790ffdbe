/**
 * A publisher's page of its own, in an iframe: it loads the built `dist/buy-tweet.js` (and
 * `dist/buy-tweet.css` when the page links it) from scratch, as a fresh page does, while the test
 * page's msw worker answers its requests (the partner, the link endpoint, t.co, widgets.js): a
 * srcdoc frame shares its parent's service worker, and msw answers a frame through its parent.
 */

export interface PublisherPage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis & { loads?: number; shifts?: number[] };
  document: Document;
  /** `<buy-tweet>` elements of the page, in order. */
  elements: () => HTMLElement[];
}

const open: HTMLIFrameElement[] = [];

/** Removes every page opened. */
export const closePages = () => open.splice(0).forEach((frame) => frame.remove());

/**
 * Loads `body` as the body of a page at `width` × `height` CSS pixels. The page counts
 * `buy-tweet-load` events (`window.loads`) and records layout shifts (`window.shifts`) from the
 * start.
 */
export const openPage = (body: string, { width = 375, height = 667, head = '' } = {}): PublisherPage => {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
  window.loads = 0;
  addEventListener('buy-tweet-load', () => window.loads++);
  window.shifts = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.shifts.push(entry.value); })
    .observe({ type: 'layout-shift', buffered: true });
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
export const titleIn = (element: HTMLElement) => element.shadowRoot?.querySelector('[part="title"]')?.textContent ?? undefined;

/** Two frames of the page: what changed has been laid out, and its layout shifts reported. */
export const settle = (page: PublisherPage) =>
  new Promise((resolve) => page.window.requestAnimationFrame(() => page.window.requestAnimationFrame(resolve)));
