/** `stripe.elements()`: the Elements group and its Payment Element (payment-element.ts). */
import type { Appearance } from './card-form.js';
import { record, type Installation } from './installation.js';
import { IntegrationError } from './integration-error.js';
import { CLIENT_SECRET, knownIntent } from './intents.js';
import { createPaymentElement, type PaymentElementState } from './payment-element.js';
import { cardLocale, type CardLocale } from './words.js';

export interface ElementsGroup {
  stripe: object;
  clientSecret?: string;
  appearance: Appearance;
  locale: CardLocale;
  payment: PaymentElementState | null;
}

/** Each Elements group made, by the object `stripe.elements()` returned. */
export const groups = new WeakMap<object, ElementsGroup>();

export const createElements = (own: Installation, stripe: object, options: unknown): object => {
  const { clientSecret, appearance, locale } = (options && typeof options === 'object' ? options : {}) as {
    clientSecret?: unknown;
    appearance?: unknown;
    locale?: unknown;
  };
  if (clientSecret !== undefined && (typeof clientSecret !== 'string' || !CLIENT_SECRET.test(clientSecret))) {
    throw new IntegrationError(
      `Invalid value for elements(): clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${typeof clientSecret === 'string' ? clientSecret : JSON.stringify(clientSecret)}.`,
    );
  }
  // Stripe.js loads the PaymentIntent here; from now on the fake knows it (see knownIntent).
  if (clientSecret !== undefined) knownIntent(clientSecret);
  const group: ElementsGroup = {
    stripe,
    ...(clientSecret !== undefined && { clientSecret }),
    appearance: appearance && typeof appearance === 'object' ? appearance : {},
    locale: cardLocale(locale),
    payment: null,
  };
  const elements = {
    create(type: unknown, elementOptions?: unknown): object {
      record(own, 'elements.create', elementOptions === undefined ? [type] : [type, elementOptions]);
      if (type !== 'payment') {
        throw new IntegrationError(`The fake Stripe only makes the 'payment' element, not ${JSON.stringify(type)}.`);
      }
      if (group.payment) throw new IntegrationError('Can only create one Element of type payment.');
      group.payment = createPaymentElement(own, group);
      return group.payment.element;
    },
    getElement(type: unknown): object | null {
      record(own, 'elements.getElement', [type]);
      return type === 'payment' && group.payment ? group.payment.element : null;
    },
  };
  groups.set(elements, group);
  return elements;
};
