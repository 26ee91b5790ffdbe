/**
 * The test-mode fake of Stripe.js (CONTRACT 6): a `window.Stripe` that covers exactly what the
 * checkout uses (CONTRACT 5), so a whole purchase runs offline in the demo and the tests. It is
 * never part of the production script.
 *
 *   const control = installFakeStripe({ delay: 0 });
 *   // the checkout then does, unchanged:
 *   const stripe = await loadStripe('pk_test_...');           // from '@stripe/stripe-js/pure'
 *   const elements = stripe.elements({ clientSecret, appearance, locale });
 *   elements.create('payment').mount(node);                    // a plain card form, test mode
 *   await stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url } });
 *
 * What it covers: `Stripe(key, options?)` with `version` and `_registerWrapper` (what `loadStripe`
 * reads), `stripe.elements()`, `elements.create('payment')` and `getElement()`, the payment
 * element's `mount`, `unmount`, `destroy`, `on`/`once`/`off` ('ready', 'change', 'focus', 'blur'),
 * `focus`, `blur` and `clear`, `stripe.confirmPayment()` and `stripe.retrievePaymentIntent()`.
 * Mistakes Stripe.js would reject (a secret key, a malformed client secret, mounting anywhere but
 * the document's own tree (inside a shadow root, or not in the document), confirming without a
 * mounted payment element or with another Stripe instance's elements) throw an `IntegrationError`
 * as it does (a promise-returning method rejects with it: "Uncaught (in promise)
 * IntegrationError", stripe/react-stripe-js#457); card problems, and a payment method that must
 * leave the page without a `return_url`, resolve with `{error}`, never reject.
 *
 * The outcome of a confirmation comes from the card number typed (spaces ignored), like Stripe's
 * test cards (see `fakeStripeCards`):
 *   4242 4242 4242 4242  succeeded
 *   4000 0000 0000 0002  card_error card_declined (generic_decline)
 *   4000 0000 0000 9995  card_error card_declined (insufficient_funds)
 *   4000 0000 0000 0077  processing (the fake's own choice: Stripe has no such card)
 *   4000 0027 6000 3184  3-D Secure: a panel with Complete (succeeded) and Fail buttons
 *   4000 0000 0000 3220  leaves the page and comes back succeeded
 *   4000 0084 0000 1629  leaves the page and comes back failed (card_declined)
 *   any other number that passes the Luhn check: succeeded
 * An incomplete or invalid number, expiry (past dates too) or CVC is a `validation_error`, also
 * shown under the field. `control.nextOutcome(...)` forces the next outcome, whatever the card.
 *
 * Leaving the page (CONTRACT 5 and 6): with `redirect: 'if_required'`, Stripe.js navigates to
 * `return_url` only for a payment method that needs it (bank redirects, some wallets), and then the
 * promise of `confirmPayment` never settles (docs.stripe.com/js/payment_intents/confirm_payment).
 * The fake has only a card form, so two of Stripe's test cards stand in for such a method: on
 * Stripe both ask for 3-D Secure (3220 then succeeds, 1629 is then declined: the 3D Secure test
 * cards of docs.stripe.com/testing), which Stripe.js shows in a modal; the fake makes them
 * leave the page instead, so that a return is testable offline. The fake settles the payment (and
 * tells the partner), then calls `navigate` (default `location.assign`) with `return_url` plus the
 * three parameters Stripe appends: `payment_intent` and `payment_intent_client_secret` (the
 * return page of docs.stripe.com/payments/accept-a-payment reads the latter), and
 * `redirect_status`, `succeeded` or `failed`, the redirect's own outcome as integrations meet it
 * (flutter-stripe/flutter_stripe#2116); the PaymentIntent's status is what
 * `retrievePaymentIntent` says, which is what Stripe asks return pages to read.
 * `return_url`'s own query and fragment are kept; the parameters are appended to its query.
 *
 * Stripe keeps PaymentIntents on its servers; the fake has none, so it keeps each one it has seen
 * (through `elements({clientSecret})` or `confirmPayment`) in this tab's `sessionStorage`, where a
 * reload or a return from a redirect finds it: `retrievePaymentIntent(clientSecret)` answers
 * `{paymentIntent}` from there, or Stripe's `resource_missing` error for one it never saw.
 *
 * A lost answer (`nextOutcome('lost')`): the payment succeeds at "Stripe" (the partner is told,
 * `retrievePaymentIntent` says succeeded) but the answer never reaches the page, and
 * `confirmPayment` resolves with what Stripe.js gives when its request fails on the network: an
 * `api_connection_error` (seen with the real Stripe.js and an aborted request,
 * antiwork/gumroad#7729; stripe/stripe-js#696), not a rejection.
 *
 * Like Stripe's webhook, a confirmation that reaches the payment (succeeded, processing or
 * failed) tells the partner: it POSTs `{type, clientSecret}` to the mock partner's
 * `/__mock/stripe/events` and resolves only after that answered (or failed: the payment stands
 * either way), so the order reads `paid` right after a success.
 *
 * The card form is built with DOM APIs only (no innerHTML, no `style` attribute or element), so it
 * works on pages that enforce Trusted Types and a strict `style-src`. Like Stripe's iframe, it
 * keeps out of the page's CSS: it lives in a shadow root of its own (open, for tests), on a child
 * of the mount node, styled by a constructed stylesheet. Its words follow `elements({locale})` as
 * Stripe's do (`stripe-words.ts`).
 *
 * `loadStripe` keeps the first `window.Stripe` it sees for the life of the page, and the checkout
 * keeps its Stripe instances: so there is one fake constructor per page, and every constructor,
 * instance and element it made works for whichever installation is current.
 */
