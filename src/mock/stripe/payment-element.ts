/** The Payment Element: `elements.create('payment')`, which shows the card form once mounted. */
import { CardField } from './card-form.js';
import type { ElementsGroup } from './elements.js';
import { current, record, type Installation, type Mounted } from './installation.js';
import { Listeners } from './listeners.js';
import { checkMountable, mountNode } from './mount.js';

export interface PaymentElementState extends Mounted {
  element: object;
  field: CardField | null;
  /** The installation it was mounted during. */
  mountedIn: Installation | null;
  destroyed: boolean;
  listeners: Listeners;
}

export const createPaymentElement = (own: Installation, group: ElementsGroup): PaymentElementState => {
  const listeners = new Listeners();
  const state: PaymentElementState = {
    element: {},
    field: null,
    mountedIn: null,
    destroyed: false,
    listeners,
    unmount() {
      state.field?.remove();
      state.field = null;
      state.mountedIn?.mounted.delete(state);
      state.mountedIn = null;
    },
  };

  const element = {
    mount(target: unknown): void {
      record(own, 'paymentElement.mount', [target]);
      checkMountable(state.destroyed, state.field !== null);
      const node = mountNode(target);
      const field = new CardField(group.appearance, group.locale, (event, payload) => listeners.emit(event, payload));
      node.append(field.host);
      state.field = field;
      state.mountedIn = current(own);
      state.mountedIn.mounted.add(state);
      setTimeout(() => {
        if (state.field === field) listeners.emit('ready', { elementType: 'payment' });
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
      listeners.add(event, listener, false);
      return element;
    },
    once(event: unknown, listener: unknown): object {
      record(own, 'paymentElement.once', [event, listener]);
      listeners.add(event, listener, true);
      return element;
    },
    off(event: unknown, listener?: unknown): object {
      record(own, 'paymentElement.off', [event, listener]);
      listeners.remove(event, listener);
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
