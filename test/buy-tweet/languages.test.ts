import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { config, configure } from '../../src/core/config.js';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { stripeLocale } from '../../src/checkout/payment.js';
import '../../src/define.js';
import { intlPrice } from '../price.js';

import {
  buyButton,
  card,
  checkoutOf,
  payButton,
  fill,
  inDialog,
  openCheckout,
  textOf,
  useFakeStripe,
} from '../checkout/helpers.js';

const part = (el: BuyTweetElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: BuyTweetElement, name: string) => textOf(part(el, name));

/** A product with options, a quantity and a shipping address: every field of the checkout. */
const POSTER = 'https://theband.gumroad.com/l/tour-poster';

/**
 * [language, Buy, In stock, the checkout's heading, Pay (its total as {total}), the Email label, its error when
 * empty, the City label, its error when empty]: each language's own words, as a buyer reads them.
 */
const LANGUAGES: Array<[string, string, string, string, string, string, string, string, string]> = [
  [
    'en',
    'Buy',
    'In stock',
    'Checkout',
    'Pay {total}',
    'Email',
    'Enter an email address like name@example.com.',
    'City',
    'Enter your city.',
  ],
  [
    'de',
    'Kaufen',
    'Auf Lager',
    'Kasse',
    '{total} bezahlen',
    'E-Mail',
    'Bitte eine E-Mail-Adresse wie name@example.com eingeben.',
    'Ort',
    'Bitte den Ort eingeben.',
  ],
  [
    'es',
    'Comprar',
    'Disponible',
    'Finalizar compra',
    'Pagar {total}',
    'Correo electrónico',
    'Indica un correo como nombre@example.com.',
    'Ciudad',
    'Indica tu ciudad.',
  ],
  [
    'fr',
    'Acheter',
    'En stock',
    'Finaliser la commande',
    'Payer {total}',
    'E-mail',
    'Saisissez une adresse e-mail comme nom@example.com.',
    'Ville',
    'Saisissez votre ville.',
  ],
  [
    'it',
    'Acquista',
    'Disponibile',
    'Cassa',
    'Paga {total}',
    'Email',
    'Inserisci un indirizzo email come nome@example.com.',
    'Città',
    'Inserisci la città.',
  ],
  [
    'nl',
    'Kopen',
    'Op voorraad',
    'Afrekenen',
    '{total} betalen',
    'E-mail',
    'Vul een e-mailadres in, zoals naam@example.com.',
    'Plaats',
    'Vul je plaats in.',
  ],
  [
    'pt-BR',
    'Comprar',
    'Em estoque',
    'Finalizar compra',
    'Pagar {total}',
    'E-mail',
    'Informe um e-mail como nome@example.com.',
    'Cidade',
    'Informe sua cidade.',
  ],
  [
    'ja',
    '購入する',
    '在庫あり',
    'ご購入手続き',
    '{total}を支払う',
    'メールアドレス',
    'name@example.com のようなメールアドレスを入力してください。',
    '市区町村',
    '市区町村を入力してください。',
  ],
  [
    'ko',
    '구매하기',
    '재고 있음',
    '주문/결제',
    '{total} 결제하기',
    '이메일',
    'name@example.com 형식의 이메일 주소를 입력해 주세요.',
    '시/군/구',
    '시/군/구를 입력해 주세요.',
  ],
  [
    'zh-CN',
    '购买',
    '有货',
    '结账',
    '支付 {total}',
    '电子邮件',
    '请输入电子邮件地址，例如 name@example.com。',
    '城市',
    '请输入城市。',
  ],
  [
    'zh-TW',
    '購買',
    '有現貨',
    '結帳',
    '支付 {total}',
    '電子郵件',
    '請輸入電子郵件地址，例如 name@example.com。',
    '城市',
    '請輸入城市。',
  ],
  [
    'ar',
    'شراء',
    'متوفر',
    'إتمام الشراء',
    'ادفع {total}',
    'البريد الإلكتروني',
    'أدخل بريدًا إلكترونيًا مثل name@example.com.',
    'المدينة',
    'أدخل مدينتك.',
  ],
  [
    'he',
    'לקנייה',
    'במלאי',
    'קופה',
    'תשלום {total}',
    'אימייל',
    'יש להזין כתובת אימייל, למשל name@example.com.',
    'עיר',
    'יש להזין עיר.',
  ],
];

/** A card inside `template`'s wrapper, loaded: listening from before it exists. */
const inside = async (template: ReturnType<typeof html>) => {
  const loaded = oneEvent(document, 'buy-tweet-load');
  const wrapper = await fixture(template);
  await loaded;
  const el = wrapper.querySelector('buy-tweet')!;
  await el.updateComplete;
  return el;
};