import type { PaymentIntent } from '@stripe/stripe-js';
import type { PaymentEventType } from './handlers.js';
import { cardLocale, testCardsHint, type CardLocale, type CardProblemCode } from './stripe-words.js';

/** The Stripe.js release train `@stripe/stripe-js` 10 expects; another one makes it warn. */
const RELEASE_TRAIN = 'endive';
const FAKE_MARK = Symbol.for('buy-tweet.fake-stripe');
const CLIENT_SECRET = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/;
const DEFAULT_DELAY = 300;
const LIGHT_DOM_ONLY = 'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.';
/** How long the fake waits for the partner to take the payment event. */
const EVENT_TIMEOUT = 5000;

/** The test cards, by what they do. */
export const fakeStripeCards = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  processing: '4000000000000077',
  threeDSecure: '4000002760003184',
  /** Stands in for a payment method that leaves the page; comes back succeeded. */
  redirect: '4000000000003220',
  /** Leaves the page and comes back failed: declined after authentication, as on Stripe. */
  redirectFailed: '4000008400001629',
} as const;

export interface FakeStripeOptions {
  /** Where payment events go. Default `${location.origin}/__mock/stripe/events`. */
  events?: string;
  /** How many milliseconds a confirmation takes. Default 300. */
  delay?: number;
  /**
   * How the page leaves for `return_url` when a payment method needs it. Default
   * `location.assign`; tests pass their own to see the address without leaving the test page.
   */
  navigate?: (url: string) => void;
}

export type FakeStripeErrorType =
  | 'card_error'
  | 'validation_error'
  | 'invalid_request_error'
  | 'api_connection_error'
  | 'api_error'
  | 'authentication_error'
  | 'rate_limit_error';

export type FakePaymentIntentStatus = 'requires_payment_method' | 'processing' | 'succeeded';

/**
 * A PaymentIntent in @stripe/stripe-js's own shape, with what a publishable key sees of it, except
 * `amount` and `currency`: the partner's server set those at Stripe, and the fake, which has no
 * server, can't know them (the checkout reads amounts from the order, never from here).
 */
export interface FakePaymentIntent extends Omit<PaymentIntent, 'amount' | 'currency' | 'status' | 'client_secret' | 'livemode'> {
  status: FakePaymentIntentStatus;
  client_secret: string;
  livemode: false;
}

export interface FakeStripeError {
  type: FakeStripeErrorType;
  code?: string;
  decline_code?: string;
  param?: string;
  message: string;
  payment_intent?: FakePaymentIntent;
}

export type FakeConfirmResult = { paymentIntent: FakePaymentIntent } | { error: FakeStripeError };
/** What `retrievePaymentIntent` resolves with. */
export type FakeRetrieveResult = FakeConfirmResult;

/**
 * What `nextOutcome` can force: a named outcome, or any error, resolved as given (a `card_error`
 * is a decline: it tells the partner the payment failed, and becomes the PaymentIntent's
 * `last_payment_error`; any other error leaves the payment as it was).
 */
export type FakeStripeOutcome =
  | 'succeeded'
  | 'processing'
  | 'card_declined'
  | 'insufficient_funds'
  /** The 3-D Secure panel, as with card 4000 0027 6000 3184. */
  | 'requires_action'
  /** Leaves the page for `return_url` and comes back succeeded, as with card 4000 0000 0000 3220. */
  | 'redirect'
  /** Leaves the page and comes back failed, as with card 4000 0084 0000 1629. */
  | 'redirect_failed'
  /** The payment succeeds, but its answer is lost on the way: an `api_connection_error`. */
  | 'lost'
  | { error: FakeStripeError };

export interface FakeStripeCall {
  /**
   * `Stripe`, `stripe._registerWrapper`, `stripe.elements`, `stripe.confirmPayment`,
   * `stripe.retrievePaymentIntent`, `elements.create`, `elements.getElement`,
   * `paymentElement.mount` (`.unmount`, `.destroy`, `.on`, `.once`, `.off`, `.focus`, `.blur`,
   * `.clear`).
   */
  method: string;
  args: unknown[];
}

export interface FakeStripeControl {
  /** Every call to the fake since this installation, oldest first. */
  readonly calls: readonly FakeStripeCall[];
  /** How many times `confirmPayment` was called since this installation. */
  readonly confirmations: number;
  /**
   * Forces the outcome of the next confirmation that gets past Stripe's integration checks and
   * the PaymentIntent's state, whatever the card field holds (even empty). Calls queue up.
   */
  nextOutcome(outcome: FakeStripeOutcome): void;
  /**
   * Removes `window.Stripe` (when this is the current installation) and the card forms mounted
   * during it; a confirmation still under way resolves without telling the partner (one that
   * would leave the page stays, unsettled, without leaving). PaymentIntents stay in
   * `sessionStorage`, as they would at Stripe.
   */
  uninstall(): void;
}

/** What Stripe.js throws for a mistake in the integration (not the buyer's). */
export class IntegrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntegrationError';
  }
}

type Listener = (payload: unknown) => void;
type EventName = 'ready' | 'change' | 'focus' | 'blur';

interface Appearance {
  theme?: string;
  variables?: Record<string, unknown>;
}

