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
 * `focus`, `blur` and `clear`, and `stripe.confirmPayment()`. Mistakes Stripe.js would reject (a
 * secret key, a malformed client secret, mounting anywhere but the document's own tree (inside a
 * shadow root, or not in the document), confirming without a mounted payment element or with
 * another Stripe instance's elements) throw an `IntegrationError` as it does; card problems
 * resolve with `{error}`, never reject.
 *
 * The outcome of a confirmation comes from the card number typed (spaces ignored), like Stripe's
 * test cards (see `fakeStripeCards`):
 *   4242 4242 4242 4242  succeeded
 *   4000 0000 0000 0002  card_error card_declined (generic_decline)
 *   4000 0000 0000 9995  card_error card_declined (insufficient_funds)
 *   4000 0000 0000 0077  processing (the fake's own choice: Stripe has no such card)
 *   4000 0027 6000 3184  3-D Secure: a panel with Complete (succeeded) and Fail buttons
 *   any other number that passes the Luhn check: succeeded
 * An incomplete or invalid number, expiry (past dates too) or CVC is a `validation_error`, also
 * shown under the field. `control.nextOutcome(...)` forces the next outcome, whatever the card.
 *
 * Like Stripe's webhook, a confirmation that reaches the payment (succeeded, processing or
 * failed) tells the partner: it POSTs `{type, clientSecret}` to the mock partner's
 * `/__mock/stripe/events` and resolves only after that answered (or failed: the payment stands
 * either way), so the order reads `paid` right after a success.
 *
 * The card form is built with DOM APIs only (no innerHTML, no `style` attribute or element), so it
 * works on pages that enforce Trusted Types and a strict `style-src`. Like Stripe's iframe, it
 * keeps out of the page's CSS: it lives in a shadow root of its own (open, for tests), on a child
 * of the mount node, styled by a constructed stylesheet. Its words are English.
 *
 * `loadStripe` keeps the first `window.Stripe` it sees for the life of the page, and the checkout
 * keeps its Stripe instances: so there is one fake constructor per page, and every constructor,
 * instance and element it made works for whichever installation is current.
 */
import type { PaymentEventType } from './handlers.js';

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
} as const;

export interface FakeStripeOptions {
  /** Where payment events go. Default `${location.origin}/__mock/stripe/events`. */
  events?: string;
  /** How many milliseconds a confirmation takes. Default 300. */
  delay?: number;
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

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  status: FakePaymentIntentStatus;
  client_secret: string;
  livemode: false;
  created: number;
}

export interface FakeStripeError {
  type: FakeStripeErrorType;
  code?: string;
  decline_code?: string;
  message: string;
  payment_intent?: FakePaymentIntent;
}

export type FakeConfirmResult = { paymentIntent: FakePaymentIntent } | { error: FakeStripeError };

/**
 * What `nextOutcome` can force: a named outcome, or any error, resolved as given (a `card_error`
 * also tells the partner the payment failed).
 */
export type FakeStripeOutcome =
  | 'succeeded'
  | 'processing'
  | 'card_declined'
  | 'insufficient_funds'
  /** The 3-D Secure panel, as with card 4000 0027 6000 3184. */
  | 'requires_action'
  | { error: FakeStripeError };

export interface FakeStripeCall {
  /**
   * `Stripe`, `stripe._registerWrapper`, `stripe.elements`, `stripe.confirmPayment`,
   * `elements.create`, `elements.getElement`, `paymentElement.mount` (`.unmount`, `.destroy`,
   * `.on`, `.once`, `.off`, `.focus`, `.blur`, `.clear`).
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
   * during it; a confirmation still under way resolves without telling the partner.
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
  calls: FakeStripeCall[];
  confirmations: number;
  outcomes: FakeStripeOutcome[];
  /** PaymentIntent states by client secret. */
  intents: Map<string, FakePaymentIntentStatus>;
  confirming: Set<string>;
  /** Payment elements mounted during this installation. */
  mounted: Set<PaymentElementState>;
  uninstalled: boolean;
}