const labelOf = (el: BuyTweetElement, name: string) => textOf(inDialog(el, `label[for="${name}"]`));
const errorOf = (el: BuyTweetElement, name: string) => textOf(inDialog(el, `[id="${name}-error"]`));

const stripe = useFakeStripe({ delay: 0 });
afterEach(() => {
  config.locale = undefined;
  config.words = undefined;
  localStorage.clear();
});

describe('languages: each shows its own words', () => {
  for (const [lang, buy, inStock, heading, next, email, enterEmail, city, enterCity] of LANGUAGES) {
    it(`${lang}: the card and the checkout`, async () => {
      const el = await card(POSTER, { lang });
      expect(text(el, 'buy-button')).to.equal(buy);
      expect(text(el, 'availability')).to.equal(inStock);
      await openCheckout(el);
      expect(textOf(inDialog(el, '#heading'))).to.equal(heading);
      expect(textOf(payButton(el))).to.equal(next.replace('{total}', intlPrice(lang, 25, 'USD')));
      expect(labelOf(el, 'email')).to.equal(email);
      expect(labelOf(el, 'shipping.city')).to.equal(city);
      payButton(el).click();
      await waitUntil(() => errorOf(el, 'email'), 'no field errors');
      expect(errorOf(el, 'email')).to.equal(enterEmail);
      expect(errorOf(el, 'shipping.city')).to.equal(enterCity);
      await expect(checkoutOf(el)).to.be.accessible();
    });
  }

  it('follows the language chain: configure({locale}), then the nearest ancestor, with fallbacks', async () => {
    const el = await inside(
      html`<div lang="pt-PT"><buy-tweet loading="eager" product-url=${POSTER}></buy-tweet></div>`,
    );
    expect(text(el, 'buy-button')).to.equal('Comprar');
    configure({ locale: 'zh-HK' });
    await waitUntil(() => text(el, 'buy-button') === '購買', 'configure({locale}) did not count over the ancestor');
    el.setAttribute('lang', 'es-MX');
    await waitUntil(() => text(el, 'buy-button') === 'Comprar', "the element's own lang did not count");
    el.setAttribute('lang', 'en-GB');
    await waitUntil(() => text(el, 'buy-button') === 'Buy', 'en-GB did not fall back to English');
  });

  it('speaks English for a language it has no words for, with prices in that language', async () => {
    const el = await card(POSTER, { lang: 'sv-SE' });
    expect(text(el, 'buy-button')).to.equal('Buy');
    expect(text(el, 'price')).to.equal(intlPrice('sv-SE', 25, 'USD'));
  });

  it("says errors in the element's language", async () => {
    const failed = oneEvent(document, 'buy-tweet-error');
    const el = await fixture<BuyTweetElement>(
      html`<buy-tweet loading="eager" lang="de" product-url="https://gumroad.com/l/no-such-thing"></buy-tweet>`,
    );
    expect((await failed).detail.code).to.equal('product_not_found');
    await el.updateComplete;
    expect(text(el, 'error')).to.equal('Gumroad kennt dieses Produkt nicht.');
    expect(text(el, 'fallback-link')).to.equal('Bei Gumroad ansehen');
  });

  it("gives Stripe's Payment Element the language, in Stripe's codes", async () => {
    const el = await card(POSTER, { lang: 'zh-HK' });
    await openCheckout(el);
    await fill(el, 'email', 'buyer@example.com');
    for (const [name, value] of [
      ['shipping.name', 'Chan Tai Man'],
      ['shipping.line1', "1 Queen's Road"],
      ['shipping.city', 'Hong Kong'],
      ['shipping.postalCode', '000000'],
    ]) {
      await fill(el, name, value);
    }
    const elements = stripe.calls.filter((call) => call.method === 'stripe.elements').at(-1)!;
    expect(elements.args[0]).to.include({ locale: 'zh-HK' });
  });
});