interface Installation {
  events: string;
  delay: number;
  navigate: (url: string) => void;
  calls: FakeStripeCall[];
  confirmations: number;
  outcomes: FakeStripeOutcome[];
  confirming: Set<string>;
  /** Payment elements mounted during this installation. */
  mounted: Set<PaymentElementState>;
  uninstalled: boolean;
}

interface ElementsGroup {
  stripe: object;
  clientSecret?: string;
  appearance: Appearance;
  locale: CardLocale;
  payment: PaymentElementState | null;
}

interface PaymentElementState {
  element: object;
  field: CardField | null;
  /** The installation it was mounted during. */
  mountedIn: Installation | null;
  destroyed: boolean;
  listeners: Map<string, Set<Listener>>;
  unmount(): void;
}

let active: Installation | null = null;
/** The installation a fake object works for: the current one, else the one that made it. */
const current = (own: Installation): Installation => active ?? own;

const groups = new WeakMap<object, ElementsGroup>();

const record = (installation: Installation, method: string, args: unknown[]): void => {
  current(installation).calls.push({ method, args });
};

const host = (): { Stripe?: unknown } => window as unknown as { Stripe?: unknown };
const isFake = (value: unknown): boolean =>
  typeof value === 'function' && (value as unknown as Record<symbol, unknown>)[FAKE_MARK] === true;

// The card form ------------------------------------------------------------------------------

type FieldName = 'number' | 'expiry' | 'cvc';
const FIELD_NAMES: readonly FieldName[] = ['number', 'expiry', 'cvc'];

interface FieldCheck {
  code: CardProblemCode;
  /** Still being typed: shown on leaving the field or confirming, not while typing. */
  incomplete: boolean;
}
type FieldProblem = FieldCheck & { message: string };

const incomplete = (code: CardProblemCode): FieldCheck => ({ code, incomplete: true });
const invalid = (code: CardProblemCode): FieldCheck => ({ code, incomplete: false });

const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

const cardDigits = (value: string): string => value.replace(/\s/g, '');

const checkNumber = (value: string): FieldCheck | null => {
  const digits = cardDigits(value);
  if (!digits) return incomplete('incomplete_number');
  if (/\D/.test(digits)) return invalid('invalid_number');
  if (digits.length < (/^3[47]/.test(digits) ? 15 : 16)) {
    return incomplete('incomplete_number');
  }
  if (digits.length > 19 || !luhn(digits)) return invalid('invalid_number');
  return null;
};

const checkExpiry = (value: string, now = new Date()): FieldCheck | null => {
  const compact = value.replace(/\s/g, '');
  const parts = /^(\d{1,2})\/(\d{2}|\d{4})$/.exec(compact) ?? /^(\d{2})(\d{2}|\d{4})$/.exec(compact);
  if (!parts) {
    if (/^1[3-9]|^[2-9]\d/.test(compact)) return invalid('invalid_expiry_month');
    return incomplete('incomplete_expiry');
  }
  const month = Number(parts[1]);
  const year = parts[2].length === 2 ? 2000 + Number(parts[2]) : Number(parts[2]);
  const thisYear = now.getFullYear();
  if (month < 1 || month > 12) return invalid('invalid_expiry_month');
  if (year < thisYear) return invalid('invalid_expiry_year_past');
  if (year === thisYear && month < now.getMonth() + 1) {
    return invalid('invalid_expiry_month_past');
  }
  if (year > thisYear + 50) return invalid('invalid_expiry_year');
  return null;
};

const checkCvc = (value: string): FieldCheck | null => {
  const digits = value.replace(/\s/g, '');
  if (/\D/.test(digits) || digits.length > 4) return invalid('invalid_cvc');
  if (digits.length < 3) return incomplete('incomplete_cvc');
  return null;
};

const FIELDS: Record<FieldName, { autocomplete: AutoFill; placeholder?: string; maxLength: number; check: (value: string) => FieldCheck | null }> = {
  number: { autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234', maxLength: 23, check: checkNumber },
  expiry: { autocomplete: 'cc-exp', maxLength: 9, check: checkExpiry },
  cvc: { autocomplete: 'cc-csc', placeholder: 'CVC', maxLength: 4, check: checkCvc },
};

/**
 * How the card form looks. Stripe draws its fields in an iframe, out of reach of the page's CSS;
 * the fake draws them in a shadow root of its own, with this sheet: a constructed stylesheet,
 * which a strict `style-src` allows (a `<style>` element or a `style` attribute it would not).
 * The appearance's variables come in as custom properties on the shadow host.
 */
const CARD_CSS = `
  :host {
    display: block;
    color: var(--fake-stripe-text, inherit);
    font-family: var(--fake-stripe-font, inherit);
  }
  fieldset {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.5rem 0.75rem;
    min-width: 0;
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 1px solid #8a8a8a;
    border-radius: var(--fake-stripe-radius);
  }
  legend {
    padding: 0 0.25rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .number,
  .hint {
    grid-column: 1 / -1;
  }
  label {
    font-size: 0.875em;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    padding: 0.5rem;
    border: 1px solid #767676;
    border-radius: var(--fake-stripe-radius);
    background: var(--fake-stripe-background, Field);
    color: var(--fake-stripe-text, FieldText);
    font: inherit;
  }
  /* Digits read left to right in every language, aligned as the form is; a card number on one line. */
  :host([dir='rtl']) input { text-align: right; }
  .hint [dir='ltr'] { white-space: nowrap; }
  input[aria-invalid='true'] {
    border-color: var(--fake-stripe-danger);
  }
  .error {
    margin: 0;
    color: var(--fake-stripe-danger);
    font-size: 0.875em;
  }
  .hint {
    margin: 0;
    font-size: 0.8125em;
  }
  .authentication {
    margin-top: 0.75rem;
    padding: 0.75rem;
    border: 2px solid currentColor;
    border-radius: var(--fake-stripe-radius);
  }
  .authentication p {
    margin: 0 0 0.5rem;
  }
  .authentication .title {
    margin-bottom: 0.25rem;
    font-weight: bold;
  }
  button {
    margin-inline-end: 0.5rem;
    font: inherit;
  }
`;

let cardSheet: CSSStyleSheet | undefined;

const make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), properties);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** The element focused now, looking into shadow roots. */
const deepActiveElement = (): Element | null => {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused;
};

