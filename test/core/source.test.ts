import { expect } from '@open-wc/testing';
import { decide, pickSource, readProductLink, type ReadOptions } from '../../src/core/source.js';
import type { TweetInfo } from '../../src/core/types.js';
import '../setup.js';

const ALBUM = 'https://gumroad.com/l/new-album';
const LAMP = 'https://fancy.com/things/1234567';

/** [links of a tweet, where its t.co links go, the product link, the t.co links left unread] */
const DECISIONS: Array<[string[], Record<string, string | null> | undefined, string | null, string[]]> = [
  [[ALBUM], undefined, ALBUM, []],
  [['https://example.com/blog', LAMP], undefined, LAMP, []],
  [['https://t.co/a'], undefined, null, ['https://t.co/a']],
  [['https://t.co/a', LAMP], undefined, LAMP, ['https://t.co/a']],
  [[LAMP, 'https://t.co/a'], undefined, LAMP, []],
  [['https://t.co/a', 'https://t.co/a', 'https://t.co/b'], undefined, null, ['https://t.co/a', 'https://t.co/b']],
  [['https://t.co/a', LAMP], { 'https://t.co/a': ALBUM }, ALBUM, []],
  [['https://t.co/a', LAMP], { 'https://t.co/a': null }, LAMP, []],
  [['https://t.co/a', LAMP], { 'https://t.co/a': 'https://example.com/' }, LAMP, []],
  [['https://t.co/a'], { 'https://t.co/a': 'javascript:alert(1)' }, null, []],
  [['https://t.co/a'], { 'https://t.co/a': 'http://gumroad.com/l/new-album' }, null, []],
  [['https://t.co/a'], { 'https://t.co/a': 'https://t.co/b' }, null, []],
  [['https://t.co/a'], { 'https://t.co/a': `${ALBUM}?utm_source=twitter#buy` }, ALBUM, []],
];

describe('source: which link is the product link (docs/publishers/embedding.md)', () => {
  for (const [links, expanded, product, unread] of DECISIONS) {
    it(`${links.join(' ')}${expanded ? ` with ${JSON.stringify(expanded)}` : ''} → ${product}, unread [${unread}]`, () => {
      const decision = decide(links, undefined, expanded && new Map(Object.entries(expanded)));
      expect(decision.match?.productUrl ?? null).to.equal(product);
      expect(decision.unread).to.deep.equal(unread);
    });
  }

  it('takes the first source present: product-url, the tweet object, the embedded tweet, tweet-url', () => {
    const tweet = {
      id: '1',
      text: 'x',
      entities: { urls: [{ url: 'https://t.co/a', expanded_url: LAMP, display_url: 'fancy.com/…' }] },
    };
    const embedded = { links: [{ href: ALBUM, text: 'gumroad.com/l/new-album' }] };
    const tweetUrl = 'https://x.com/a/status/1';
    expect(pickSource({ productUrl: ALBUM, tweet, embedded, tweetUrl })).to.deep.include({
      from: 'product-url',
      productUrl: ALBUM,
    });
    expect(
      pickSource({ productUrl: ALBUM, tweet })?.from === 'product-url' && pickSource({ productUrl: ALBUM, tweet }),
    ).to.have.nested.property('tweet.id', '1');
    expect(pickSource({ tweet, embedded, tweetUrl })).to.have.nested.property('tweet.links[0]', LAMP);
    expect(pickSource({ tweet: 'not an object', embedded, tweetUrl })).to.have.nested.property('tweet.links[0]', ALBUM);
    expect(pickSource({ tweetUrl })).to.deep.equal({ from: 'tweet-url', tweetUrl });
    expect(pickSource({})).to.equal(null);
  });
});