describe('stripeLocale', () => {
  const table: Array<[string | undefined, string]> = [
    ['de-DE', 'de'],
    ['en-GB', 'en-GB'],
    ['en-US', 'en'],
    ['es-419', 'es-419'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['he-IL', 'he'],
    ['ar', 'ar'],
    ['sw', 'auto'],
    [undefined, 'auto'],
  ];
  for (const [tag, locale] of table) {
    it(`${tag ?? '(none)'} → ${locale}`, () => expect(stripeLocale(tag)).to.equal(locale));
  }
});

describe('languages: right to left', () => {
  const side = (el: BuyTweetElement) => {
    const cardBox = part(el, 'card')!.getBoundingClientRect();
    const buy = buyButton(el).getBoundingClientRect();
    return { fromStart: buy.left - cardBox.left, fromEnd: cardBox.right - buy.right };
  };

  for (const lang of ['ar', 'he']) {
    it(`${lang}: the card and the dialog run right to left, Buy at the inline end`, async () => {
      const en = await card(POSTER, { lang: 'en' });
      const rtl = await card(POSTER, { lang });
      expect(getComputedStyle(part(rtl, 'card')!).direction).to.equal('rtl');
      expect(getComputedStyle(part(en, 'card')!).direction).to.equal('ltr');
      // Buy sits at the end of the line: the right in English, the left in a right-to-left language.
      expect(side(en).fromEnd).to.be.below(side(en).fromStart);
      expect(side(rtl).fromStart).to.be.below(side(rtl).fromEnd);
      expect(side(rtl).fromStart).to.be.closeTo(side(en).fromEnd, 1);
      const dialog = await openCheckout(rtl);
      expect(getComputedStyle(dialog).direction).to.equal('rtl');
      // The close button is at the end of the heading's line: on the left.
      const close = inDialog(rtl, '.close')!.getBoundingClientRect();
      const heading = inDialog(rtl, '#heading')!.getBoundingClientRect();
      expect(close.right).to.be.below(heading.left);
      await expect(rtl).to.be.accessible();
    });
  }

  it('changes a shown card to another language in place: Buy keeps its node and its focus', async () => {
    const el = await card(POSTER, { lang: 'en' });
    const buy = buyButton(el);
    buy.focus();
    el.lang = 'ar';
    await waitUntil(() => text(el, 'availability') === 'متوفر', 'the card never spoke Arabic');
    expect(buyButton(el)).to.equal(buy);
    expect(el.shadowRoot!.activeElement).to.equal(buy);
    expect(getComputedStyle(part(el, 'card')!).direction).to.equal('rtl');
    expect(text(el, 'price')).to.equal(intlPrice('ar', 25, 'USD'));
    el.lang = 'en';
    await waitUntil(() => text(el, 'availability') === 'In stock', 'the card never spoke English again');
    expect(el.shadowRoot!.activeElement).to.equal(buy);
    expect(getComputedStyle(part(el, 'card')!).direction).to.equal('ltr');
  });

  it("keeps the page's direction for a language written left to right", async () => {
    const el = await inside(
      html`<div dir="rtl"><buy-tweet loading="eager" lang="de" product-url=${POSTER}></buy-tweet></div>`,
    );
    expect(getComputedStyle(part(el, 'card')!).direction).to.equal('rtl');
    el.setAttribute('dir', 'ltr');
    expect(getComputedStyle(part(el, 'card')!).direction).to.equal('ltr');
  });
});

describe("languages: the publisher's own words", () => {
  it('overrides a word in one language, and the elements on the page show it', async () => {
    const de = await card(POSTER, { lang: 'de' });
    const en = await card(POSTER, { lang: 'en' });
    configure({ words: { de: { buy: 'Jetzt kaufen' } } });
    await de.updateComplete;
    expect(text(de, 'buy-button')).to.equal('Jetzt kaufen');
    expect(text(de, 'availability')).to.equal('Auf Lager');
    expect(text(en, 'buy-button')).to.equal('Buy');
  });

  it('fills a word with values from {name} placeholders, in the checkout too', async () => {
    configure({ words: { en: { upTo: 'At most {max}', payTotal: 'Pay {total} now' } } });
    const el = await card(POSTER);
    await openCheckout(el);
    expect(textOf(inDialog(el, '[for="quantity"] ~ p'))).to.equal('At most 3');
    configure({ words: { en: { upTo: '{max} max, {nothing}' } } });
    await checkoutOf(el).updateComplete;
    expect(textOf(inDialog(el, '[for="quantity"] ~ p'))).to.equal('3 max, {nothing}');
  });

  it("adds a language it does not ship, over English and the publisher's English", async () => {
    configure({ words: { sv: { buy: 'Köp' }, en: { inStock: 'Ready to ship', buy: 'Get it' } } });
    const el = await card(POSTER, { lang: 'sv-SE' });
    expect(text(el, 'buy-button')).to.equal('Köp');
    expect(text(el, 'availability')).to.equal('Ready to ship');
  });

  it("applies a language's words to its regions, and a region's over them", async () => {
    configure({ words: { 'de-AT': { inStock: 'Lagernd' }, DE: { buy: 'Jetzt kaufen', inStock: 'Vorrätig' } } });
    const at = await card(POSTER, { lang: 'de-AT' });
    const de = await card(POSTER, { lang: 'de-DE' });
    expect([text(at, 'buy-button'), text(at, 'availability')]).to.deep.equal(['Jetzt kaufen', 'Lagernd']);
    expect([text(de, 'buy-button'), text(de, 'availability')]).to.deep.equal(['Jetzt kaufen', 'Vorrätig']);
  });

  it('takes strings only', () => {
    expect(() => configure({ words: { de: { buy: 42 as unknown as string } } })).to.throw(
      TypeError,
      /words\.de\.buy must be a string/,
    );
    expect(config.words?.de).to.equal(undefined);
  });
});