/**
 * The card form a mounted payment element shows: three labelled inputs and the test cards, in an
 * open shadow root on `host` (open, so that tests can type into it as a buyer would).
 */
class CardField {
  /** What goes into the mount node. */
  readonly host: HTMLDivElement;
  private readonly root: HTMLDivElement;
  private readonly fieldset: HTMLFieldSetElement;
  private readonly inputs = {} as Record<FieldName, HTMLInputElement>;
  private readonly errors = {} as Record<FieldName, HTMLParagraphElement>;
  private settleAuthentication: ((completed: boolean) => void) | null = null;

  constructor(
    appearance: Appearance,
    private readonly locale: CardLocale,
    private readonly emit: (event: EventName, payload: object) => void,
  ) {
    const { lang, dir, words } = locale;
    const variables = appearance.variables ?? {};
    const night = appearance.theme === 'night';
    this.host = make('div', { className: 'buy-tweet-fake-stripe', lang, dir });
    // CSSOM, not a `style` attribute: allowed under a strict `style-src`.
    this.host.style.colorScheme = night ? 'dark' : 'light';
    const custom: Record<string, string | undefined> = {
      '--fake-stripe-danger': text(variables.colorDanger) ?? (night ? '#fe87a1' : '#c0123c'),
      '--fake-stripe-radius': text(variables.borderRadius) ?? '4px',
      '--fake-stripe-background': text(variables.colorBackground),
      '--fake-stripe-text': text(variables.colorText),
      '--fake-stripe-font': text(variables.fontFamily),
    };
    for (const [name, value] of Object.entries(custom)) if (value) this.host.style.setProperty(name, value);

    const shadow = this.host.attachShadow({ mode: 'open' });
    if (!cardSheet) {
      cardSheet = new CSSStyleSheet();
      cardSheet.replaceSync(CARD_CSS);
    }
    shadow.adoptedStyleSheets = [cardSheet];
    this.root = make('div');
    this.fieldset = make('fieldset');
    this.fieldset.append(make('legend', { textContent: words.legend }));

    for (const name of FIELD_NAMES) {
      const { autocomplete, placeholder = words.expiryPlaceholder, maxLength } = FIELDS[name];
      const input = make('input', { id: name, type: 'text', autocomplete, placeholder, maxLength, spellcheck: false, dir: 'ltr' });
      input.inputMode = 'numeric';
      input.setAttribute('aria-required', 'true');
      if (name === 'number') input.setAttribute('aria-describedby', 'hint');
      input.addEventListener('input', () => this.typed(name));
      input.addEventListener('blur', () => this.left(name));
      this.inputs[name] = input;
      this.errors[name] = make('p', { id: `${name}-error`, className: 'error' });
      this.errors[name].setAttribute('role', 'alert');
      const field = make('div', { className: `field ${name}` });
      field.append(make('label', { htmlFor: name, textContent: words[name] }), input);
      this.fieldset.append(field);
    }
    this.fieldset.append(testCardsHint(words, fakeStripeCards));
    this.root.append(this.fieldset);
    shadow.append(this.root);

    this.root.addEventListener('focusin', (event) => {
      if (!this.root.contains(event.relatedTarget as Node | null)) this.emit('focus', { elementType: 'payment' });
    });
    this.root.addEventListener('focusout', (event) => {
      if (!this.root.contains(event.relatedTarget as Node | null)) this.emit('blur', { elementType: 'payment' });
    });
  }

  get cardNumber(): string {
    return cardDigits(this.inputs.number.value);
  }

  get complete(): boolean {
    return FIELD_NAMES.every((name) => !this.problem(name));
  }

  get empty(): boolean {
    return FIELD_NAMES.every((name) => !this.inputs[name].value.trim());
  }

  focus(): void {
    this.inputs.number.focus();
  }

  blur(): void {
    const focused = deepActiveElement();
    if (focused && this.root.contains(focused)) (focused as HTMLElement).blur();
  }

  clear(): void {
    for (const name of FIELD_NAMES) {
      this.inputs[name].value = '';
      this.show(name, null);
    }
    this.changed();
  }

  /** Shows every problem under its field; gives the first, as Stripe reports it. */
  validate(): FieldProblem | null {
    let first: FieldProblem | null = null;
    for (const name of FIELD_NAMES) {
      const problem = this.problem(name);
      this.show(name, problem);
      first ??= problem;
    }
    return first;
  }

