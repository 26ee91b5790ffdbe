/**
 * The Express Checkout Element: `elements.create('expressCheckout', options)`
 * (docs.stripe.com/js/elements_object/create_express_checkout_element). Once mounted it draws a
 * button for each wallet of the fake device (`installFakeStripe({wallets})`) and reports them in
 * `ready`; a press opens the device's sheet (wallet-sheet.ts), which the device approves by itself
 * after `delay` ms, and the element emits `confirm`; the page then calls `elements.submit()` and
 * `stripe.confirmPayment()`, which pays with the wallet (confirmation.ts), or
 * `event.paymentFailed()`. A sheet the buyer dismisses (`nextWalletOutcome('cancel')`, its Cancel
 * button, Escape) emits `cancel`.
 */
import type { ElementsGroup, WalletConfirmation } from './elements.js';
import { walletButtonsSheet } from './express-checkout.styles.js';
import { current, record, type Installation, type Mounted } from './installation.js';
import { IntegrationError } from './integration-error.js';
import { Listeners } from './listeners.js';
import { checkMountable, mountNode } from './mount.js';
import type { FakeWallet } from './types.js';
import { WalletSheet } from './wallet-sheet.js';
import {
  WALLETS,
  availablePaymentMethods,
  confirmDetails,
  optionsProblem,
  sheetProblem,
  shipsTo,
  shownWallets,
  type SheetDetails,
} from './wallets.js';

/**
 * "You must call this function within 1 second if you handle the `click` event"
 * (docs.stripe.com/js/elements_object/express_checkout_element_click_event); past it Stripe.js
 * opens nothing and warns in these words (as integrators meet them,
 * woocommerce/woocommerce-gateway-stripe#3861).
 */
const CLICK_DEADLINE = 1000;
const CLICK_TIMED_OUT =
  '[Stripe.js] Timed out waiting for a call to resolve(). If you listen to the "click" event, then you must call event.resolve in the "click" handler within 1 second.';

/** The reasons `paymentFailed` takes (docs.stripe.com/js/elements_object/express_checkout_element_confirm_event). */
const FAILURE_REASONS: readonly unknown[] = [
  'fail',
  'invalid_shipping_address',
  'invalid_billing_address',
  'invalid_payment_data',
  'address_unserviceable',
];

const TYPE = { elementType: 'expressCheckout' } as const;

export interface ExpressCheckoutState extends Mounted {
  element: object;
  /** The installation it was mounted during (mounted even when it has no wallet to show). */
  mountedIn: Installation | null;
  destroyed: boolean;
}

