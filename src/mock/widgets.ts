/**
 * A stand-in for `https://platform.twitter.com/widgets.js` (docs/publishers/real-tweets.md and docs/partners/mock-partner.md): it does to embed
 * code what widgets.js does, offline, so that the demo and tests run embed code exactly as
 * publishers paste it, script tag included. What it copies, and from where:
 *
 * - The rendered tweet, as pages saved after widgets.js ran show it (a dev log of 2023-12 with
 *   `data-tweet-id` on the iframe, PolicyEngine/policyengine-app#515, and the many saved pages
 *   `find_string "twitter-tweet twitter-tweet-rendered\" style="` finds on GitHub):
 *   `<div class="twitter-tweet twitter-tweet-rendered" style="display: flex; max-width: 550px;
 *   width: 100%; margin-top: 10px; margin-bottom: 10px;">` holding `<iframe id="twitter-widget-{n}"
 *   scrolling="no" frameborder="0" allowtransparency="true" allowfullscreen="true" class=""
 *   style="position: static; visibility: visible; width: 550px; height: {h}px; display: block;
 *   flex-grow: 1;" title="X Post" src="https://platform.twitter.com/embed/Tweet.html?...&id={id}..."
 *   data-tweet-id="{id}">`. Before it has drawn, the iframe is `position: absolute; visibility:
 *   hidden; width: 0px; height: 0px` (#515). Ids count up across the page: `twitter-widget-0`, `-1`...
 * - The iframe here has no `src`: the real `Tweet.html` is another origin, which would need the
 *   network (the demo has none, and the page's `frame-src` would refuse it). It stays about:blank
 *   and is filled with DOM calls and `textContent` only (Trusted Types pages allow no HTML strings),
 *   its styles set through CSSOM, which a strict `style-src` allows. Readers of the id use
 *   `data-tweet-id` (docs/publishers/real-tweets.md falls back to `src` only when that is missing).
 * - Tweets that cannot be shown (deleted, protected, suspended): widgets.js leaves the embed code's
 *   blockquote readable, with the class `twitter-tweet-error` (pages that style or hide
 *   `blockquote.twitter-tweet-error` after the `rendered` event; the April 2022 change that blanked
 *   them was rolled back, thetechportal.com/2022/04/12/twitter-embedded-tweets-deleted-empty-space-rolled-back),
 *   next to an empty shell whose iframe never shows (ampproject/amphtml#2537 found no drawn iframe
 *   for a deleted tweet; saved pages of the older widgets.js keep a hidden 0×0 `*-rendered` iframe
 *   beside the `*-error` element). Here: the shell keeps the hidden 0×0 styles and stays empty,
 *   just before the kept blockquote.
 * - Which tweets are gone is the mock's choice: `deleted` ids (`createPartnerMock({deletedTweets})`
 *   or `widgetsAnswer({deleted})` in a test's `worker.use(...)`). The latest copy of the script
 *   to run says which (see below).
 * - `twttr`, as developer.x.com "Scripting: Loading and Initialization" and "Scripting: Events"
 *   document it: `twttr.widgets.load(element?)` looks for embed code not yet rendered in
 *   `element` (else `document.body`); `twttr.ready(fn)` calls `fn(twttr)` once loaded, and runs the
 *   `twttr._e` queue of the documented loader snippet; `twttr.events.bind('rendered', fn)` gets
 *   `{type, target}` per widget (the iframe, or the embed code's element when it failed: "may also
 *   be the original embed code element if the widget failed to initialize"), and
 *   `bind('loaded', fn)` `{type, widgets}` once per `load()` pass (gist nleush/fa069b34…: a widget
 *   whose id is not `twitter-widget-*` is a tweet that disappeared).
 * - Several script tags (one per pasted tweet): every copy after the first finds `twttr` and asks
 *   it to look again (a re-run script renders new embed code, hohMiyazawa/Automail#52); what was
 *   rendered is replaced and what failed is marked `data-twitter-extracted-i{n}` (as widgets.js
 *   marks what it has processed), so nothing is rendered twice.
 */

