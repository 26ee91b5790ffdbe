/**
 * The fake device's wallet sheet: what Apple Pay, Google Pay or Link show over the page once the
 * buyer presses their button. A native `<dialog>` shown with `showModal()`, so it sits above the
 * page (and the checkout's own modal dialog) as a device's sheet does, in the light DOM at the end
 * of `document.body`, in a shadow root of its own. Built with DOM APIs only, like the card form.
 */
import { formatMoney } from '../../core/money.js';
import { walletSheetSheet } from './express-checkout.styles.js';
import type { Mounted } from './installation.js';
import type { FakeWallet, FakeWalletBuyer } from './types.js';
import { WALLETS, type SheetDetails } from './wallets.js';
import { walletWords as words } from './words.js';

export interface SheetContent {
  wallet: FakeWallet;
  details: SheetDetails;
  buyer: FakeWalletBuyer;
  /** The Elements group's amount and currency, when it has them (a group made with `mode`). */
  total?: { amount: number; currency: string };
  /** The sheet cannot pay: the element does not ship to the buyer's country. */
  cannotShip: boolean;
}

const make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), properties);

const countryName = (code: string): string => new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;

const row = (term: string, ...lines: string[]): HTMLDivElement => {
  const item = make('div');
  const value = make('dd');
  value.append(...lines.map((line) => make('span', { textContent: line })));
  item.append(make('dt', { textContent: term }), value);
  return item;
};

export class WalletSheet implements Mounted {
  /** What goes at the end of `document.body`. */
  readonly host: HTMLDivElement;
  readonly #dialog: HTMLDialogElement;
  readonly #status: HTMLParagraphElement;
  readonly #cancel: HTMLButtonElement;
  #processing = false;

  constructor(content: SheetContent, onCancel: () => void) {
    const { wallet, details, buyer, total, cannotShip } = content;
    const name = WALLETS[wallet].name;
    const money = (amount: number) => (total ? formatMoney({ amount, currency: total.currency.toUpperCase() }) : '');

    this.host = make('div', { className: 'buy-tweet-fake-stripe-sheet', lang: 'en' });
    const shadow = this.host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [walletSheetSheet()];
    this.#dialog = make('dialog', { className: wallet });
    this.#dialog.setAttribute('role', 'dialog');
    this.#dialog.setAttribute('aria-label', name);

    const header = make('header');
    header.append(
      make('span', { className: 'wallet', textContent: name }),
      make('span', { className: 'device', textContent: words.testMode }),
    );
    const lines = make('dl', { className: 'lines' });
    for (const item of details.lineItems ?? []) lines.append(row(item.name, money(item.amount)));
    const people = make('dl', { className: 'buyer' });
    const contact = [buyer.name, ...(details.emailRequired ? [buyer.email] : [])];
    if (details.phoneNumberRequired && buyer.phone) contact.push(buyer.phone);
    people.append(row(words.contact, ...contact));
    if (details.shippingAddressRequired) {
      const { line1, line2, city, state, postal_code, country } = buyer.address;
      people.append(
        row(
          words.shipTo,
          buyer.name,
          line1,
          ...(line2 ? [line2] : []),
          `${city}, ${state} ${postal_code}`,
          countryName(country),
        ),
      );
      const rate = details.shippingRates?.[0];
      if (rate) people.append(row(words.shipping, rate.displayName, money(rate.amount)));
    }
    const pay = total ? words.pay.replace('{amount}', money(total.amount)) : words.payNoAmount;
    this.#status = make('p', {
      className: cannotShip ? 'status problem' : 'status',
      textContent: cannotShip
        ? words.cannotShip.replace('{country}', countryName(buyer.address.country))
        : words.approve,
    });
    this.#status.setAttribute('role', 'status');
    this.#cancel = make('button', { type: 'button', textContent: words.cancel });
    this.#cancel.addEventListener('click', onCancel);
    // Escape dismisses a device's sheet too, until the payment is under way.
    this.#dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (!this.#processing) onCancel();
    });
    this.#dialog.append(
      header,
      ...(lines.childElementCount ? [lines] : []),
      people,
      make('p', { className: 'total', textContent: pay }),
      this.#status,
      this.#cancel,
    );
    shadow.append(this.#dialog);
    document.body.append(this.host);
    this.#dialog.showModal();
  }

  /** The buyer approved: the page is paying. */
  processing(): void {
    this.#processing = true;
    this.#status.textContent = words.processing;
    this.#cancel.remove();
  }

  unmount(): void {
    if (this.#dialog.open) this.#dialog.close();
    this.host.remove();
  }
}
