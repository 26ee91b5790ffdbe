// The Payment Element follows the element's theme and the page's custom properties (issue 9):
// Stripe's `night` theme where the element is dark, and the accent, radius and font mapped to
// Stripe's appearance variables. What crosses to Stripe is what `stripe.elements` was called with.
import { expect } from '@open-wc/testing';
import type { Appearance } from '@stripe/stripe-js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import '../../src/define.js';

import '../setup.js';
import { card, openCheckout, useFakeStripe } from './helpers.js';

const stripe = useFakeStripe();

const appearanceOf = async (el: BuyTweetElement): Promise<Appearance> => {
  const before = stripe.calls.length;
  await openCheckout(el);
  const call = stripe.calls.slice(before).find((entry) => entry.method === 'stripe.elements')!;
  return (call.args[0] as { appearance: Appearance }).appearance;
};

const systemDark = matchMedia('(prefers-color-scheme: dark)').matches;

describe("the Payment Element's appearance", () => {
  const THEMES: Array<['light' | 'dark' | 'auto', string]> = [
    ['light', 'stripe'],
    ['dark', 'night'],
    ['auto', systemDark ? 'night' : 'stripe'],
  ];
  for (const [theme, expected] of THEMES) {
    it(`is Stripe's ${expected} theme for theme="${theme}"`, async () => {
      const el = await card('https://gumroad.com/l/new-album');
      el.theme = theme;
      await el.updateComplete;
      expect((await appearanceOf(el)).theme).to.equal(expected);
    });
  }

  it("takes the page's accent, radius and font, and the defaults without them", async () => {
    const el = await card('https://gumroad.com/l/new-album');
    el.theme = 'light';
    el.style.setProperty('--buy-tweet-accent', '#7a2bd6');
    el.style.setProperty('--buy-tweet-radius', '4px');
    el.style.setProperty('--buy-tweet-font', 'Georgia, serif');
    expect((await appearanceOf(el)).variables).to.deep.equal({
      colorPrimary: '#7a2bd6',
      borderRadius: '4px',
      fontFamily: 'Georgia, serif',
    });
    el.remove();
    // A new tab: the attempt above is not continued.
    sessionStorage.clear();
    const plain = await card('https://gumroad.com/l/new-album');
    plain.theme = 'light';
    expect((await appearanceOf(plain)).variables).to.deep.equal({
      colorPrimary: '#0f6cbd',
      borderRadius: '12px',
      fontFamily: 'system-ui, sans-serif',
    });
  });
});
