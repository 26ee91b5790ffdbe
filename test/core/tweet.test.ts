import { expect } from '@open-wc/testing';
import { parseStatusUrl } from '../../src/core/rules.js';
import { expandLink, tweetFromEmbed, tweetFromObject } from '../../src/core/tweet.js';
import { readEmbeddedTweet, readRenderedTweet } from '../../src/core/tweet-dom.js';
import type { TweetLink } from '../../src/core/types.js';
import '../setup.js';

/** [what the link says, where it goes (undefined: nowhere we can know)] */
const LINKS: Array<[TweetLink, string | undefined]> = [
  [{ href: 'https://gumroad.com/l/x', text: 'anything' }, 'https://gumroad.com/l/x'],
  [{ href: 'https://t.co/AbC', text: 'gumroad.com/l/new-album' }, 'https://gumroad.com/l/new-album'],
  [{ href: 'https://t.co/AbC', text: '  gumroad.com/l/new-album  ' }, 'https://gumroad.com/l/new-album'],
  [{ href: 'https://t.co/AbC', text: 'gumroad.com/l/new-alb…' }, undefined],
  [{ href: 'https://t.co/AbC', text: 'gumroad.com/l/new-alb...' }, undefined],
  [
    { href: 'https://t.co/AbC', text: 'gumroad.com/l/new-alb…', title: 'https://gumroad.com/l/new-album' },
    'https://gumroad.com/l/new-album',
  ],
  [
    {
      href: 'https://t.co/AbC',
      text: 'gumroad.com/l/other',
      title: 'https://gumroad.com/l/title',
      expandedUrl: 'https://gumroad.com/l/expanded',
    },
    'https://gumroad.com/l/expanded',
  ],
  [{ href: 'https://t.co/AbC', text: 'gumroad.com/l/x', title: 'Buy my album' }, 'https://gumroad.com/l/x'],
  [{ href: 'https://t.co/AbC', text: 'pic.twitter.com/xyz' }, 'https://pic.twitter.com/xyz'],
  [{ href: 'https://t.co/AbC', text: 'click here' }, undefined],
  [{ href: 'https://t.co/AbC', text: 'https://fancy.com/things/1' }, 'https://fancy.com/things/1'],
  [{ href: 'https://t.co/AbC', text: 'x', expandedUrl: 'javascript:alert(1)' }, undefined],
  [{ href: 'http://t.co/AbC', text: 'fancy.com/things/1' }, 'https://fancy.com/things/1'],
  [{ href: 'https://t.co/CM16ByNrbt', text: 'https://t.co/CM16ByNrbt' }, undefined],
  [{ href: 'https://t.co/AbC', text: 't.co/AbC' }, undefined],
  [{ href: 'https://t.co/AbC', text: 'x', expandedUrl: 'https://t.co/Other' }, undefined],
  [{ href: 'not a url', text: 'gumroad.com/l/x' }, undefined],
];

describe('tweet: reading links through t.co', () => {
  for (const [link, expected] of LINKS) {
    it(`${link.href} "${link.text}"${link.title ? ` title=${link.title}` : ''}${link.expandedUrl ? ' +expanded' : ''} → ${expected}`, () => {
      expect(expandLink(link)).to.equal(expected);
    });
  }
});

describe('tweet: status links', () => {
  const cases: Array<[string, { id: string; url: string } | null]> = [
    [
      'https://twitter.com/theband/status/509074208133345280',
      { id: '509074208133345280', url: 'https://twitter.com/theband/status/509074208133345280' },
    ],
    ['https://x.com/theband/status/1?ref_src=twsrc%5Etfw', { id: '1', url: 'https://x.com/theband/status/1' }],
    ['https://mobile.twitter.com/a_b/status/42/', { id: '42', url: 'https://mobile.twitter.com/a_b/status/42/' }],
    ['https://twitter.com/theband', null],
    ['https://twitter.com.evil.example/a/status/1', null],
    ['https://twitter.com/a/status/abc', null],
  ];
  for (const [url, expected] of cases) {
    it(`${url} → ${expected?.id ?? 'none'}`, () => expect(parseStatusUrl(url)).to.deep.equal(expected));
  }
});

const embed = (markup: string) => {
  const root = document.createElement('div');
  // Test-authored markup only; the element never parses outside HTML this way.
  root.innerHTML = markup;
  return tweetFromEmbed(readEmbeddedTweet(root));
};

describe('tweet: embedded tweets as twitter.com gives them', () => {
  it('reads text, author, date, id and the product link', () => {
    const tweet = embed(`<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our new album is out today
      <a href="https://t.co/AbC123">gumroad.com/l/new-album</a></p>&mdash; The Band (@theband)
      <a href="https://twitter.com/theband/status/509074208133345280?ref_src=twsrc%5Etfw">September 8, 2014</a></blockquote>`);
    expect(tweet).to.deep.equal({
      links: ['https://gumroad.com/l/new-album'],
      id: '509074208133345280',
      url: 'https://twitter.com/theband/status/509074208133345280',
      date: 'September 8, 2014',
      text: 'Our new album is out today gumroad.com/l/new-album',
      lang: 'en',
      dir: 'ltr',
      authorName: 'The Band',
      authorHandle: 'theband',
    });
  });

  it('keeps links in reading order, and what it cannot read through as the t.co link', () => {
    const tweet = embed(`<blockquote class="twitter-tweet"><p>Two things
      <a href="https://t.co/1">gumroad.com/l/long-name-cut…</a>
      <a href="https://t.co/2" data-expanded-url="https://fancy.com/things/1">fancy.com/things/1</a>
      <a href="https://t.co/3">pic.twitter.com/abc</a></p>&mdash; X (@x)
      <a href="https://x.com/x/status/2">May 1, 2020</a></blockquote>`);
    expect(tweet.links).to.deep.equal(['https://t.co/1', 'https://fancy.com/things/1', 'https://pic.twitter.com/abc']);
    expect(tweet.id).to.equal('2');
  });

  it("leaves every link of today's embed code (t.co text, ref_src status link) for a link endpoint", () => {
    // As publish.twitter.com writes a tweet today: each link's text is the t.co link itself.
    const tweet = embed(
      `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Our new album is out today <a href="https://t.co/CM16ByNrbt">https://t.co/CM16ByNrbt</a> <a href="https://t.co/Xy7Zq2Lm9K">pic.twitter.com/Xy7Zq2Lm9K</a></p>&mdash; The Band (@theband) <a href="https://twitter.com/theband/status/509074208133345280?ref_src=twsrc%5Etfw">September 8, 2014</a></blockquote>`,
    );
    expect(tweet.links).to.deep.equal(['https://t.co/CM16ByNrbt', 'https://pic.twitter.com/Xy7Zq2Lm9K']);
    expect(tweet).to.include({ id: '509074208133345280', authorHandle: 'theband', date: 'September 8, 2014' });
  });
});

