// The mock's t.co (docs/partners/mock-partner.md and docs/publishers/real-tweets.md). Runs against the build:
//   npx tsc -p . && node --test test/mock/
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { getResponse } from 'msw';
import { parseFragment } from 'parse5';
import { findPartner } from 'buy-tweet/api';
import { embedHtml, fixtureTweets, tcoLinks } from 'buy-tweet/mock';
import { startMockPartnerServer } from 'buy-tweet/mock/server';

let server;
let mock;

before(async () => {
  server = await startMockPartnerServer({ port: 0 });
  mock = server.mock;
});
after(() => server.close());
beforeEach(() => mock.reset());

const tweets = Object.values(fixtureTweets);
const tcoPieces = (tweet) => tweet.text.filter((piece) => typeof piece === 'object' && 'tco' in piece);
const album = fixtureTweets.newAlbum.text[1];

const routes = () => mock.requests.map((request) => `${request.route} ${request.method}`);

describe('t.co, as the mock answers it', () => {
  test('knows every t.co link of the fixture tweets, and where each goes', () => {
    const bare = (link) => link.replace(/^https:\/\/(www\.)?/, '');
    for (const tweet of tweets) {
      for (const piece of tcoPieces(tweet)) {
        assert.equal(tcoLinks[piece.tco], piece.to, piece.tco);
        if (piece.display.startsWith('pic.twitter.com/'))
          assert.ok(piece.to.endsWith(`/status/${tweet.id}/photo/1`), piece.to);
        else if (!piece.display.includes('…')) assert.ok(bare(piece.to).startsWith(piece.display), piece.to);
      }
    }
  });

  test('leads every tweet with a product to that product', () => {
    for (const tweet of tweets.filter((candidate) => candidate.productUrl)) {
      const products = tcoPieces(tweet).map((piece) => findPartner(tcoLinks[piece.tco])?.productUrl);
      const canonical = (link) => link.replace('://www.', '://').replace(/\/$/, '');
      assert.ok(
        products.some((link) => link && canonical(link) === canonical(tweet.productUrl)),
        tweet.id,
      );
    }
  });

  test('answers a known code with a 301 to its link and the page that redirects browsers', async () => {
    const response = await getResponse(mock.handlers, new Request(album.tco));
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), album.to);
    const page = await response.text();
    const escaped = album.to.replaceAll('/', '\\/');
    assert.ok(page.includes(`<noscript><META http-equiv="refresh" content="0;URL=${album.to}"></noscript>`), page);
    assert.ok(page.includes(`location.replace("${escaped}")`), page);
    assert.deepEqual(routes(), ['tco GET']);
  });

  test('answers HEAD with the same redirect and no body, and an unknown code with a 404', async () => {
    const head = await getResponse(mock.handlers, new Request(album.tco, { method: 'HEAD' }));
    assert.equal(head.status, 301);
    assert.equal(head.headers.get('location'), album.to);
    assert.equal(head.body, null);
    const unknown = await getResponse(mock.handlers, new Request('https://t.co/N0tAL1nk'));
    assert.equal(unknown.status, 404);
  });

  test('escapes a link in its page so that it cannot end the script', async () => {
    const { tcoPage } = await import('../../dist/esm/mock/tco.js');
    const page = tcoPage('https://x.example/?a=1&b=</script><script>alert(1)</script>');
    assert.equal(page.match(/<\/script>/g).length, 1);
    assert.ok(page.includes('content="0;URL=https://x.example/?a=1&amp;b=&lt;/script&gt;'));
  });
});

describe('embed code', () => {
  const attributesOf = (html) => {
    const links = [];
    const stack = [parseFragment(html)];
    while (stack.length) {
      const node = stack.pop();
      if (node.nodeName === 'a')
        links.push({
          attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])),
          text: node.childNodes.map((c) => c.value).join(''),
        });
      stack.push(...[...(node.childNodes ?? [])].reverse());
    }
    return links;
  };

  test('writes t.co links as publish.twitter.com does today with links: tco', () => {
    const html = embedHtml(fixtureTweets.withMedia, { links: 'tco' });
    const tco = attributesOf(html).filter(({ attrs }) => attrs.href.startsWith('https://t.co/'));
    assert.deepEqual(
      tco.map(({ attrs, text }) => [attrs, text]),
      [
        [{ href: 'https://t.co/Md9aL2b' }, 'https://t.co/Md9aL2b'],
        [{ href: 'https://t.co/Xy7Zq2Lm9K' }, 'pic.twitter.com/Xy7Zq2Lm9K'],
      ],
    );
    assert.match(
      html,
      /<a href="https:\/\/twitter\.com\/theband\/status\/1781234567890123776\?ref_src=twsrc%5Etfw">April 19, 2024<\/a>/,
    );
    assert.doesNotMatch(embedHtml(fixtureTweets.cutLink, { links: 'tco' }), /data-expanded-url|title=/);
  });

  test('keeps the older shape by default', () => {
    assert.equal(embedHtml(fixtureTweets.cutLink), embedHtml(fixtureTweets.cutLink, { links: 'display' }));
    assert.match(
      embedHtml(fixtureTweets.cutLink),
      /data-expanded-url="https:\/\/www\.musictoday\.com\/store\/theband\/vinyl\/">musictoday\.com\/store\/theband\/…</,
    );
  });
});