  /**
   * The 3-D Secure step: a panel with Complete and Fail. Resolves whether the buyer completed it;
   * taking the form away fails it, as closing Stripe's window does.
   */
  authenticate(): Promise<boolean> {
    if (!this.root.isConnected) return Promise.resolve(false);
    const panel = make('div', { className: 'authentication' });
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-labelledby', 'authentication-title');
    const complete = make('button', { type: 'button', textContent: this.locale.words.complete });
    const fail = make('button', { type: 'button', textContent: this.locale.words.fail });
    panel.append(
      make('p', { id: 'authentication-title', className: 'title', textContent: this.locale.words.authenticate }),
      make('p', { textContent: this.locale.words.authenticateNote }),
      complete,
      fail,
    );
    const before = deepActiveElement();
    this.fieldset.disabled = true;
    this.root.append(panel);
    complete.focus();

    return new Promise((resolve) => {
      const settle = (completed: boolean) => {
        this.settleAuthentication = null;
        panel.remove();
        this.fieldset.disabled = false;
        if (this.root.isConnected) {
          // Back where the buyer was; after a failure, at the card to try again.
          if (before instanceof HTMLElement && before.isConnected) before.focus();
          if (!completed && deepActiveElement() !== before) this.focus();
        }
        resolve(completed);
      };
      this.settleAuthentication = settle;
      complete.addEventListener('click', () => settle(true), { once: true });
      fail.addEventListener('click', () => settle(false), { once: true });
    });
  }

  remove(): void {
    this.settleAuthentication?.(false);
    this.host.remove();
  }

  private problem(name: FieldName): FieldProblem | null {
    const check = FIELDS[name].check(this.inputs[name].value);
    return check && { ...check, message: this.locale.words.problems[check.code] };
  }

  private typed(name: FieldName): void {
    const problem = this.problem(name);
    // While typing, only a definite mistake shows; an unfinished entry waits for blur or confirm.
    this.show(name, problem && !problem.incomplete ? problem : null);
    this.changed();
  }

  private left(name: FieldName): void {
    if (this.inputs[name].value.trim()) this.show(name, this.problem(name));
  }

  private changed(): void {
    this.emit('change', { elementType: 'payment', complete: this.complete, empty: this.empty, collapsed: false, value: { type: 'card' } });
  }

  private show(name: FieldName, problem: FieldProblem | null): void {
    const input = this.inputs[name];
    const error = this.errors[name];
    const describedBy = [name === 'number' ? 'hint' : '', problem ? error.id : ''].filter(Boolean).join(' ');
    if (describedBy) input.setAttribute('aria-describedby', describedBy);
    else input.removeAttribute('aria-describedby');
    if (!problem) {
      input.removeAttribute('aria-invalid');
      error.remove();
      return;
    }
    input.setAttribute('aria-invalid', 'true');
    error.textContent = problem.message;
    if (!error.isConnected) input.after(error);
  }
}

// Stripe.js ----------------------------------------------------------------------------------

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const randomId = (prefix: string): string =>
  prefix + Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');

// PaymentIntents -----------------------------------------------------------------------------

/** What Stripe keeps of a PaymentIntent that the fake needs to answer for it. */
interface IntentRecord {
  status: FakePaymentIntentStatus;
  created: number;
  paymentMethod: string | null;
  lastPaymentError: PaymentIntent.LastPaymentError | null;
}

/**
 * Stripe keeps PaymentIntents on its servers. The fake has no server, so this tab's
 * sessionStorage stands in for them: it outlives a reload and a return from `return_url`, as
 * Stripe's copy does. Where sessionStorage is off or full, the fake knows them for this page only.
 */
const INTENTS_KEY = 'buy-tweet:fake-stripe:payment-intents';
const pageIntents = new Map<string, IntentRecord>();
const STATUSES: readonly unknown[] = ['requires_payment_method', 'processing', 'succeeded'];

const session = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

