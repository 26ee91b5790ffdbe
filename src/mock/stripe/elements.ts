/** `stripe.elements()`: the Elements group and its Payment Element, which shows the card form. */
import { CardField, type Appearance, type EventName } from './card-form.js';
import { current, record, type Installation } from './installation.js';
import { IntegrationError } from './integration-error.js';
import { CLIENT_SECRET, knownIntent } from './intents.js';
import { cardLocale, type CardLocale } from './words.js';

const LIGHT_DOM_ONLY = 'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.';

type Listener = (payload: unknown) => void;

interface ElementsGroup {
  stripe: object;
  clientSecret?: string;
  appearance: Appearance;
  locale: CardLocale;
  payment: PaymentElementState | null;
}

export interface PaymentElementState {
  element: object;
  field: CardField | null;
  /** The installation it was mounted during. */
  mountedIn: Installation | null;
  destroyed: boolean;
  listeners: Map<string, Set<Listener>>;
  unmount(): void;
}

/** Each Elements group made, by the object `stripe.elements()` returned. */
export const groups = new WeakMap<object, ElementsGroup>();

const createPaymentElement = (own: Installation, group: ElementsGroup): PaymentElementState => {
  const state: PaymentElementState = {
    element: {},
    field: null,
    mountedIn: null,
    destroyed: false,
    listeners: new Map(),
    unmount() {
      state.field?.remove();
      state.field = null;
      state.mountedIn?.mounted.delete(state);
      state.mountedIn = null;
    },
  };
  const emit = (event: EventName, payload: object): void => {
    for (const listener of [...(state.listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // A listener's mistake is the page's, reported like any uncaught error; the others still run.
        reportError(error);
      }
    }
  };
  const listen = (event: unknown, listener: unknown, once: boolean): void => {
    if (typeof event !== 'string' || typeof listener !== 'function') {
      throw new IntegrationError('Invalid value for on(): expected an event name and a function.');
    }
    const wrapped: Listener = once
      ? (payload) => {
          state.listeners.get(event)?.delete(wrapped);
          (listener as Listener)(payload);
        }
      : (listener as Listener);
    const listeners = state.listeners.get(event) ?? new Set();
    state.listeners.set(event, listeners.add(wrapped));
  };

  const element = {
    mount(target: unknown): void {
      record(own, 'paymentElement.mount', [target]);
      if (state.destroyed)
        throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
      if (state.field) {
        throw new IntegrationError(
          'This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.',
        );
      }
      const node = typeof target === 'string' ? document.querySelector(target) : target;
      if (typeof target === 'string' && !node) {
        throw new IntegrationError(
          `The selector you specified (${target}) applies to no DOM elements that are currently on the page.`,
        );
      }
      if (!node || (node as Node).nodeType !== Node.ELEMENT_NODE || (node as Element).localName === 'input') {
        throw new IntegrationError(
          'Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.',
        );
      }
      // Stripe.js mounts only into the document's own tree. Inside a shadow root it throws this
      // (stripe/stripe-js#399, #662), and the same words for an element not in the document yet
      // (ectoflow/vue-stripe-js#31: mounting before appending the node to the page).
      if ((node as Element).getRootNode() !== document) throw new IntegrationError(LIGHT_DOM_ONLY);
      const field = new CardField(group.appearance, group.locale, emit);
      (node as Element).append(field.host);
      state.field = field;
      state.mountedIn = current(own);
      state.mountedIn.mounted.add(state);
      setTimeout(() => {
        if (state.field === field) emit('ready', { elementType: 'payment' });
      });
    },
    unmount(): void {
      record(own, 'paymentElement.unmount', []);
      state.unmount();
    },
    destroy(): void {
      record(own, 'paymentElement.destroy', []);
      state.unmount();
      state.destroyed = true;
      if (group.payment === state) group.payment = null;
    },
    on(event: unknown, listener: unknown): object {
      record(own, 'paymentElement.on', [event, listener]);
      listen(event, listener, false);
      return element;
    },
    once(event: unknown, listener: unknown): object {
      record(own, 'paymentElement.once', [event, listener]);
      listen(event, listener, true);
      return element;
    },
    off(event: unknown, listener?: unknown): object {
      record(own, 'paymentElement.off', [event, listener]);
      if (typeof event !== 'string') return element;
      if (listener === undefined) state.listeners.delete(event);
      else state.listeners.get(event)?.delete(listener as Listener);
      return element;
    },
    focus(): void {
      record(own, 'paymentElement.focus', []);
      state.field?.focus();
    },
    blur(): void {
      record(own, 'paymentElement.blur', []);
      state.field?.blur();
    },
    clear(): void {
      record(own, 'paymentElement.clear', []);
      state.field?.clear();
    },
  };
  state.element = element;
  return state;
};

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