describe('source: tweets widgets.js rendered (docs/publishers/embedding.md)', () => {
  const kept: TweetInfo = { id: '7', url: 'https://twitter.com/a/status/7', links: [ALBUM] };
  /** [rendered, kept, what decides] */
  const CASES: Array<[string, { id?: string } | null, TweetInfo | null, unknown]> = [
    ['the same tweet as was read: what was read', { id: '7' }, kept, { from: 'tweet', tweet: kept }],
    ["a deleted tweet's empty shell: what was read", {}, kept, { from: 'tweet', tweet: kept }],
    [
      'rendered before anything read it: read by its id',
      { id: '9' },
      null,
      { from: 'rendered', tweetUrl: 'https://twitter.com/i/status/9' },
    ],
    [
      'another tweet than was read: read by its id',
      { id: '9' },
      kept,
      { from: 'rendered', tweetUrl: 'https://twitter.com/i/status/9' },
    ],
    ['an empty shell and nothing read: no source', {}, null, null],
    ['nothing rendered: what was read counts no more', null, kept, null],
  ];
  for (const [name, rendered, before, expected] of CASES) {
    it(name, () => expect(pickSource({ rendered, kept: before })).to.deep.equal(expected));
  }

  it('the embedded tweet (widgets.js keeps a deleted one beside its shell), a tweet object and product-url come first', () => {
    const embedded = { links: [{ href: LAMP, text: 'fancy.com/things/1234567' }] };
    expect(pickSource({ embedded, rendered: { id: '9' }, kept })).to.have.nested.property('tweet.links[0]', LAMP);
    expect(pickSource({ embedded, rendered: {}, kept })).to.have.nested.property('tweet.links[0]', LAMP);
    expect(pickSource({ productUrl: ALBUM, rendered: { id: '7' }, kept })).to.deep.equal({
      from: 'product-url',
      productUrl: ALBUM,
      tweet: kept,
    });
    expect(pickSource({ productUrl: ALBUM, rendered: { id: '9' } })).to.deep.equal({
      from: 'product-url',
      productUrl: ALBUM,
      tweet: null,
    });
    expect(pickSource({ rendered: { id: '9' }, tweetUrl: 'https://x.com/a/status/1' })).to.deep.include({
      from: 'rendered',
    });
  });

  it('reads a rendered tweet through loadTweet, like a tweet-url', async () => {
    const asked: string[] = [];
    const read = await readProductLink(pickSource({ rendered: { id: '9' } }), {
      loadTweet: async (url) => (asked.push(url), { id: '9', links: [ALBUM] }),
    });
    expect(asked).to.deep.equal(['https://twitter.com/i/status/9']);
    expect(read.match?.productUrl).to.equal(ALBUM);
  });
});

describe('source: reading what must be read', () => {
  const tweetOf = (links: string[]): TweetInfo => ({ links });
  const options = (more: Partial<ReadOptions> = {}): ReadOptions & { asked: string[][] } => {
    const asked: string[][] = [];
    return {
      asked,
      loadTweet: async () => tweetOf(['https://t.co/a']),
      ...more,
      readLinks: more.readLinks
        ? async (links, signal) => {
            asked.push(links);
            return more.readLinks!(links, signal);
          }
        : undefined,
    };
  };
  const through = (table: Record<string, string | null>) => async (links: string[]) =>
    new Map(links.map((link) => [link, table[link] ?? null]));

  it('asks nothing when a readable link decides before any t.co link', async () => {
    const read = options({ readLinks: through({}) });
    const { match } = await readProductLink({ from: 'tweet', tweet: tweetOf([LAMP, 'https://t.co/a']) }, read);
    expect(match?.productUrl).to.equal(LAMP);
    expect(read.asked).to.deep.equal([]);
  });

  it('reads only the t.co links before the first partner link, then decides in reading order', async () => {
    const read = options({ readLinks: through({ 'https://t.co/b': ALBUM }) });
    const tweet = tweetOf(['https://t.co/a', 'https://t.co/b', LAMP, 'https://t.co/c']);
    const { match, unread } = await readProductLink({ from: 'tweet', tweet }, read);
    expect(match?.productUrl).to.equal(ALBUM);
    expect(unread).to.deep.equal([]);
    expect(read.asked).to.deep.equal([['https://t.co/a', 'https://t.co/b']]);
  });

  it('without a way to read t.co, says which links stayed unread', async () => {
    const { match, unread } = await readProductLink({ from: 'tweet', tweet: tweetOf(['https://t.co/a']) }, options());
    expect(match).to.equal(null);
    expect(unread).to.deep.equal(['https://t.co/a']);
  });

  it("reads a tweet-url's tweet, then its t.co links the same way", async () => {
    const read = options({ readLinks: through({ 'https://t.co/a': ALBUM }) });
    const { match, tweet } = await readProductLink({ from: 'tweet-url', tweetUrl: 'https://x.com/a/status/1' }, read);
    expect(match?.productUrl).to.equal(ALBUM);
    expect(tweet?.links).to.deep.equal(['https://t.co/a']);
  });

  it('rejects a product-url no partner takes as unsupported_link, step tweet', async () => {
    const error = await readProductLink(
      { from: 'product-url', productUrl: 'https://example.com/x', tweet: null },
      options(),
    ).catch((e) => e);
    expect(error).to.include({ code: 'unsupported_link', step: 'tweet', retryable: false });
  });

  it('passes a failed reading on as it is', async () => {
    const failure = new Error('down');
    const read = options({ readLinks: async () => Promise.reject(failure) });
    const error = await readProductLink({ from: 'tweet', tweet: tweetOf(['https://t.co/a']) }, read).catch((e) => e);
    expect(error).to.equal(failure);
  });
});
