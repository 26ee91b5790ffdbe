// Remember-me reads back what any script on the site could have written (issue 8): whatever is
// stored, recall gives the valid parts or nothing, and never throws.
import { expect } from '@open-wc/testing';
import { forget, recall, remember, REMEMBER_DAYS } from '../../src/checkout/remember.js';
import '../noise.js';

const KEY = 'buy-tweet:buyer';
const NOW = Date.UTC(2030, 0, 1);
const DAY = 24 * 60 * 60 * 1000;
const ADDRESS = {
  name: 'Ada',
  line1: '1 Main St',
  line2: '',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
};
const good = { email: 'ada@example.com', shipping: ADDRESS, savedAt: NOW - DAY };
const stored = (value: unknown) => JSON.stringify(value);
const long = (length: number) => 'x'.repeat(length);

const cases: Array<{ name: string; raw: string | null; expected: unknown; kept?: boolean }> = [
  { name: 'nothing stored', raw: null, expected: undefined },
  { name: 'a good record', raw: stored(good), expected: { email: good.email, shipping: ADDRESS }, kept: true },
  {
    name: 'email only',
    raw: stored({ email: 'a@example.com', savedAt: NOW }),
    expected: { email: 'a@example.com' },
    kept: true,
  },
  { name: 'garbage, not JSON', raw: '{"email": "a@', expected: undefined },
  { name: 'JSON null', raw: 'null', expected: undefined },
  { name: 'a JSON string', raw: stored('ada@example.com'), expected: undefined },
  { name: 'an array', raw: stored([good]), expected: undefined },
  { name: '{"name": 42}, no date', raw: stored({ name: 42 }), expected: undefined },
  {
    name: 'name 42 in the address',
    raw: stored({ ...good, shipping: { ...ADDRESS, name: 42 } }),
    expected: { email: good.email, shipping: { ...ADDRESS, name: undefined } },
  },
  { name: 'email a number', raw: stored({ ...good, email: 42 }), expected: { shipping: ADDRESS } },
  { name: 'email an object', raw: stored({ ...good, email: { toString: 'x' } }), expected: { shipping: ADDRESS } },
  { name: 'an empty email and no address', raw: stored({ email: '', savedAt: NOW }), expected: undefined },
  { name: 'shipping an array', raw: stored({ ...good, shipping: ['1 Main St'] }), expected: { email: good.email } },
  {
    name: 'unknown keys',
    raw: stored({ ...good, card: '4242', __proto__x: 1, shipping: { ...ADDRESS, phone: '555' } }),
    expected: { email: good.email, shipping: ADDRESS },
  },
  {
    name: 'email of 254 characters',
    raw: stored({ ...good, email: `${long(242)}@example.com` }),
    expected: { email: `${long(242)}@example.com`, shipping: ADDRESS },
  },
  {
    name: 'email of 255 characters',
    raw: stored({ ...good, email: `${long(243)}@example.com` }),
    expected: { shipping: ADDRESS },
  },
  {
    name: 'name of 201 characters',
    raw: stored({ ...good, shipping: { ...ADDRESS, name: long(201) } }),
    expected: { email: good.email, shipping: { ...ADDRESS, name: undefined } },
  },
  {
    name: 'line1 of 201 characters',
    raw: stored({ ...good, shipping: { ...ADDRESS, line1: long(201) } }),
    expected: { email: good.email, shipping: { ...ADDRESS, line1: undefined } },
  },
  {
    name: 'line2 of 200 characters',
    raw: stored({ ...good, shipping: { ...ADDRESS, line2: long(200) } }),
    expected: { email: good.email, shipping: { ...ADDRESS, line2: long(200) } },
  },
  {
    name: 'city of 101 characters',
    raw: stored({ ...good, shipping: { ...ADDRESS, city: long(101) } }),
    expected: { email: good.email, shipping: { ...ADDRESS, city: undefined } },
  },
  {
    name: 'region of 101 characters',
    raw: stored({ ...good, shipping: { ...ADDRESS, region: long(101) } }),
    expected: { email: good.email, shipping: { ...ADDRESS, region: undefined } },
  },
  {
    name: 'postal code of 21 characters',
    raw: stored({ ...good, shipping: { ...ADDRESS, postalCode: long(21) } }),
    expected: { email: good.email, shipping: { ...ADDRESS, postalCode: undefined } },
  },
  {
    name: 'a country not listed',
    raw: stored({ ...good, shipping: { ...ADDRESS, country: 'ZZ' } }),
    expected: { email: good.email, shipping: { ...ADDRESS, country: undefined } },
  },
  {
    name: 'a country in lower case',
    raw: stored({ ...good, shipping: { ...ADDRESS, country: 'us' } }),
    expected: { email: good.email, shipping: { ...ADDRESS, country: undefined } },
  },
  {
    name: 'a country that is an array',
    raw: stored({ ...good, shipping: { ...ADDRESS, country: ['US'] } }),
    expected: { email: good.email, shipping: { ...ADDRESS, country: undefined } },
  },
  {
    name: 'saved 180 days ago',
    raw: stored({ ...good, savedAt: NOW - REMEMBER_DAYS * DAY }),
    expected: { email: good.email, shipping: ADDRESS },
    kept: true,
  },
  {
    name: 'saved 180 days and a second ago: expired',
    raw: stored({ ...good, savedAt: NOW - REMEMBER_DAYS * DAY - 1000 }),
    expected: undefined,
    kept: false,
  },
  { name: 'no savedAt', raw: stored({ email: good.email, shipping: ADDRESS }), expected: undefined, kept: false },
  { name: 'savedAt a string', raw: stored({ ...good, savedAt: String(NOW) }), expected: undefined, kept: false },
  { name: 'savedAt in the future', raw: stored({ ...good, savedAt: NOW + DAY }), expected: undefined, kept: false },
];

/** What `recall` should give: the expected record without the fields it drops. */
const withoutUndefined = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null') ?? undefined;

describe('remember-me', () => {
  afterEach(() => localStorage.clear());

  for (const { name, raw, expected, kept } of cases) {
    it(`reads back ${name}`, () => {
      if (raw !== null) localStorage.setItem(KEY, raw);
      expect(recall(NOW)).to.deep.equal(withoutUndefined(expected));
      if (kept !== undefined) expect(localStorage.getItem(KEY) !== null).to.equal(kept);
    });
  }

  it('saves what it would read back, dated, and forgets', () => {
    remember({ email: 'ada@example.com', shipping: ADDRESS }, NOW);
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({
      email: 'ada@example.com',
      shipping: ADDRESS,
      savedAt: NOW,
    });
    expect(recall(NOW + DAY)).to.deep.equal({ email: 'ada@example.com', shipping: ADDRESS });

    remember({ email: long(300), shipping: { ...ADDRESS, country: 'ZZ' } }, NOW);
    expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal(
      withoutUndefined({ shipping: { ...ADDRESS, country: undefined }, savedAt: NOW }),
    );

    forget();
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(recall(NOW)).to.equal(undefined);
  });
});