export const createExpressCheckoutElement = (
  own: Installation,
  group: ElementsGroup,
  createOptions: unknown,
): ExpressCheckoutState => {
  const listeners = new Listeners();
  let options = { ...(createOptions as SheetDetails & Record<string, unknown>) };
  let host: HTMLElement | null = null;
  let mounts = 0;
  /** A click waiting for `resolve`, or a sheet open: one at a time, as on a device. */
  let busy = false;

  const state: ExpressCheckoutState = {
    element: {},
    mountedIn: null,
    destroyed: false,
    unmount() {
      host?.remove();
      host = null;
      state.mountedIn?.mounted.delete(state);
      state.mountedIn = null;
    },
  };
  const height = () => `${typeof options.buttonHeight === 'number' ? options.buttonHeight : 44}px`;

  /** The device's sheet, from its opening to its close: approved, dismissed, or unable to ship. */
  const openSheet = (wallet: FakeWallet, details: SheetDetails): void => {
    const here = current(own);
    const buyer = here.walletBuyer;
    const canShip = shipsTo(details, buyer);
    const outcome = here.walletOutcomes.shift() ?? 'approve';
    let over = false;
    const close = () => {
      over = true;
      sheet.unmount();
      here.mounted.delete(sheet);
      busy = false;
    };
    const cancel = () => {
      if (over) return;
      close();
      record(own, 'expressCheckout.cancel', []);
      listeners.emit('cancel', { ...TYPE });
    };
    const sheet = new WalletSheet({ wallet, details, buyer, total: group.deferred, cannotShip: !canShip }, cancel);
    here.mounted.add(sheet);
    busy = true;

    const confirm = () => {
      sheet.processing();
      const confirmation: WalletConfirmation = {
        wallet,
        end() {
          if (group.wallet === confirmation) group.wallet = null;
          if (!over) close();
        },
      };
      group.wallet = confirmation;
      const event = {
        ...confirmDetails(wallet, details, buyer),
        paymentFailed(failure?: unknown): void {
          record(own, 'expressCheckout.paymentFailed', failure === undefined ? [] : [failure]);
          const reason = (failure as { reason?: unknown } | null | undefined)?.reason;
          if (reason !== undefined && !FAILURE_REASONS.includes(reason)) {
            // Stripe.js's words for it were not found; these follow its "Invalid value for …".
            throw new IntegrationError(
              `Invalid value for paymentFailed(): reason should be one of the following strings: ${FAILURE_REASONS.join(', ')}. You specified: ${JSON.stringify(reason)}.`,
            );
          }
          confirmation.end();
        },
      };
      record(own, 'expressCheckout.confirm', [event]);
      listeners.emit('confirm', event);
    };
    // The device's buyer looks, then approves with Face ID or a fingerprint (or dismisses it).
    setTimeout(() => {
      if (over || here.uninstalled) return;
      if (canShip && outcome === 'approve') confirm();
      else cancel();
    }, here.delay);
  };

  /** Opens the sheet with the element's options and the click's; a problem is Stripe.js's to refuse. */
  const open = (wallet: FakeWallet, resolved: unknown): string | null => {
    const details: SheetDetails = { ...options, ...(resolved as SheetDetails) };
    const problem = sheetProblem(details);
    if (!problem) openSheet(wallet, details);
    return problem;
  };

  const press = (wallet: FakeWallet): void => {
    if (busy) return;
    record(own, 'expressCheckout.click', [wallet]);
    const here = current(own);
    if (!listeners.has('click')) {
      // Without a click listener the sheet opens at once; a refusal is an unhandled rejection
      // there, "Uncaught (in promise) IntegrationError" as Stripe.js reports it.
      const problem = open(wallet, {});
      if (problem) void Promise.reject(new IntegrationError(problem));
      return;
    }
    busy = true;
    let answered = false;
    const answer = (): boolean => {
      if (answered) return false;
      answered = true;
      here.clock.clearTimeout(deadline);
      busy = false;
      return true;
    };
    const deadline = here.clock.setTimeout(() => {
      if (!answer()) return;
      record(own, 'expressCheckout.timeout', [wallet]);
      console.warn(CLICK_TIMED_OUT);
    }, CLICK_DEADLINE);
    listeners.emit('click', {
      ...TYPE,
      expressPaymentType: wallet,
      resolve(details?: unknown): void {
        record(own, 'expressCheckout.resolve', details === undefined ? [] : [details]);
        if (!answer()) return;
        const problem = optionsProblem('resolve()', details) ?? open(wallet, details ?? {});
        if (problem) throw new IntegrationError(problem);
      },
      reject(): void {
        record(own, 'expressCheckout.reject', []);
        answer();
      },
    });
  };

  const drawButtons = (wallets: readonly FakeWallet[]): HTMLElement => {
    const drawn = Object.assign(document.createElement('div'), { className: 'buy-tweet-fake-stripe-express' });
    drawn.style.setProperty('--fake-stripe-button-height', height());
    const shadow = drawn.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [walletButtonsSheet()];
    const buttons = Object.assign(document.createElement('div'), { className: 'buttons' });
    for (const wallet of wallets) {
      const { name } = WALLETS[wallet];
      const button = Object.assign(document.createElement('button'), {
        type: 'button',
        className: wallet,
        textContent: name,
      });
      button.setAttribute('aria-label', name);
      button.addEventListener('click', () => press(wallet));
      buttons.append(button);
    }
    buttons.addEventListener('focusin', (event) => {
      if (!buttons.contains(event.relatedTarget as Node | null)) listeners.emit('focus', { ...TYPE });
    });
    buttons.addEventListener('focusout', (event) => {
      if (!buttons.contains(event.relatedTarget as Node | null)) listeners.emit('blur', { ...TYPE });
    });
    shadow.append(buttons);
    return drawn;
  };

  const element = {
    mount(target: unknown): void {
      record(own, 'expressCheckoutElement.mount', [target]);
      checkMountable(state.destroyed, state.mountedIn !== null);
      const node = mountNode(target);
      const here = current(own);
      const wallets = shownWallets(here.wallets, options.paymentMethods);
      // With no wallet it draws nothing: it takes no room on the page.
      host = wallets.length ? drawButtons(wallets) : null;
      if (host) node.append(host);
      state.mountedIn = here;
      here.mounted.add(state);
      const mount = ++mounts;
      setTimeout(() => {
        if (mounts !== mount || state.mountedIn !== here) return;
        listeners.emit('ready', { ...TYPE, availablePaymentMethods: availablePaymentMethods(wallets) });
      });
    },
    unmount(): void {
      record(own, 'expressCheckoutElement.unmount', []);
      state.unmount();
    },
    destroy(): void {
      record(own, 'expressCheckoutElement.destroy', []);
      state.unmount();
      state.destroyed = true;
      if (group.express === state) group.express = null;
    },
    on(event: unknown, listener: unknown): object {
      record(own, 'expressCheckoutElement.on', [event, listener]);
      listeners.add(event, listener, false);
      return element;
    },
    once(event: unknown, listener: unknown): object {
      record(own, 'expressCheckoutElement.once', [event, listener]);
      listeners.add(event, listener, true);
      return element;
    },
    off(event: unknown, listener?: unknown): object {
      record(own, 'expressCheckoutElement.off', [event, listener]);
      listeners.remove(event, listener);
      return element;
    },
    /** "Updates merge into the existing configuration" (docs.stripe.com/js/elements_object/update_express_checkout_element). */
    update(updates: unknown): object {
      record(own, 'expressCheckoutElement.update', [updates]);
      const problem = optionsProblem('update()', updates);
      if (problem) throw new IntegrationError(problem);
      options = { ...options, ...(updates as SheetDetails) };
      host?.style.setProperty('--fake-stripe-button-height', height());
      return element;
    },
    focus(): void {
      record(own, 'expressCheckoutElement.focus', []);
      host?.shadowRoot?.querySelector('button')?.focus();
    },
    blur(): void {
      record(own, 'expressCheckoutElement.blur', []);
      (host?.shadowRoot?.activeElement as HTMLElement | null | undefined)?.blur();
    },
    clear(): void {
      record(own, 'expressCheckoutElement.clear', []);
    },
  };
  state.element = element;
  return state;
};
