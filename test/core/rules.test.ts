// The rules the element, the mock and the reference partner share (src/core/rules.ts): one line a
// case. The element's own link decisions are in source.test.ts and partners.test.ts; the partner's
// catalogue matching in partner/test.
import { expect } from '@open-wc/testing';
import { newId, orderFingerprint, productLinkKey, randomHex } from '../../src/core/rules.js';
import '../setup.js';

/** [a link, how every partner recognises it] */
const LINK_KEYS: Array<[string, string | undefined]> = [
  ['https://gumroad.com/l/new-album', 'https://gumroad.com/l/new-album'],
  ['https://www.gumroad.com/l/new-album/', 'https://gumroad.com/l/new-album'],
  ['https://GUMROAD.com/l/new-album#buy', 'https://gumroad.com/l/new-album'],
  ['https://gumroad.com/l/new-album?utm_source=twitter&ref_src=twsrc%5Etfw&s=20', 'https://gumroad.com/l/new-album'],
  ['https://gumroad.com/l/new-album?variant=flac&fbclid=x', 'https://gumroad.com/l/new-album?variant=flac'],
  ['https://gumroad.com/l/a%20b?q=%7E', 'https://gumroad.com/l/a%20b?q=%7E'],
  ['https://gumroad.com/', 'https://gumroad.com/'],
  ['http://127.0.0.1:8788/l/x', 'http://127.0.0.1:8788/l/x'],
  ['javascript:alert(1)', undefined],
  ['ftp://gumroad.com/l/x', undefined],
  ['not a link', undefined],
];

describe('rules: how a partner recognises a product link', () => {
  for (const [link, key] of LINK_KEYS) {
    it(`${link} → ${key}`, () => expect(productLinkKey(link)).to.equal(key));
  }
  it('takes a URL as well as a string', () =>
    expect(productLinkKey(new URL('https://www.fancy.com/things/1/'))).to.equal('https://fancy.com/things/1'));
});

describe('rules: what identifies an order request', () => {
  it('is the same for two bodies that say the same thing in another order', () => {
    const a = {
      productId: 'p',
      quantity: 1,
      shipping: { city: 'Oslo', name: 'A' },
      expectedTotal: { amount: 1, currency: 'USD' },
    };
    const b = {
      expectedTotal: { currency: 'USD', amount: 1 },
      shipping: { name: 'A', city: 'Oslo' },
      quantity: 1,
      productId: 'p',
    };
    expect(orderFingerprint(a)).to.equal(orderFingerprint(b));
  });
  it('differs for a change of the buyer', () => {
    expect(orderFingerprint({ quantity: 1 })).to.not.equal(orderFingerprint({ quantity: 2 }));
    expect(orderFingerprint({ items: [1, 2] })).to.not.equal(orderFingerprint({ items: [2, 1] }));
  });
});

describe('rules: ids', () => {
  it('gives a prefix and random hex', () => {
    expect(newId('ord')).to.match(/^ord_[0-9a-f]{24}$/);
    expect(newId('ord', 8)).to.match(/^ord_[0-9a-f]{16}$/);
    expect(randomHex(16)).to.match(/^[0-9a-f]{32}$/);
    expect(newId('ord')).to.not.equal(newId('ord'));
  });
});