const storedIntents = (): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(session()?.getItem(INTENTS_KEY) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

const readIntent = (clientSecret: string): IntentRecord | undefined => {
  const stored = storedIntents();
  const intent = Object.hasOwn(stored, clientSecret) ? (stored[clientSecret] as IntentRecord | null) : undefined;
  // Any script of the page can write sessionStorage: a record that is not the fake's own is ignored.
  if (intent && typeof intent === 'object' && STATUSES.includes(intent.status) && typeof intent.created === 'number') return intent;
  return pageIntents.get(clientSecret);
};

const writeIntent = (clientSecret: string, intent: IntentRecord): void => {
  pageIntents.set(clientSecret, intent);
  try {
    session()?.setItem(INTENTS_KEY, JSON.stringify({ ...storedIntents(), [clientSecret]: intent }));
  } catch {
    // Full or refused: this page still knows it.
  }
};

/**
 * The PaymentIntent behind a client secret the page was given. Stripe knows it from the moment
 * the partner's server made it; the fake learns of it when the page first uses its secret.
 */
const knownIntent = (clientSecret: string): IntentRecord => {
  const known = readIntent(clientSecret);
  if (known) return known;
  const intent: IntentRecord = {
    status: 'requires_payment_method',
    created: Math.floor(Date.now() / 1000),
    paymentMethod: null,
    lastPaymentError: null,
  };
  writeIntent(clientSecret, intent);
  return intent;
};

const paymentIntentOf = (clientSecret: string, intent: IntentRecord): FakePaymentIntent => ({
  id: CLIENT_SECRET.exec(clientSecret)![1],
  object: 'payment_intent',
  canceled_at: null,
  cancellation_reason: null,
  capture_method: 'automatic',
  client_secret: clientSecret,
  confirmation_method: 'automatic',
  created: intent.created,
  description: null,
  last_payment_error: intent.lastPaymentError,
  livemode: false,
  next_action: null,
  payment_method: intent.paymentMethod,
  payment_method_types: ['card'],
  receipt_email: null,
  setup_future_usage: null,
  shipping: null,
  status: intent.status,
});

/** How an attempt that reached the payment ended. */
type Settlement = { status: 'succeeded' | 'processing' } | { declined: FakeStripeError };

/** Records a settled attempt on the PaymentIntent, and answers as Stripe.js does. */
const settle = (clientSecret: string, settlement: Settlement): FakeConfirmResult => {
  const before = knownIntent(clientSecret);
  if ('status' in settlement) {
    const intent: IntentRecord = { ...before, status: settlement.status, paymentMethod: randomId('pm_'), lastPaymentError: null };
    writeIntent(clientSecret, intent);
    return { paymentIntent: paymentIntentOf(clientSecret, intent) };
  }
  // A declined attempt puts the PaymentIntent back to requires_payment_method, with the decline
  // as its last_payment_error: the buyer may try again on the same PaymentIntent.
  const { payment_intent: _given, ...error } = settlement.declined;
  const lastPaymentError = { ...error, type: 'card_error' } as PaymentIntent.LastPaymentError;
  const intent: IntentRecord = { ...before, status: 'requires_payment_method', paymentMethod: null, lastPaymentError };
  writeIntent(clientSecret, intent);
  return { error: { ...error, payment_intent: paymentIntentOf(clientSecret, intent) } };
};

const declined = (code: string, message: string, declineCode?: string): Settlement => ({
  declined: { type: 'card_error', code, ...(declineCode && { decline_code: declineCode }), message },
});

/** What a card number does, before any 3-D Secure step or redirect. */
const decisionFor = (cardNumber: string): FakeStripeOutcome => {
  switch (cardNumber) {
    case fakeStripeCards.declined:
      return 'card_declined';
    case fakeStripeCards.insufficientFunds:
      return 'insufficient_funds';
    case fakeStripeCards.processing:
      return 'processing';
    case fakeStripeCards.threeDSecure:
      return 'requires_action';
    case fakeStripeCards.redirect:
      return 'redirect';
    case fakeStripeCards.redirectFailed:
      return 'redirect_failed';
    default:
      return 'succeeded';
  }
};

const AUTHENTICATION_FAILED =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

/** What Stripe.js answers when its request to Stripe fails on the network (antiwork/gumroad#7729). */
const CONNECTION_LOST: FakeStripeError = {
  type: 'api_connection_error',
  message: 'We are experiencing issues connecting to our payments provider. Please check your internet connection.',
};

/**
 * Stripe's API error when a payment method must leave the page and no `return_url` was given
 * (as integrators meet it, e.g. wordpress.org/support/?p=17850333).
 */
const RETURN_URL_MISSING: FakeStripeError = {
  type: 'invalid_request_error',
  message:
    "A 'return_url' must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed.",
};

/** How a decision ends, once the fake has waited as long as Stripe would take. */
const settlementOf = async (decision: FakeStripeOutcome, field: CardField): Promise<Settlement | { error: FakeStripeError }> => {
  switch (decision) {
    case 'succeeded':
    case 'processing':
      return { status: decision };
    case 'redirect':
    case 'lost':
      return { status: 'succeeded' };
    case 'card_declined':
      return declined('card_declined', 'Your card was declined.', 'generic_decline');
    case 'redirect_failed':
      // 4000 0084 0000 1629: authentication passes, then the card is declined (Stripe's test cards).
      return declined('card_declined', 'Your card was declined.', 'generic_decline');
    case 'insufficient_funds':
      return declined('card_declined', 'Your card has insufficient funds.', 'insufficient_funds');
    case 'requires_action':
      return (await field.authenticate())
        ? { status: 'succeeded' }
        : declined('payment_intent_authentication_failure', AUTHENTICATION_FAILED);
    default:
      // A forced card error is a decline like any other; any other error leaves the payment as it was.
      return decision.error.type === 'card_error' ? { declined: decision.error } : { error: { ...decision.error } };
  }
};

/** `return_url` with Stripe's parameters appended to its own query; its fragment stays. */
const returnAddress = (returnUrl: string, clientSecret: string, redirectStatus: 'succeeded' | 'failed'): string => {
  const url = new URL(returnUrl);
  const stripeParams = new URLSearchParams({
    payment_intent: CLIENT_SECRET.exec(clientSecret)![1],
    payment_intent_client_secret: clientSecret,
    redirect_status: redirectStatus,
  });
  // Appended as text, so the page's own parameters keep their exact spelling.
  url.search = url.search ? `${url.search}&${stripeParams}` : `?${stripeParams}`;
  return url.href;
};

/** Tells the partner, as Stripe's webhook would. A failure changes nothing: Stripe would retry. */
const notifyPartner = async (events: string, type: PaymentEventType, clientSecret: string): Promise<void> => {
  try {
    // A simple request (`no-cors`, text/plain): the mock's HTTP server opens no CORS on its
    // `/__mock/` routes, and the answer is not read anyway: Stripe's webhooks are fire and forget.
    await fetch(events, {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ type, clientSecret }),
      signal: AbortSignal.timeout(EVENT_TIMEOUT),
    });
  } catch {
    // The payment stands; the mock partner simply did not hear of it.
  }
};

const eventOf = (result: FakeConfirmResult): PaymentEventType | null => {
  if ('paymentIntent' in result) {
    return result.paymentIntent.status === 'succeeded' ? 'payment_intent.succeeded' : 'payment_intent.processing';
  }
  return result.error.type === 'card_error' ? 'payment_intent.payment_failed' : null;
};