describe('tweet: API objects', () => {
  it('reads an X API v2 tweet, preferring expanded URLs', () => {
    const tweet = tweetFromObject({
      id: '1460323737035677698',
      text: 'New album https://t.co/AbC123',
      author_id: '2244994945',
      entities: {
        urls: [
          {
            url: 'https://t.co/AbC123',
            expanded_url: 'https://gumroad.com/l/new-album',
            display_url: 'gumroad.com/l/new-album',
          },
        ],
      },
    });
    expect(tweet?.id).to.equal('1460323737035677698');
    expect(tweet?.links).to.deep.equal(['https://gumroad.com/l/new-album']);
  });

  it('reads a v1.1 status with full_text and user', () => {
    const tweet = tweetFromObject({
      id: 509074208133345280,
      id_str: '509074208133345280',
      full_text: 'Out now https://t.co/x',
      user: { screen_name: 'theband', name: 'The Band' },
      entities: {
        urls: [
          {
            url: 'https://t.co/x',
            expanded_url: 'https://fancy.com/things/1234567',
            display_url: 'fancy.com/things/1234567',
          },
        ],
      },
    });
    expect(tweet).to.include({
      id: '509074208133345280',
      authorHandle: 'theband',
      url: 'https://twitter.com/theband/status/509074208133345280',
    });
    expect(tweet?.links).to.deep.equal(['https://fancy.com/things/1234567']);
  });

  it('falls back to the display URL of an entity without expanded_url', () => {
    const tweet = tweetFromObject({
      id_str: '1',
      text: 't',
      entities: { urls: [{ url: 'https://t.co/x', display_url: 'gum.co/photo-course' }] },
    });
    expect(tweet?.links).to.deep.equal(['https://gum.co/photo-course']);
  });

  it('refuses what is not a tweet', () => {
    for (const value of [null, 42, 'text', [], {}]) expect(tweetFromObject(value)).to.equal(null);
  });
});

/**
 * What widgets.js leaves in place of the blockquote, as public pages saved after it ran show:
 * today's div and iframe (its `src` cut short here), the same without data-tweet-id (only the `id`
 * of its src), and the empty shell of a deleted tweet.
 */
const RENDERED: Array<[string, string, { id?: string } | null]> = [
  [
    "today's div and iframe",
    '<div class="twitter-tweet twitter-tweet-rendered" style="display: flex; max-width: 550px; width: 100%; margin-top: 10px; margin-bottom: 10px;"><iframe id="twitter-widget-0" scrolling="no" frameborder="0" allowtransparency="true" allowfullscreen="true" class="" style="position: static; visibility: visible; width: 550px; height: 393px; display: block; flex-grow: 1;" title="X Post" src="https://platform.twitter.com/embed/Tweet.html?dnt=false&amp;embedId=twitter-widget-0&amp;frame=false&amp;hideCard=false&amp;hideThread=false&amp;id=1630000000000000001&amp;lang=en&amp;theme=light&amp;width=550px" data-tweet-id="1630000000000000001"></iframe></div>',
    { id: '1630000000000000001' },
  ],
  [
    'the iframe without data-tweet-id: the id of its src',
    '<div class="twitter-tweet twitter-tweet-rendered"><iframe id="twitter-widget-0" title="X Post" src="https://platform.twitter.com/embed/Tweet.html?creatorScreenName=someone&amp;dnt=true&amp;embedId=twitter-widget-0&amp;id=1630000000000000002&amp;lang=en"></iframe></div>',
    { id: '1630000000000000002' },
  ],
  [
    'the empty shell of a deleted tweet',
    '<div class="twitter-tweet twitter-tweet-rendered" style="display: flex;"></div>',
    {},
  ],
  [
    'an id that is no number',
    '<div class="twitter-tweet twitter-tweet-rendered"><iframe data-tweet-id="1;alert(1)"></iframe></div>',
    {},
  ],
  ['a blockquote not rendered yet', '<blockquote class="twitter-tweet"><p>Hi</p></blockquote>', null],
  ['an iframe of someone else', '<iframe src="https://example.com/?id=1"></iframe>', null],
];

describe('tweet: tweets widgets.js rendered', () => {
  for (const [name, markup, expected] of RENDERED) {
    it(`${name} → ${JSON.stringify(expected)}`, () => {
      const root = document.createElement('div');
      // Test-authored markup only.
      root.innerHTML = markup;
      expect(readRenderedTweet(root)).to.deep.equal(expected);
    });
  }
});
