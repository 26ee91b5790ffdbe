import { expect } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import './setup.js';

/** Opens one of test/pages in a frame, as a publisher's page, and waits for its cards. */
const openPage = async (path: string) => {
  const frame = document.createElement('iframe');
  frame.src = path;
  frame.style.cssText = 'width: 600px; height: 800px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & { violations: string[]; errors: string[] };
  const cards = () =>
    [...win.document.querySelectorAll('buy-tweet')].map((el) =>
      el.shadowRoot?.querySelector('[part="buy-button"]')?.textContent?.trim(),
    );
  await waitUntil(() => cards().every(Boolean), 'the cards did not show', { timeout: 8000 });
  return { frame, win, cards: cards() };
};

/** The paths of the scripts a page loaded. */
const scriptsOf = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js'));

/** Those of `scripts` that hold lit-html, which names its Trusted Types policy `lit-html`. */
const withTemplates = async (scripts: string[]) => {
  const code = await Promise.all(scripts.map(async (path) => [path, await (await fetch(path)).text()]));
  return code.filter(([, text]) => text.includes('"lit-html"')).map(([path]) => path);
};

/**
 * Whether the page asked for the chunk `other` before the chunk `first` had come (each named by
 * the start of its file name): beside it, not once it was there and its imports read.
 */
const askedBeside = (win: Window, first: string, other: string) => {
  const entries = win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const find = (name: string) => entries.find((entry) => new URL(entry.name).pathname.includes(`/chunks/${name}-`));
  const [a, b] = [find(first), find(other)];
  if (!a || !b) throw new Error(`the page loaded no ${a ? other : first} chunk`);
  return b.startTime < a.responseEnd;
};

describe("dist/buy-tweet.js on a publisher's page", () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('shows a card with Buy for each tweet, loaded by one script tag, even pasted twice', async () => {
    const { win, cards } = await openPage('/test/pages/publisher.html');
    expect(cards).to.deep.equal(['Buy', 'Preorder']);
    const api = (win as unknown as { BuyTweet: { version: string } }).BuyTweet;
    expect(api.version).to.match(/^\d+\.\d+\.\d+/);
    expect(win.customElements.get('buy-tweet')).to.be.a('function');
    expect(win.errors).to.deep.equal([]);
    const scripts = scriptsOf(win);
    // The loader twice (two URLs), the module once, and nothing of the checkout or Stripe.
    expect(scripts.filter((path) => path.includes('buy-tweet.module'))).to.have.length(1);
    expect(scripts.some((path) => /checkout|stripe/.test(path))).to.equal(false);
    // The cards are drawn without Lit's templates: lit-html comes with the error card and the checkout.
    expect(await withTemplates(scripts)).to.deep.equal([]);
    // English needs no words beyond the module's own.
    expect(scripts.filter((path) => /\/chunks\/(words|language)-/.test(path))).to.deep.equal([]);
    // The tweet's reading chunk and the chunks it imports are asked for together: one round trip.
    expect(askedBeside(win, 'reading', 'source')).to.equal(true);
    expect(askedBeside(win, 'reading', 'tweet-dom')).to.equal(true);
  });

  it("speaks the page's language, loading that language's words and no other's", async () => {
    const { win, cards } = await openPage('/test/pages/publisher.html?lang=de-AT');
    expect(cards).to.deep.equal(['Kaufen', 'Vorbestellen']);
    expect(win.errors).to.deep.equal([]);
    const scripts = scriptsOf(win).filter((path) => path.includes('/chunks/'));
    expect(scripts.filter((path) => path.includes('/chunks/words-'))).to.deep.equal(['/dist/chunks/words-de.js']);
  });

  it('loads the language picker once and each language once for elements in two languages', async () => {
    const { win, cards } = await openPage('/test/pages/publisher.html?langs=de,ja');
    expect(cards).to.deep.equal(['Kaufen', '予約する']);
    expect(win.errors).to.deep.equal([]);
    const chunks = scriptsOf(win).filter((path) => /\/chunks\/(?:words|language)-/.test(path));
    expect(chunks.filter((path) => path.includes('/chunks/language-'))).to.have.length(1);
    expect(chunks.filter((path) => path.includes('/chunks/words-')).sort()).to.deep.equal([
      '/dist/chunks/words-de.js',
      '/dist/chunks/words-ja.js',
    ]);
  });

  it('works under a strict Content-Security-Policy with Trusted Types, with no violation', async () => {
    const { win, cards } = await openPage('/test/pages/publisher.html?csp=strict');
    expect(cards).to.deep.equal(['Buy', 'Preorder']);
    expect(win.violations).to.deep.equal([]);
    expect(win.errors).to.deep.equal([]);
    const reports = await (await fetch('/__csp-reports')).json();
    expect(reports).to.deep.equal([]);
    // The policy really was in force: an inline style attribute is refused.
    const probe = win.document.createElement('div');
    probe.setAttribute('style', 'color: red');
    win.document.body.append(probe);
    await waitUntil(() => win.violations.length > 0, 'the page had no CSP in force');
    expect(win.violations[0]).to.match(/^style-src/);
    // And so were Trusted Types: raw HTML into a sink throws.
    expect(() => (probe.innerHTML = '<b>raw</b>')).to.throw(/TrustedHTML/);
  });

  it('adds Stripe.js on intent through its own policy on a strict page, with no violation', async () => {
    const { win } = await openPage('/test/pages/publisher.html?csp=strict-pay');
    const buy = win.document.querySelector('buy-tweet')!.shadowRoot!.querySelector('[part="buy-button"]')!;
    // Every script tag added, kept: with no network here Stripe.js fails at once and its tag is
    // taken away again, so looking for the tag later could miss it.
    const added: string[] = [];
    new MutationObserver((records) => {
      for (const node of records.flatMap((record) => [...record.addedNodes])) {
        if (node.nodeName === 'SCRIPT') added.push((node as HTMLScriptElement).src);
      }
    }).observe(win.document.head, { childList: true });
    buy.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => added.some((src) => src.startsWith('https://js.stripe.com/')), 'no Stripe.js tag');
    expect(added.filter((src) => src.startsWith('https://js.stripe.com/'))).to.deep.equal([
      'https://js.stripe.com/endive/stripe.js',
    ]);
    expect(scriptsOf(win).some((path) => /\/chunks\/checkout-/.test(path))).to.equal(true);
    // Lit's templates came with the checkout, asked for beside it, and its policy is one the page allows.
    expect(await withTemplates(scriptsOf(win))).to.have.length(1);
    expect(askedBeside(win, 'checkout', 'lit-html')).to.equal(true);
    expect(askedBeside(win, 'checkout', 'language')).to.equal(true);
    expect(win.violations).to.deep.equal([]);
    expect(win.errors).to.deep.equal([]);
  });

  it('says once what to do when loaded as a module, and defines nothing', async () => {
    const frame = document.createElement('iframe');
    // The frame keeps what its console is told; two module copies, as a page might paste them.
    frame.srcdoc = `<script>window.warnings = []; console.warn = (...args) => warnings.push(args.join(' '));</script>
      <script type="module" src="/dist/buy-tweet.js"></script>
      <script type="module" src="/dist/buy-tweet.js?copy=2"></script>`;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & { warnings: string[] };
    expect(win.warnings).to.have.length(1);
    expect(win.warnings[0])
      .to.contain('document.currentScript')
      .and.to.contain('<script type="module">, load buy-tweet.module.js');
    expect(win.customElements.get('buy-tweet')).to.equal(undefined);
  });
});