export const WIDGETS_JS_URL = 'https://platform.twitter.com/widgets.js';

export interface WidgetsScriptOptions {
  /** Ids of tweets to treat as deleted: their embed code stays, with the empty shell beside it. */
  deleted?: readonly string[];
}

/** The page-side code. It runs in the page as its own script, so it may use nothing from outside. */
function standIn(deleted: string[]): void {
  type Listener = (event: object) => void;
  interface Twttr {
    init?: boolean;
    _e?: ((t: Twttr) => void)[];
    ready(fn: (t: Twttr) => void): void;
    widgets: { load: (element?: Element | null) => void };
    events: { bind(type: string, fn: Listener): void };
    __standIn?: { deleted: Set<string> };
  }
  const page = window as unknown as { twttr?: Partial<Twttr> };
  const whenDomReady = (fn: () => void) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
    else fn();
  };

  const existing = page.twttr;
  if (existing?.init && existing.__standIn && existing.widgets) {
    existing.__standIn.deleted = new Set(deleted);
    const load = existing.widgets.load;
    whenDomReady(() => load());
    return;
  }

  const listeners = new Map<string, Listener[]>();
  const emit = (type: string, detail: object) => {
    for (const fn of listeners.get(type) ?? []) fn({ type, ...detail });
  };
  const state = { deleted: new Set(deleted) };
  const mark = `data-twitter-extracted-i${Date.now()}`;
  let count = 0;

  const setStyles = (element: HTMLElement, styles: Record<string, string>) => {
    for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value);
  };
  const HIDDEN = {
    position: 'absolute',
    visibility: 'hidden',
    width: '0px',
    height: '0px',
    display: 'block',
    'flex-grow': '1',
  };

  /** What a reader sees of the tweet, read from its embed code. */
  const readTweet = (quote: Element) => {
    const links = [...quote.querySelectorAll('a[href]')];
    const statusLink = links.reverse().find((a) => /\/status(?:es)?\/\d+/.test(a.getAttribute('href') ?? ''));
    const id = /\/status(?:es)?\/(\d+)/.exec(statusLink?.getAttribute('href') ?? '')?.[1];
    const paragraph = quote.querySelector('p');
    const rest = [...quote.childNodes].filter((node) => node !== paragraph && node !== statusLink);
    const byline = rest.map((node) => node.textContent ?? '').join('');
    const author = /\s*(.*?)\s*\(@(\w+)\)/.exec(byline.replace(/^\s*[—-]\s*/, ''));
    return {
      id,
      // A reader sees a line break where embed code has `<br>`.
      text: [...(paragraph?.childNodes ?? [])]
        .map((node) => (node.nodeName === 'BR' ? '\n' : node.textContent))
        .join(''),
      lang: paragraph?.getAttribute('lang') ?? '',
      dir: paragraph?.getAttribute('dir') ?? 'auto',
      name: author?.[1] ?? '',
      handle: author?.[2] ?? '',
      date: statusLink?.textContent ?? '',
    };
  };

  /** The tweet inside the iframe: name, @handle, text and date, built from text only. */
  const draw = (frame: HTMLIFrameElement, tweet: ReturnType<typeof readTweet>) => {
    const doc = frame.contentDocument;
    if (!doc) return;
    const add = (parent: Node, tag: string, text: string, styles: Record<string, string> = {}) => {
      const element = doc.createElement(tag);
      element.textContent = text;
      setStyles(element, styles);
      parent.appendChild(element);
      return element;
    };
    setStyles(doc.body, { margin: '0', font: '15px/1.4 system-ui, sans-serif', color: '#0f1419' });
    const article = add(doc.body, 'article', '', {
      border: '1px solid #cfd9de',
      'border-radius': '12px',
      padding: '12px 16px',
      background: '#fff',
    });
    const header = add(article, 'header', '');
    add(header, 'strong', tweet.name);
    add(header, 'span', ` @${tweet.handle}`, { color: '#536471' });
    const text = add(article, 'p', tweet.text, { margin: '8px 0', 'white-space': 'pre-line' });
    if (tweet.lang) text.lang = tweet.lang;
    text.dir = tweet.dir;
    add(article, 'time', tweet.date, { color: '#536471', 'font-size': '13px' });
  };

  const shell = (id: string) => {
    const n = count++;
    const wrapper = document.createElement('div');
    wrapper.className = 'twitter-tweet twitter-tweet-rendered';
    setStyles(wrapper, {
      display: 'flex',
      'max-width': '550px',
      width: '100%',
      'margin-top': '10px',
      'margin-bottom': '10px',
    });
    const frame = document.createElement('iframe');
    frame.id = `twitter-widget-${n}`;
    for (const [name, value] of Object.entries({
      scrolling: 'no',
      frameborder: '0',
      allowtransparency: 'true',
      allowfullscreen: 'true',
      class: '',
      title: 'X Post',
    }))
      frame.setAttribute(name, value);
    setStyles(frame, HIDDEN);
    frame.dataset.tweetId = id;
    wrapper.appendChild(frame);
    return { wrapper, frame };
  };

  const isExtracted = (element: Element) =>
    element.getAttributeNames().some((name) => name.startsWith('data-twitter-extracted'));

  const load = (root?: Element | null) => {
    const quotes = [...(root ?? document.body).querySelectorAll('blockquote.twitter-tweet')].filter(
      (q) => !isExtracted(q),
    );
    const pending = quotes.map((quote) => {
      const tweet = readTweet(quote);
      const { wrapper, frame } = shell(tweet.id ?? '');
      const gone = !tweet.id || state.deleted.has(tweet.id);
      if (gone) {
        quote.classList.add('twitter-tweet-error');
        quote.setAttribute(mark, 'true');
        quote.before(wrapper);
      } else {
        quote.replaceWith(wrapper);
      }
      return { tweet, frame, gone, quote };
    });
    // Drawn a task later, as the real iframes answer later than the page's own scripts run;
    // `loaded` comes after every pass, one that found nothing too.
    setTimeout(() => {
      const widgets = pending.map(({ tweet, frame, gone, quote }) => {
        if (gone) {
          emit('rendered', { target: quote });
          return quote;
        }
        setStyles(frame, { position: 'static', visibility: 'visible', width: '550px' });
        draw(frame, tweet);
        setStyles(frame, { height: `${frame.contentDocument?.documentElement.scrollHeight ?? 0}px` });
        emit('rendered', { target: frame });
        return frame;
      });
      emit('loaded', { widgets });
    });
  };

  const queued = existing?._e ?? [];
  const twttr: Twttr = {
    init: true,
    _e: [],
    ready: (fn) => fn(twttr),
    widgets: { load },
    events: {
      bind: (type, fn) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    },
  };
  Object.defineProperty(twttr, '__standIn', { value: state, enumerable: false });
  page.twttr = twttr;
  for (const fn of queued) fn(twttr);
  whenDomReady(() => load());
}

/** The stand-in's source, as `https://platform.twitter.com/widgets.js` would be served. */
export const widgetsScript = ({ deleted = [] }: WidgetsScriptOptions = {}): string => {
  const ids = deleted.filter((id) => /^\d+$/.test(id));
  return `/* buy-tweet mock: a stand-in for widgets.js */\n(${standIn.toString()})(${JSON.stringify(ids)});\n`;
};

/** The answer to a request for widgets.js: for `worker.use(http.get(WIDGETS_JS_URL, () => widgetsAnswer(...)))`. */
export const widgetsAnswer = (options?: WidgetsScriptOptions): Response =>
  new Response(widgetsScript(options), {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      // Asked again each time, so that a test's `deleted` reaches the page.
      'Cache-Control': 'no-store',
    },
  });