interface ConfirmOptions {
  elements?: unknown;
  clientSecret?: unknown;
  redirect?: unknown;
  confirmParams?: { return_url?: unknown } | null;
}

const confirmPayment = async (own: Installation, stripe: object, options: unknown): Promise<FakeConfirmResult> => {
  const installation = current(own);
  installation.calls.push({ method: 'stripe.confirmPayment', args: [options] });
  installation.confirmations++;

  if (!options || typeof options !== 'object') {
    throw new IntegrationError('Invalid value for confirmPayment(): expected an object with `elements`.');
  }
  const { elements, clientSecret: given, redirect, confirmParams } = options as ConfirmOptions;
  const group = elements && typeof elements === 'object' ? groups.get(elements) : undefined;
  if (!group || group.stripe !== stripe) {
    throw new IntegrationError(
      'Invalid value for confirmPayment(): `elements` should be an Elements group made by stripe.elements() of this Stripe instance.',
    );
  }
  const field = group.payment?.field;
  if (!field) {
    throw new IntegrationError('Invalid value for confirmPayment(): `elements` should have a mounted Payment Element.');
  }
  const clientSecret = group.clientSecret ?? given;
  if (typeof clientSecret !== 'string' || !CLIENT_SECRET.test(clientSecret)) {
    throw new IntegrationError(
      'Invalid value for confirmPayment(): the client secret should be a PaymentIntent client secret of the form pi_{id}_secret_{secret}.',
    );
  }
  if (redirect !== 'if_required') {
    throw new IntegrationError(
      "The fake Stripe leaves the page only when a payment method needs it: call confirmPayment() with `redirect: 'if_required'`.",
    );
  }
  const returnUrl = confirmParams?.return_url;
  if (returnUrl !== undefined && (typeof returnUrl !== 'string' || !URL.canParse(returnUrl))) {
    throw new IntegrationError('Invalid value for confirmPayment(): `confirmParams.return_url` should be an absolute URL.');
  }

  const { status } = knownIntent(clientSecret);
  if (status !== 'requires_payment_method' || installation.confirming.has(clientSecret)) {
    const message = installation.confirming.has(clientSecret)
      ? 'A confirmation of this PaymentIntent is already in progress.'
      : `You cannot confirm this PaymentIntent because it has already ${status === 'succeeded' ? 'succeeded' : 'been confirmed and is processing'}.`;
    return {
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message,
        payment_intent: paymentIntentOf(clientSecret, knownIntent(clientSecret)),
      },
    };
  }

  installation.confirming.add(clientSecret);
  let leaving = false;
  try {
    let decision = installation.outcomes.shift();
    if (decision === undefined) {
      // Checked in the browser before anything is sent, as Stripe's own fields do.
      const problem = field.validate();
      if (problem) return { error: { type: 'validation_error', code: problem.code, message: problem.message } };
      decision = decisionFor(field.cardNumber);
    }
    const leaves = decision === 'redirect' || decision === 'redirect_failed';
    if (leaves && typeof returnUrl !== 'string') return { error: { ...RETURN_URL_MISSING } };
    await sleep(installation.delay);

    const settlement = await settlementOf(decision, field);
    const result = 'error' in settlement ? { error: settlement.error } : settle(clientSecret, settlement);
    const event = eventOf(result);
    if (event && !installation.uninstalled) await notifyPartner(installation.events, event, clientSecret);

    if (decision === 'lost') return { error: { ...CONNECTION_LOST } };
    if (leaves && typeof returnUrl === 'string') {
      // The page goes to return_url, and Stripe.js's promise never settles: the page that was
      // waiting for it is gone (docs.stripe.com/js/payment_intents/confirm_payment).
      leaving = true;
      if (!installation.uninstalled) {
        installation.navigate(returnAddress(returnUrl, clientSecret, 'paymentIntent' in result ? 'succeeded' : 'failed'));
      }
      return new Promise<never>(() => {});
    }
    return result;
  } finally {
    // A confirmation that left the page stays under way: nothing on this page may confirm again.
    if (!leaving) installation.confirming.delete(clientSecret);
  }
};

