// The widgets.js stand-in in a real browser: embed code exactly as publishers paste it, script tag
// included, answered by the mock through the service worker.
import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { fixtureTweets, type FixtureTweet } from '../../src/mock/fixtures.js';
import { embedHtml } from '../../src/mock/oembed.js';
import { WIDGETS_JS_URL, widgetsAnswer } from '../../src/mock/widgets.js';
import { closePages, openPage } from '../pages/frame.js';
import { mock, worker } from '../setup.js';
import { waitUntil } from '../wait.js';

interface WidgetEvent {
  type: string;
  target?: Element;
  widgets?: Element[];
}
interface Twttr {
  _e?: ((twttr: Twttr) => void)[];
  ready(fn: (twttr: Twttr) => void): void;
  widgets: { load(element?: Element): void };
  events: { bind(type: 'rendered' | 'loaded', fn: (event: WidgetEvent) => void): void };
}
const page = window as unknown as { twttr?: Twttr };

/** `twttr` once loaded, bound through the queue of the loader snippet the docs give. */
const twttrReady = () =>
  new Promise<Twttr>((resolve) => {
    const queue: Twttr['_e'] = [];
    page.twttr ??= { _e: queue, ready: (fn: (twttr: Twttr) => void) => queue.push(fn) } as unknown as Twttr;
    page.twttr.ready(resolve);
  });

/** The first event of `type` from now on that `accept` takes. Handlers stay bound, answering once. */
const nextEvent = async (type: 'rendered' | 'loaded', accept: (event: WidgetEvent) => boolean = () => true) => {
  const twttr = await twttrReady();
  return new Promise<WidgetEvent>((resolve) => {
    let waiting = true;
    twttr.events.bind(type, (event) => {
      if (waiting && accept(event)) {
        waiting = false;
        resolve(event);
      }
    });
  });
};
const renderedTweet = (id: string) =>
  nextEvent('rendered', (event) => event.target?.getAttribute('data-tweet-id') === id);

/** The embed code publish.twitter.com gives for a tweet, script tag included. */
const embedCode = (tweet: FixtureTweet) => embedHtml(tweet, { omitScript: false, links: 'tco' });
const SCRIPT_TAG = `<script async src="${WIDGETS_JS_URL}" charset="utf-8"></script>`;

const pasted: Element[] = [];
/** Inserts markup so that its scripts run, as a page's own HTML would. */
const paste = (markup: string) => {
  const container = document.createElement('div');
  container.append(document.createRange().createContextualFragment(markup));
  document.body.append(container);
  pasted.push(container);
  return container;
};
const widgetNumber = (frame: Element) => Number(/^twitter-widget-(\d+)$/.exec(frame.id)?.[1]);

const album = fixtureTweets.newAlbum;
const lamp = fixtureTweets.rtl;

