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

/** The card form's stylesheet, made once and shared by every card form of the page. */
export const cardFormSheet = (): CSSStyleSheet => {
  if (!cardSheet) {
    cardSheet = new CSSStyleSheet();
    cardSheet.replaceSync(CARD_CSS);
  }
  return cardSheet;
};
