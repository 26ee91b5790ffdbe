// The test-mode fake of Stripe.js as an integration meets it: its mistakes, where it mounts, its
// languages, and uninstalling it.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { fakeStripeCards, installFakeStripe, type FakeStripeControl } from '../../src/mock/stripe/index.js';
import { cardLocale } from '../../src/mock/stripe/words.js';
import {
  button,
  cardForm,
  createOrder,
  fill,
  input,
  installTestStripe,
  openCheckout,
  OUTSIDE_THE_DOCUMENT,
  uninstallTestStripe,
} from './fake-stripe-helpers.js';

describe('fake Stripe (test mode)', () => {
  let control: FakeStripeControl;

  beforeEach(() => (control = installTestStripe()));
  afterEach(() => uninstallTestStripe(control));

  it('throws like Stripe.js for mistakes in the integration', async () => {
    const { stripe, elements, order, node } = await openCheckout();
    const Constructor = (window as unknown as { Stripe: (key: unknown) => unknown }).Stripe;
    expect(() => Constructor('sk_test_123'))
      .to.throw(/secret key/)
      .with.property('name', 'IntegrationError');
    expect(() => Constructor('nope')).to.throw(/publishable key/);
    expect(() => stripe.elements({ clientSecret: 'not-a-secret' })).to.throw(/_secret_/);
    expect(() => elements.create('payment')).to.throw(/one Element/);

    const rejection = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected a rejection');
    };
    const other = (await loadStripe(order.payment.publishableKey))!;
    const stranger = other.elements({ clientSecret: order.payment.clientSecret });
    expect((await rejection(stripe.confirmPayment({ elements: stranger, redirect: 'if_required' }))).message).to.match(
      /this Stripe instance/,
    );
    const unmounted = stripe.elements({ clientSecret: order.payment.clientSecret });
    unmounted.create('payment');
    expect((await rejection(stripe.confirmPayment({ elements: unmounted, redirect: 'if_required' }))).message).to.match(
      /mounted Payment Element/,
    );
    expect(
      (await rejection(stripe.confirmPayment({ elements, confirmParams: { return_url: location.href } }))).name,
    ).to.equal('IntegrationError');
    expect(cardForm(node).querySelectorAll('[role="alert"]')).to.have.length(0);
  });

  for (const { where, node: place } of OUTSIDE_THE_DOCUMENT) {
    it(`refuses to mount ${where}, with Stripe.js's own words`, async () => {
      const order = await createOrder();
      const stripe = (await loadStripe(order.payment.publishableKey))!;
      const payment = stripe.elements({ clientSecret: order.payment.clientSecret }).create('payment');
      const node = await place();
      expect(() => payment.mount(node))
        .to.throw('Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.')
        .with.property('name', 'IntegrationError');
      expect(node.childElementCount).to.equal(0);
      // Nothing was mounted: the same element mounts in the light DOM.
      const light = await fixture<HTMLElement>(html`<div></div>`);
      payment.mount(light);
      expect(input(light, 'cc-number')).to.exist;
    });
  }

  it('works slotted into a shadow root, as the checkout shows it: 3-D Secure gives focus back to Pay', async () => {
    const order = await createOrder();
    const stripe = (await loadStripe(order.payment.publishableKey))!;
    const host = await fixture<HTMLElement>(html`<div><div slot="payment"></div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const pay = Object.assign(document.createElement('button'), { textContent: 'Pay' });
    root.append(Object.assign(document.createElement('slot'), { name: 'payment' }), pay);
    const container = host.firstElementChild as HTMLElement;
    const elements = stripe.elements({ clientSecret: order.payment.clientSecret });
    elements.create('payment').mount(container);
    fill(container, fakeStripeCards.threeDSecure);
    await expect(host).to.be.accessible();

    pay.focus();
    const result = stripe.confirmPayment({
      elements,
      redirect: 'if_required',
      confirmParams: { return_url: location.href },
    });
    await waitUntil(() => button(container, 'Complete'), 'no 3-D Secure panel');
    expect(cardForm(container).activeElement).to.equal(button(container, 'Complete'));
    button(container, 'Complete')!.click();
    expect((await result).paymentIntent?.status).to.equal('succeeded');
    expect(root.activeElement).to.equal(pay);
  });

  it('gives every mount a form of its own, so several can share a page', async () => {
    const first = await openCheckout();
    const second = await openCheckout();
    for (const { node } of [first, second]) {
      const labels = [...cardForm(node).querySelectorAll('label')];
      expect(labels).to.have.length(3);
      for (const label of labels) expect(cardForm(node).contains(label.control)).to.equal(true);
    }
    first.payment.unmount();
    first.payment.mount(first.node);
    expect(first.node.querySelectorAll('.buy-tweet-fake-stripe')).to.have.length(1);
  });

  // Stripe.js shows its placeholders and errors in elements({locale}), default the browser's
  // (docs.stripe.com/js/elements_object/create); the fake's words are in src/mock/stripe/words.ts.
  const languages = [
    {
      locale: 'de',
      lang: 'de',
      dir: 'ltr',
      legend: 'Karte (Testmodus)',
      incomplete: 'Ihre Kartennummer ist unvollständig.',
    },
    { locale: 'ar', lang: 'ar', dir: 'rtl', legend: 'البطاقة (وضع الاختبار)', incomplete: 'رقم بطاقتك غير مكتمل.' },
    { locale: 'he', lang: 'he', dir: 'rtl', legend: 'כרטיס (מצב בדיקה)', incomplete: 'מספר הכרטיס שלך לא שלם.' },
    { locale: 'zh', lang: 'zh-CN', dir: 'ltr', legend: '银行卡（测试模式）', incomplete: '您的卡号不完整。' },
    { locale: 'sv', lang: 'en', dir: 'ltr', legend: 'Card (test mode)', incomplete: 'Your card number is incomplete.' },
  ] as const;
  for (const { locale, lang, dir, legend, incomplete } of languages) {
    it(`speaks ${lang} (${dir}) for elements({locale: '${locale}'}), its errors too`, async () => {
      const { node, confirm } = await openCheckout(locale);
      const host = node.querySelector<HTMLElement>('.buy-tweet-fake-stripe')!;
      expect([host.lang, host.dir]).to.deep.equal([lang, dir]);
      expect(cardForm(node).querySelector('legend')!.textContent).to.equal(legend);
      expect((await confirm()).error).to.deep.equal({
        type: 'validation_error',
        code: 'incomplete_number',
        message: incomplete,
      });
      expect(cardForm(node).querySelector('[role="alert"]')!.textContent).to.equal(incomplete);
      await expect(node).to.be.accessible();
    });
  }

  it('keeps each test card number left to right in a right-to-left form', async () => {
    const { node } = await openCheckout('ar');
    const numbers = [...cardForm(node).querySelectorAll<HTMLElement>('#hint [dir="ltr"]')];
    expect(numbers.map((number) => number.textContent!.replace(/ /g, ''))).to.deep.equal(
      Object.values(fakeStripeCards),
    );
    for (const number of numbers) {
      // The first group of digits is drawn left of the last, on one line.
      const group = (start: number) => {
        const range = document.createRange();
        range.setStart(number.firstChild!, start);
        range.setEnd(number.firstChild!, start + 4);
        return range.getBoundingClientRect();
      };
      const [first, last] = [group(0), group(15)];
      expect(first.right).to.be.at.most(last.left);
      expect(first.top).to.equal(last.top);
    }
  });

  const locales: [unknown, string[], string][] = [
    ['de', [], 'de'],
    ['pt-BR', [], 'pt-BR'],
    ['pt', [], 'pt-BR'],
    ['zh', [], 'zh-CN'],
    ['zh-TW', [], 'zh-TW'],
    ['zh-HK', [], 'zh-TW'],
    ['en-GB', [], 'en'],
    ['es-419', [], 'es'],
    ['fr-CA', [], 'fr'],
    ['sv', ['de-DE'], 'en'],
    ['auto', ['sv-SE', 'fr-CA', 'de'], 'fr'],
    ['auto', ['sv-SE'], 'en'],
    [undefined, ['he-IL'], 'he'],
    [42, ['de'], 'en'],
  ];
  for (const [locale, browser, lang] of locales) {
    it(`reads locale ${JSON.stringify(locale)} with the browser's ${JSON.stringify(browser)} as ${lang}`, () => {
      expect(cardLocale(locale, browser).lang).to.equal(lang);
    });
  }

  it('goes away with uninstall, and comes back behind loadStripe’s cached constructor', async () => {
    const { node } = await openCheckout();
    control.uninstall();
    expect('Stripe' in window).to.equal(false);
    expect(node.childElementCount).to.equal(0);

    (window as unknown as { Stripe?: unknown }).Stripe = () => ({});
    expect(() => installFakeStripe()).to.throw(/already set/);
    delete (window as unknown as { Stripe?: unknown }).Stripe;

    control = installFakeStripe({ delay: 0 });
    const checkout = await openCheckout();
    expect(control.calls[0].method).to.equal('Stripe');
    fill(checkout.node, fakeStripeCards.succeeds);
    expect((await checkout.confirm()).paymentIntent?.status).to.equal('succeeded');
  });
});