describe('widgets.js stand-in', () => {
  before(async () => {
    const loaded = twttrReady();
    paste(SCRIPT_TAG);
    await loaded;
  });
  afterEach(() => {
    pasted.splice(0).forEach((container) => container.remove());
    closePages();
  });

  it('replaces the pasted blockquote with the rendered tweet, an iframe with its id', async () => {
    const rendered = renderedTweet(album.id);
    const container = paste(embedCode(album));
    const { target } = await rendered;

    expect(container.querySelector('blockquote')).to.equal(null);
    const wrapper = container.querySelector('div.twitter-tweet.twitter-tweet-rendered') as HTMLElement;
    const frame = wrapper.querySelector('iframe')!;
    expect(target).to.equal(frame);
    expect(frame.id).to.match(/^twitter-widget-\d+$/);
    expect(frame.dataset.tweetId).to.equal(album.id);
    expect(frame.title).to.equal('X Post');
    expect(frame.hasAttribute('src')).to.equal(false);
    expect(wrapper.style.display).to.equal('flex');
    expect(wrapper.style.maxWidth).to.equal('550px');
    expect([frame.style.position, frame.style.visibility, frame.style.width]).to.deep.equal([
      'static',
      'visible',
      '550px',
    ]);
    expect(parseFloat(frame.style.height)).to.be.greaterThan(0);
    expect(mock.requests.filter((request) => request.route === 'widgets').at(-1)?.url).to.equal(WIDGETS_JS_URL);
    await expect(container).to.be.accessible();
  });

  it('shows the tweet’s text, author and date in the iframe', async () => {
    const rendered = renderedTweet(album.id);
    const code = embedCode(album);
    paste(code);
    const frame = (await rendered).target as HTMLIFrameElement;

    const shown = frame.contentDocument!.body;
    const tweetText = new DOMParser().parseFromString(code, 'text/html').querySelector('p')!.textContent!;
    expect(shown.querySelector('p')!.textContent).to.equal(tweetText);
    expect(shown.textContent)
      .to.include(album.authorName)
      .and.include(`@${album.authorHandle}`)
      .and.include(album.date);
    expect(shown.querySelector('p')!.lang).to.equal(album.lang);
  });

  it('keeps the line breaks the embed code writes as <br>', async () => {
    const zine = fixtureTweets.zineSoldOut;
    const rendered = renderedTweet(zine.id);
    paste(embedCode(zine));
    const frame = (await rendered).target as HTMLIFrameElement;

    expect(frame.contentDocument!.querySelector('p')!.textContent).to.include('Thank you!\nIssue 2 soon');
  });

  it('numbers several tweets on a page in order: twitter-widget-n, n+1', async () => {
    const both = Promise.all([renderedTweet(album.id), renderedTweet(lamp.id)]);
    const container = paste(embedCode(album) + embedCode(lamp));
    await both;

    const frames = [...container.querySelectorAll('iframe')];
    expect(frames.map((frame) => frame.dataset.tweetId)).to.deep.equal([album.id, lamp.id]);
    expect(widgetNumber(frames[1])).to.equal(widgetNumber(frames[0]) + 1);
  });

  it('renders a tweet once when the script tag comes twice', async () => {
    const passes: WidgetEvent[] = [];
    const twttr = await twttrReady();
    twttr.events.bind('loaded', (event) => passes.push(event));
    const twoPasses = new Promise<void>((resolve) =>
      twttr.events.bind('loaded', () => passes.length === 2 && resolve()),
    );
    const container = paste(embedCode(album) + SCRIPT_TAG);
    await twoPasses;

    expect(container.querySelectorAll('iframe').length).to.equal(1);
    expect(container.querySelector('blockquote')).to.equal(null);
    expect(passes.map((pass) => pass.widgets!.length).sort()).to.deep.equal([0, 1]);
  });

  it('renders embed code added later when twttr.widgets.load(element) is called, and only there', async () => {
    const twttr = await twttrReady();
    const inside = paste(embedHtml(album));
    const outside = paste(embedHtml(lamp));
    const loaded = nextEvent('loaded');
    twttr.widgets.load(inside);
    const { widgets } = await loaded;

    expect(widgets!.map((widget) => widget.getAttribute('data-tweet-id'))).to.deep.equal([album.id]);
    expect(inside.querySelector('iframe')!.dataset.tweetId).to.equal(album.id);
    expect(outside.querySelector('blockquote.twitter-tweet')).to.not.equal(null);

    const rest = renderedTweet(lamp.id);
    twttr.widgets.load();
    await rest;
    expect(outside.querySelector('blockquote')).to.equal(null);
  });

  it('leaves a deleted tweet’s embed code readable, marked as an error, beside an empty shell', async () => {
    // On a page of its own, which loads the script once: this page's twttr has been through other
    // tests' embed code, and a late copy of the script could render the tweet before this one runs.
    worker.use(http.get(WIDGETS_JS_URL, () => widgetsAnswer({ deleted: [album.id] })));
    const other = openPage(embedCode(album) + embedCode(lamp));
    // The lamp's tweet drawn is the sign that the script has been through the page.
    await waitUntil(
      () =>
        other.document.querySelector<HTMLIFrameElement>(`iframe[data-tweet-id="${lamp.id}"]`)?.style.visibility ===
        'visible',
    );

    const quote = other.document.querySelector('blockquote')!;
    expect([...quote.classList]).to.deep.equal(['twitter-tweet', 'twitter-tweet-error']);
    expect(quote.textContent).to.include(album.authorName);
    const shell = quote.previousElementSibling as HTMLElement;
    expect(shell.matches('div.twitter-tweet.twitter-tweet-rendered')).to.equal(true);
    const frame = shell.querySelector('iframe')!;
    expect([frame.style.visibility, frame.style.width, frame.style.height]).to.deep.equal(['hidden', '0px', '0px']);
    expect(frame.contentDocument!.body.childNodes.length).to.equal(0);

    // Looked at again, it stays as it is: nothing rendered twice.
    const twttr = (other.window as unknown as { twttr: Twttr }).twttr;
    const again = new Promise<WidgetEvent>((resolve) => twttr.events.bind('loaded', resolve));
    twttr.widgets.load(other.document.body);
    expect((await again).widgets).to.deep.equal([]);
    expect(other.document.querySelectorAll('iframe').length).to.equal(2);
  });
});