const retrievePaymentIntent = async (own: Installation, clientSecret: unknown): Promise<FakeRetrieveResult> => {
  const installation = current(own);
  installation.calls.push({ method: 'stripe.retrievePaymentIntent', args: [clientSecret] });
  if (typeof clientSecret !== 'string' || !CLIENT_SECRET.test(clientSecret)) {
    throw new IntegrationError(
      `Invalid value for retrievePaymentIntent: clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${String(clientSecret)}.`,
    );
  }
  // A round trip to Stripe's API (docs.stripe.com/js/payment_intents/retrieve_payment_intent).
  await sleep(installation.delay);
  const intent = readIntent(clientSecret);
  if (!intent) {
    // Stripe's answer for an id it does not know (stripe/stripe-java#1160: code resource_missing).
    return {
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        param: 'intent',
        message: `No such payment_intent: '${CLIENT_SECRET.exec(clientSecret)![1]}'`,
      },
    };
  }
  return { paymentIntent: paymentIntentOf(clientSecret, intent) };
};

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
    if (!state.listeners.has(event)) state.listeners.set(event, new Set());
    state.listeners.get(event)!.add(wrapped);
  };

  const element = {
    mount(target: unknown): void {
      record(own, 'paymentElement.mount', [target]);
      if (state.destroyed) throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
      if (state.field) {
        throw new IntegrationError('This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.');
      }
      const node = typeof target === 'string' ? document.querySelector(target) : target;
      if (typeof target === 'string' && !node) {
        throw new IntegrationError(`The selector you specified (${target}) applies to no DOM elements that are currently on the page.`);
      }
      if (!node || (node as Node).nodeType !== Node.ELEMENT_NODE || (node as Element).localName === 'input') {
        throw new IntegrationError('Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.');
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

const createElements = (own: Installation, stripe: object, options: unknown): object => {
  const { clientSecret, appearance, locale } = (options && typeof options === 'object' ? options : {}) as {
    clientSecret?: unknown;
    appearance?: unknown;
    locale?: unknown;
  };
  if (clientSecret !== undefined && (typeof clientSecret !== 'string' || !CLIENT_SECRET.test(clientSecret))) {
    throw new IntegrationError(
      `Invalid value for elements(): clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${String(clientSecret)}.`,
    );
  }
  // Stripe.js loads the PaymentIntent here; from now on the fake knows it (see knownIntent).
  if (clientSecret !== undefined) knownIntent(clientSecret);
  const group: ElementsGroup = {
    stripe,
    ...(clientSecret !== undefined && { clientSecret }),
    appearance: appearance && typeof appearance === 'object' ? (appearance as Appearance) : {},
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

const checkPublishableKey = (key: unknown): void => {
  if (typeof key !== 'string') {
    throw new IntegrationError(`Invalid value for Stripe(): apiKey should be a string. You specified: ${typeof key}.`);
  }
  if (!key) throw new IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
  if (/^(sk|rk)_/.test(key)) {
    throw new IntegrationError('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
  }
  if (!key.startsWith('pk_')) {
    throw new IntegrationError(`Invalid value for Stripe(): apiKey should be a publishable key (pk_...). You specified: ${key}.`);
  }
};

/** The fake `window.Stripe`: one per page, whatever is installed and uninstalled. */
function FakeStripe(...args: unknown[]): object {
  if (!active) {
    throw new IntegrationError('buy-tweet fake Stripe: it is not installed (call installFakeStripe(), and uninstall() only after).');
  }
  const own = active;
  own.calls.push({ method: 'Stripe', args });
  checkPublishableKey(args[0]);
  const stripe = {
    elements(options?: unknown): object {
      record(own, 'stripe.elements', options === undefined ? [] : [options]);
      return createElements(own, stripe, options);
    },
    confirmPayment(options: unknown): Promise<FakeConfirmResult> {
      return confirmPayment(own, stripe, options);
    },
    retrievePaymentIntent(clientSecret: unknown): Promise<FakeRetrieveResult> {
      return retrievePaymentIntent(own, clientSecret);
    },
    /** `loadStripe` says who wraps Stripe.js; the fake only notes it. */
    _registerWrapper(wrapper: unknown): void {
      record(own, 'stripe._registerWrapper', [wrapper]);
    },
  };
  return stripe;
}
FakeStripe.version = RELEASE_TRAIN;
Object.defineProperty(FakeStripe, FAKE_MARK, { value: true });

/**
 * Puts the fake on `window.Stripe`, for test mode: the demo and the tests. Installing again while
 * the fake is there starts a new installation that takes over (with its own calls and outcomes).
 * Throws when `window.Stripe` is something else (Stripe.js itself, or another copy of this
 * module's fake).
 */
export const installFakeStripe = (options: FakeStripeOptions = {}): FakeStripeControl => {
  if (typeof window === 'undefined') throw new Error('buy-tweet fake Stripe: needs a browser window.');
  const existing = host().Stripe;
  if (existing !== undefined && existing !== FakeStripe) {
    throw new Error(
      isFake(existing)
        ? 'buy-tweet fake Stripe: another copy of the fake is installed; uninstall it first (load one copy of buy-tweet/mock per page).'
        : 'buy-tweet fake Stripe: window.Stripe is already set (Stripe.js is on the page?). The fake only goes on a page without Stripe.js.',
    );
  }
  const delay = options.delay ?? DEFAULT_DELAY;
  if (!Number.isFinite(delay) || delay < 0) throw new RangeError('buy-tweet fake Stripe: `delay` should be 0 or more milliseconds.');

  const installation: Installation = {
    events: new URL(options.events ?? '/__mock/stripe/events', location.href).href,
    delay,
    navigate: options.navigate ?? ((url) => location.assign(url)),
    calls: [],
    confirmations: 0,
    outcomes: [],
    confirming: new Set(),
    mounted: new Set(),
    uninstalled: false,
  };
  active = installation;
  host().Stripe = FakeStripe;

  return {
    get calls() {
      return installation.calls;
    },
    get confirmations() {
      return installation.confirmations;
    },
    nextOutcome(outcome: FakeStripeOutcome): void {
      const named: unknown[] = [
        'succeeded',
        'processing',
        'card_declined',
        'insufficient_funds',
        'requires_action',
        'redirect',
        'redirect_failed',
        'lost',
      ];
      const valid =
        named.includes(outcome) ||
        (typeof outcome === 'object' && outcome !== null && typeof outcome.error?.message === 'string' && typeof outcome.error.type === 'string');
      if (!valid) throw new TypeError(`buy-tweet fake Stripe: unknown outcome ${JSON.stringify(outcome)}.`);
      installation.outcomes.push(outcome);
    },
    uninstall(): void {
      installation.uninstalled = true;
      for (const state of [...installation.mounted]) state.unmount();
      if (active !== installation) return;
      active = null;
      if (host().Stripe === FakeStripe) delete host().Stripe;
    },
  };
};
