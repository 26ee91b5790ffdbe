import { expect } from '@open-wc/testing';
import { findPartner } from '../../src/core/partners.js';
import '../setup.js';

/** [link, partner id or null, the link as sent to the partner (when it differs from the input)] */
const CASES: Array<[string, string | null, string?]> = [
  // Gumroad
  ['https://gumroad.com/l/new-album', 'gumroad'],
  ['https://www.gumroad.com/l/new-album', 'gumroad'],
  ['https://gumroad.com/l/new-album/', 'gumroad'],
  ['https://GUMROAD.com/l/new-album', 'gumroad', 'https://gumroad.com/l/new-album'],
  ['https://theband.gumroad.com/l/tour-poster', 'gumroad'],
  ['https://the-band2.gumroad.com/l/x', 'gumroad'],
  ['https://gum.co/photo-course', 'gumroad'],
  ['https://www.gum.co/photo-course', 'gumroad'],
  ['https://gum.co/photo-course/', 'gumroad'],
  ['https://gumroad.com/l/caf%C3%A9', 'gumroad'],
  [
    'https://gumroad.com/l/new-album?utm_source=twitter&utm_medium=social',
    'gumroad',
    'https://gumroad.com/l/new-album',
  ],
  ['https://gumroad.com/l/new-album?wanted=true&ref=tw', 'gumroad', 'https://gumroad.com/l/new-album?wanted=true'],
  ['https://gumroad.com/l/new-album#reviews', 'gumroad', 'https://gumroad.com/l/new-album'],
  [
    'https://gumroad.com/l/new-album?s=20&t=abc&fbclid=1&gclid=2&ref_src=twsrc',
    'gumroad',
    'https://gumroad.com/l/new-album',
  ],
  [
    'https://gumroad.com/l/new-album?option=flac&utm_campaign=x#top',
    'gumroad',
    'https://gumroad.com/l/new-album?option=flac',
  ],
  ['https://gumroad.com/l/', null],
  ['https://gumroad.com/l/new-album//', null],
  ['https://gumroad.com/l/a/b', null],
  ['https://gumroad.com/new-album', null],
  ['https://gumroad.com/', null],
  ['https://gum.co/', null],
  ['https://gum.co/a/b', null],
  ['http://gumroad.com/l/new-album', null],
  ['https://gumroad.com.evil.example/l/x', null],
  ['https://evilgumroad.com/l/x', null],
  ['https://gumroad.com@evil.example/l/x', null],
  ['https://user:pass@gumroad.com/l/x', null],
  ['https://gumroad.com:8443/l/x', null],
  ['https://a.b.gumroad.com/l/x', null],
  ['https://gumroad.co/l/x', null],
  // Fancy
  ['https://fancy.com/things/1234567', 'fancy'],
  ['https://fancy.com/things/1234567/', 'fancy'],
  ['https://fancy.com/things/1234567/handmade-walnut-lamp', 'fancy'],
  ['https://www.fancy.com/things/1234567/handmade-walnut-lamp/', 'fancy'],
  ['https://FANCY.COM/things/7654321', 'fancy', 'https://fancy.com/things/7654321'],
  ['https://fancy.com/things/7654321?utm_source=tw', 'fancy', 'https://fancy.com/things/7654321'],
  ['https://fancy.com/things/abc', null],
  ['https://fancy.com/things/', null],
  ['https://fancy.com/things/123/lamp/extra', null],
  ['https://shop.fancy.com/things/123', null],
  ['https://fancy.com/thing/123', null],
  ['http://fancy.com/things/123', null],
  ['https://notfancy.com/things/123', null],
  // Musictoday
  ['https://musictoday.com/store/theband/tour-tee', 'musictoday'],
  ['https://www.musictoday.com/store/theband/tour-tee/', 'musictoday'],
  ['https://theband.musictoday.com/tour-tee', 'musictoday'],
  ['https://theband.musictoday.com/store/products/12', 'musictoday'],
  ['https://TokyoBand.MusicToday.com/live-cd', 'musictoday', 'https://tokyoband.musictoday.com/live-cd'],
  ['https://musictoday.com/store/theband', null],
  ['https://musictoday.com/store/theband/tour-tee/more', null],
  ['https://musictoday.com/theband/tour-tee', null],
  ['https://theband.musictoday.com/', null],
  ['https://theband.musictoday.com', null],
  ['https://www.musictoday.com/tour-tee', null],
  ['https://musictoday.com.evil.example/store/a/b', null],
  // Stripe Payment Links
  ['https://buy.stripe.com/6oE5lY0aB1cD', 'stripe'],
  ['https://buy.stripe.com/test_6oE5lY0aB1cD', 'stripe'],
  ['https://buy.stripe.com/test_6oE5lY0aB1cD/', 'stripe'],
  ['https://BUY.STRIPE.COM/test_6oE5lY0aB1cD?utm_source=x', 'stripe', 'https://buy.stripe.com/test_6oE5lY0aB1cD'],
  ['https://buy.stripe.com/', null],
  ['https://buy.stripe.com/a/b', null],
  ['https://www.buy.stripe.com/abc', null],
  ['https://stripe.com/abc', null],
  ['https://checkout.stripe.com/c/pay/cs_test_123', null],
  ['http://buy.stripe.com/abc', null],
  // Not links at all
  ['javascript:alert(1)//gumroad.com/l/x', null],
  ['data:text/html,https://gumroad.com/l/x', null],
  ['gumroad.com/l/new-album', null],
  ['', null],
  ['https://t.co/AbC123', null],
  ['https://twitter.com/theband/status/509074208133345280', null],
];

describe('partners: which links are product links', () => {
  for (const [link, partner, sent] of CASES) {
    it(`${link || '(empty)'} → ${partner ?? 'none'}`, () => {
      const match = findPartner(link);
      expect(match?.partner.id ?? null).to.equal(partner);
      if (match) expect(match.productUrl).to.equal(sent ?? link);
    });
  }

  it('gives each built-in its well-known endpoint', () => {
    expect(findPartner('https://gumroad.com/l/x')!.partner.endpoint).to.equal(
      'https://gumroad.com/.well-known/buy-tweet/v1',
    );
    expect(findPartner('https://buy.stripe.com/abc')!.partner.endpoint).to.equal(
      'https://buy.stripe.com/.well-known/buy-tweet/v1',
    );
  });

  it('treats two links that differ only in fragment and tracking as one product', () => {
    const a = findPartner('https://gumroad.com/l/new-album?utm_source=tw#x')!.productUrl;
    const b = findPartner('https://gumroad.com/l/new-album?fbclid=1')!.productUrl;
    expect(a).to.equal(b);
  });
});

export const URL_CASE_COUNT = CASES.length;
