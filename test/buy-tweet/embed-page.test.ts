// A publisher's page of embed code exactly as publish.twitter.com gives it, widgets.js tag
// included, each tweet wrapped in <buy-tweet>, loading the built script as a fresh page does
// (docs/publishers/real-tweets.md, "Tweets that widgets.js renders"). The mock's widgets.js (src/mock/widgets.ts)
// replaces every blockquote; which script runs first is chosen by holding the other one back.
import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { WIDGETS_JS_URL, widgetsAnswer } from '../../src/mock/widgets.js';
import { closePages, openPage, titleIn, type PublisherPage } from '../pages/frame.js';
import { mock, worker } from '../setup.js';
import { waitUntil } from '../wait.js';

// Embed code as pasted from publish.twitter.com: every link its t.co link, the script tag after it.
const ALBUM = `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our new album is out today <a href="https://t.co/AbC123">https://t.co/AbC123</a></p>&mdash; The Band (@theband) <a href="https://twitter.com/theband/status/509074208133345280?ref_src=twsrc%5Etfw">September 8, 2014</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
`;
const LAMP = `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Turned from one piece of black walnut, in three finishes. By <a href="https://twitter.com/oficinanorte?ref_src=twsrc%5Etfw">@oficinanorte</a> <a href="https://t.co/Wl8nT4k">https://t.co/Wl8nT4k</a></p>&mdash; Fancy (@fancy) <a href="https://twitter.com/fancy/status/1765010922174111744?ref_src=twsrc%5Etfw">March 5, 2024</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
`;
const TITLES = ['New Album (Digital)', 'Handmade Walnut Lamp'];

let pages = 0;
/**
 * The page: the publisher's <buy-tweet> around each pasted tweet, and the script tag. The script's
 * URL is new each time, or Chromium may run the copy it holds in memory without asking for it.
 */
const page = (tweets = [ALBUM, LAMP]) =>
  openPage(
    tweets
      .map(
        (code) =>
          `<buy-tweet link-endpoint="${location.origin}/links">\n${code}</buy-tweet>\n<p>An article goes on.</p>\n`,
      )
      .join('') + `<script async src="/dist/buy-tweet.js?page=${++pages}"></script>`,
    { width: 600, height: 1200 },
  );

/** A gate: requests for `url` wait until it opens, then go on as they would have. */
const hold = (url: string, answer?: () => Response) => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  worker.use(
    http.get(url, async () => {
      await opened;
      return answer?.();
    }),
  );
  return open;
};

const rendered = (p: PublisherPage) => p.document.querySelectorAll('buy-tweet > .twitter-tweet-rendered');
/** The stand-in has drawn the tweet in its iframe: what a reader sees. */
const drawn = (p: PublisherPage) =>
  [...p.document.querySelectorAll<HTMLIFrameElement>('buy-tweet iframe[data-tweet-id]')].filter((frame) =>
    frame.contentDocument?.body?.textContent?.trim(),
  );
const titles = (p: PublisherPage) => p.elements().map(titleIn);
/** Every element of the page (two) shows its card. */
const cardsShown = (p: PublisherPage) => titles(p).filter(Boolean).length === 2;

afterEach(closePages);

describe('a page of embed code with widgets.js', () => {
  it('buy-tweet first: the cards stay below the rendered tweets, loaded once each', async () => {
    const release = hold(WIDGETS_JS_URL, () => widgetsAnswer());
    const p = page();
    await waitUntil(() => cardsShown(p), 'the cards did not show');
    expect(titles(p)).to.deep.equal(TITLES);
    expect(p.document.querySelectorAll('buy-tweet blockquote'), 'widgets.js came second').to.have.length(2);
    release();
    // widgets.js replaces the blockquotes at once and draws the tweets a moment later: by then the
    // elements have long seen the replacement.
    await waitUntil(() => drawn(p).length === 2, 'widgets.js did not render the tweets');
    expect(p.document.querySelectorAll('buy-tweet blockquote')).to.have.length(0);
    expect(titles(p)).to.deep.equal(TITLES);
    expect(p.window.loads).to.equal(2);
    for (const element of p.elements()) {
      const slot = element.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements()[0].classList.contains('twitter-tweet-rendered')).to.equal(true);
      expect(element.shadowRoot!.querySelector('.tweet'), 'no second copy of the tweet').to.equal(null);
    }
  });

  it('widgets.js first: the elements read the rendered tweets by id and show their cards', async () => {
    const release = hold('*/dist/buy-tweet.js');
    const p = page();
    await waitUntil(() => drawn(p).length === 2, 'widgets.js did not render the tweets');
    expect(p.document.querySelectorAll('buy-tweet blockquote')).to.have.length(0);
    expect(p.window.customElements.get('buy-tweet'), 'buy-tweet came second').to.equal(undefined);
    release();
    await waitUntil(() => cardsShown(p), 'the cards did not show');
    expect(titles(p)).to.deep.equal(TITLES);
    expect(p.window.loads).to.equal(2);
    // Each tweet read once by its id, through the link endpoint (which asks publish.twitter.com).
    const tweetReads = mock.requests.filter(
      (request) => request.route === 'links' && new URL(request.url).searchParams.has('tweet'),
    );
    expect(tweetReads.map((request) => new URL(request.url).searchParams.get('tweet')).sort()).to.deep.equal([
      'https://twitter.com/i/status/1765010922174111744',
      'https://twitter.com/i/status/509074208133345280',
    ]);
    expect(rendered(p)).to.have.length(2);
    for (const element of p.elements()) expect(element.shadowRoot!.querySelector('.tweet')).to.equal(null);
  });

  it('a tweet deleted since: widgets.js keeps its blockquote beside an empty shell, and the card stays', async () => {
    const release = hold(WIDGETS_JS_URL, () => widgetsAnswer({ deleted: ['509074208133345280'] }));
    const p = page();
    await waitUntil(() => cardsShown(p), 'the cards did not show');
    release();
    // The other tweet drawn is the signal that widgets.js has been through the page.
    await waitUntil(() => drawn(p).length === 1, 'widgets.js did not render the other tweet');
    expect(p.document.querySelector('buy-tweet blockquote.twitter-tweet-error')).to.not.equal(null);
    expect(titles(p)).to.deep.equal(TITLES);
    expect(p.window.loads).to.equal(2);
  });

  it('a tweet-url element beside them keeps its own tweet: widgets.js has nothing of it to replace', async () => {
    const release = hold(WIDGETS_JS_URL, () => widgetsAnswer());
    const p = openPage(
      `<buy-tweet tweet-url="https://twitter.com/fancy/status/1765010922174111744" link-endpoint="${location.origin}/links"></buy-tweet>\n` +
        `<buy-tweet link-endpoint="${location.origin}/links">\n${ALBUM}</buy-tweet>\n<script async src="/dist/buy-tweet.js?page=${++pages}"></script>`,
    );
    await waitUntil(() => cardsShown(p), 'the cards did not show');
    release();
    await waitUntil(() => drawn(p).length === 1, 'widgets.js did not render the pasted tweet');
    expect(titles(p)).to.deep.equal(['Handmade Walnut Lamp', 'New Album (Digital)']);
    expect(p.elements()[0].shadowRoot!.querySelector('.tweet')?.textContent).to.contain('black walnut');
    expect(p.window.loads).to.equal(2);
  });
});
