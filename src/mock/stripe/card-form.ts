/**
 * The card form is built with DOM APIs only (no innerHTML, no `style` attribute or element), so it
 * works on pages that enforce Trusted Types and a strict `style-src`. Like Stripe's iframe, it
 * keeps out of the page's CSS: it lives in a shadow root of its own (open, for tests), on a child
 * of the mount node, styled by a constructed stylesheet. Its words follow `elements({locale})` as
 * Stripe's do (`words.ts`).
 */
import { cardDigits, checkCvc, checkExpiry, checkNumber, fakeStripeCards, type FieldCheck } from './cards.js';
import { cardFormSheet } from './card-form.styles.js';
import { testCardsHint, type CardLocale } from './words.js';

export type EventName = 'ready' | 'change' | 'focus' | 'blur';

export interface Appearance {
  theme?: string;
  variables?: Record<string, unknown>;
}

type FieldName = 'number' | 'expiry' | 'cvc';
const FIELD_NAMES: readonly FieldName[] = ['number', 'expiry', 'cvc'];

type FieldProblem = FieldCheck & { message: string };

const FIELDS: Record<
  FieldName,
  { autocomplete: AutoFill; placeholder?: string; maxLength: number; check: (value: string) => FieldCheck | null }
> = {
  number: { autocomplete: 'cc-number', placeholder: '1234 1234 1234 1234', maxLength: 23, check: checkNumber },
  expiry: { autocomplete: 'cc-exp', maxLength: 9, check: checkExpiry },
  cvc: { autocomplete: 'cc-csc', placeholder: 'CVC', maxLength: 4, check: checkCvc },
};

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
export class CardField {
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
    shadow.adoptedStyleSheets = [cardFormSheet()];
    this.root = make('div');
    this.fieldset = make('fieldset');
    this.fieldset.append(make('legend', { textContent: words.legend }));

    for (const name of FIELD_NAMES) {
      const { autocomplete, placeholder = words.expiryPlaceholder, maxLength } = FIELDS[name];
      const input = make('input', {
        id: name,
        type: 'text',
        autocomplete,
        placeholder,
        maxLength,
        spellcheck: false,
        dir: 'ltr',
      });
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
    this.emit('change', {
      elementType: 'payment',
      complete: this.complete,
      empty: this.empty,
      collapsed: false,
      value: { type: 'card' },
    });
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