interface ElementsGroup {
  stripe: object;
  clientSecret?: string;
  appearance: Appearance;
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

interface FieldProblem {
  code: string;
  message: string;
  /** Still being typed: shown on leaving the field or confirming, not while typing. */
  incomplete: boolean;
}

const incomplete = (code: string, message: string): FieldProblem => ({ code, message, incomplete: true });
const invalid = (code: string, message: string): FieldProblem => ({ code, message, incomplete: false });

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

const checkNumber = (value: string): FieldProblem | null => {
  const digits = cardDigits(value);
  if (!digits) return incomplete('incomplete_number', 'Your card number is incomplete.');
  if (/\D/.test(digits)) return invalid('invalid_number', 'Your card number is invalid.');
  if (digits.length < (/^3[47]/.test(digits) ? 15 : 16)) {
    return incomplete('incomplete_number', 'Your card number is incomplete.');
  }
  if (digits.length > 19 || !luhn(digits)) return invalid('invalid_number', 'Your card number is invalid.');
  return null;
};

const checkExpiry = (value: string, now = new Date()): FieldProblem | null => {
  const compact = value.replace(/\s/g, '');
  const parts = /^(\d{1,2})\/(\d{2}|\d{4})$/.exec(compact) ?? /^(\d{2})(\d{2}|\d{4})$/.exec(compact);
  if (!parts) {
    if (/^1[3-9]|^[2-9]\d/.test(compact)) {
      return invalid('invalid_expiry_month', "Your card's expiration month is invalid.");
    }
    return incomplete('incomplete_expiry', "Your card's expiration date is incomplete.");
  }
  const month = Number(parts[1]);
  const year = parts[2].length === 2 ? 2000 + Number(parts[2]) : Number(parts[2]);
  const thisYear = now.getFullYear();
  if (month < 1 || month > 12) return invalid('invalid_expiry_month', "Your card's expiration month is invalid.");
  if (year < thisYear) return invalid('invalid_expiry_year_past', "Your card's expiration year is in the past.");
  if (year === thisYear && month < now.getMonth() + 1) {
    return invalid('invalid_expiry_month_past', "Your card's expiration date is in the past.");
  }
  if (year > thisYear + 50) return invalid('invalid_expiry_year', "Your card's expiration year is invalid.");
  return null;
};

const checkCvc = (value: string): FieldProblem | null => {
  const digits = value.replace(/\s/g, '');
  if (/\D/.test(digits) || digits.length > 4) return invalid('invalid_cvc', "Your card's security code is invalid.");
  if (digits.length < 3) return incomplete('incomplete_cvc', "Your card's security code is incomplete.");
  return null;
};

const FIELDS: Record<
  FieldName,
  { label: string; autocomplete: AutoFill; placeholder: string; maxLength: number; check: (value: string) => FieldProblem | null }
> = {
  number: { label: 'Card number', autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234', maxLength: 23, check: checkNumber },
  expiry: { label: 'Expiry (MM / YY)', autocomplete: 'cc-exp', placeholder: 'MM / YY', maxLength: 9, check: checkExpiry },
  cvc: { label: 'CVC', autocomplete: 'cc-csc', placeholder: 'CVC', maxLength: 4, check: checkCvc },
};

const HINT =
  'Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined; ' +
  '4000 0000 0000 9995 has insufficient funds; 4000 0000 0000 0077 stays processing; ' +
  '4000 0027 6000 3184 asks for 3-D Secure. Any future expiry, any CVC.';

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
    private readonly emit: (event: EventName, payload: object) => void,
  ) {
    const variables = appearance.variables ?? {};
    const night = appearance.theme === 'night';
    this.host = make('div', { className: 'buy-tweet-fake-stripe', lang: 'en' });
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
    this.fieldset.append(make('legend', { textContent: 'Card (test mode)' }));

    for (const name of FIELD_NAMES) {
      const { label, autocomplete, placeholder, maxLength } = FIELDS[name];
      const input = make('input', { id: name, type: 'text', autocomplete, placeholder, maxLength, spellcheck: false });
      input.inputMode = 'numeric';
      input.setAttribute('aria-required', 'true');
      if (name === 'number') input.setAttribute('aria-describedby', 'hint');
      input.addEventListener('input', () => this.typed(name));
      input.addEventListener('blur', () => this.left(name));
      this.inputs[name] = input;
      this.errors[name] = make('p', { id: `${name}-error`, className: 'error' });
      this.errors[name].setAttribute('role', 'alert');
      const field = make('div', { className: `field ${name}` });
      field.append(make('label', { htmlFor: name, textContent: label }), input);
      this.fieldset.append(field);
    }
    this.fieldset.append(make('p', { id: 'hint', className: 'hint', textContent: HINT }));
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
    const complete = make('button', { type: 'button', textContent: 'Complete' });
    const fail = make('button', { type: 'button', textContent: 'Fail' });
    panel.append(
      make('p', { id: 'authentication-title', className: 'title', textContent: 'Authenticate this test payment' }),
      make('p', { textContent: 'Test mode: this stands in for the bank’s 3-D Secure check.' }),
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
    return FIELDS[name].check(this.inputs[name].value);
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

const paymentIntent = (clientSecret: string, status: FakePaymentIntentStatus): FakePaymentIntent => ({
  id: CLIENT_SECRET.exec(clientSecret)![1],
  object: 'payment_intent',
  status,
  client_secret: clientSecret,
  livemode: false,
  created: Math.floor(Date.now() / 1000),
});

const cardError = (clientSecret: string, code: string, message: string, declineCode?: string): FakeStripeError => ({
  type: 'card_error',
  code,
  ...(declineCode && { decline_code: declineCode }),
  message,
  payment_intent: paymentIntent(clientSecret, 'requires_payment_method'),
});

/** What a card number does, before any 3-D Secure step. */
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
    default:
      return 'succeeded';
  }
};

const resultOf = (decision: Exclude<FakeStripeOutcome, 'requires_action'>, clientSecret: string): FakeConfirmResult => {
  switch (decision) {
    case 'succeeded':
    case 'processing':
      return { paymentIntent: paymentIntent(clientSecret, decision) };
    case 'card_declined':
      return { error: cardError(clientSecret, 'card_declined', 'Your card was declined.', 'generic_decline') };
    case 'insufficient_funds':
      return { error: cardError(clientSecret, 'card_declined', 'Your card has insufficient funds.', 'insufficient_funds') };
    default:
      return { error: { ...decision.error } };
  }
};

const AUTHENTICATION_FAILED =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

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
    throw new IntegrationError("The fake Stripe never leaves the page: call confirmPayment() with `redirect: 'if_required'`.");
  }
  const returnUrl = confirmParams?.return_url;
  if (returnUrl !== undefined && (typeof returnUrl !== 'string' || !URL.canParse(returnUrl))) {
    throw new IntegrationError('Invalid value for confirmPayment(): `confirmParams.return_url` should be an absolute URL.');
  }

  const status = installation.intents.get(clientSecret) ?? 'requires_payment_method';
  if (status !== 'requires_payment_method' || installation.confirming.has(clientSecret)) {
    const message = installation.confirming.has(clientSecret)
      ? 'A confirmation of this PaymentIntent is already in progress.'
      : `You cannot confirm this PaymentIntent because it has already ${status === 'succeeded' ? 'succeeded' : 'been confirmed and is processing'}.`;
    return {
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message,
        payment_intent: paymentIntent(clientSecret, status),
      },
    };
  }

  installation.confirming.add(clientSecret);
  try {
    let decision = installation.outcomes.shift();
    if (decision === undefined) {
      // Checked in the browser before anything is sent, as Stripe's own fields do.
      const problem = field.validate();
      if (problem) return { error: { type: 'validation_error', code: problem.code, message: problem.message } };
      decision = decisionFor(field.cardNumber);
    }
    await sleep(installation.delay);

    const result =
      decision === 'requires_action'
        ? (await field.authenticate())
          ? resultOf('succeeded', clientSecret)
          : { error: cardError(clientSecret, 'payment_intent_authentication_failure', AUTHENTICATION_FAILED) }
        : resultOf(decision, clientSecret);

    const event = eventOf(result);
    if (event && !installation.uninstalled) await notifyPartner(installation.events, event, clientSecret);
    if ('paymentIntent' in result) installation.intents.set(clientSecret, result.paymentIntent.status);
    return result;
  } finally {
    installation.confirming.delete(clientSecret);
  }
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
      const field = new CardField(group.appearance, emit);
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
  const { clientSecret, appearance } = (options && typeof options === 'object' ? options : {}) as {
    clientSecret?: unknown;
    appearance?: unknown;
  };
  if (clientSecret !== undefined && (typeof clientSecret !== 'string' || !CLIENT_SECRET.test(clientSecret))) {
    throw new IntegrationError(
      `Invalid value for elements(): clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${String(clientSecret)}.`,
    );
  }
  const group: ElementsGroup = {
    stripe,
    ...(clientSecret !== undefined && { clientSecret }),
    appearance: appearance && typeof appearance === 'object' ? (appearance as Appearance) : {},
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
    calls: [],
    confirmations: 0,
    outcomes: [],
    intents: new Map(),
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
      const named: unknown[] = ['succeeded', 'processing', 'card_declined', 'insufficient_funds', 'requires_action'];
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
