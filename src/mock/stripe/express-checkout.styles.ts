/**
 * How the Express Checkout Element's wallet buttons and the fake device's wallet sheet look:
 * constructed stylesheets in their own shadow roots (allowed under a strict `style-src`), as for
 * the card form. The buttons follow the wallets' own: black Apple Pay and Google Pay buttons, a
 * green Link button (and PayPal gold, Amazon Pay yellow, Klarna pink), 44px high unless the
 * element's `buttonHeight` says otherwise ("By default, the height of the buttons are 44px",
 * docs.stripe.com/js/custom_checkout/create_express_checkout_element).
 */
const BUTTONS_CSS = `
  :host { display: block; }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button {
    flex: 1 1 10rem;
    min-width: 0;
    block-size: var(--fake-stripe-button-height, 44px);
    padding: 0 1rem;
    border: 0;
    border-radius: 6px;
    background: #000;
    color: #fff;
    font: 600 16px/1 system-ui, -apple-system, 'Segoe UI', sans-serif;
    cursor: pointer;
  }
  button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
  .link { background: #00d66f; color: #011e0f; }
  .paypal { background: #ffc439; color: #111; }
  .amazon_pay { background: #ffd814; color: #0f1111; }
  .klarna { background: #ffa8cd; color: #17120f; }
`;

const SHEET_CSS = `
  dialog {
    box-sizing: border-box;
    inline-size: min(24rem, calc(100vw - 2rem));
    margin-block-end: 1rem;
    padding: 1rem 1.25rem;
    border: 0;
    border-radius: 14px;
    background: #fff;
    color: #111;
    font: 15px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif;
    box-shadow: 0 12px 40px rgb(0 0 0 / 35%);
  }
  dialog::backdrop { background: rgb(0 0 0 / 40%); }
  header {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    margin-block-end: 0.75rem;
  }
  .wallet { font-size: 1.15em; font-weight: 600; }
  .device { color: #555; font-size: 0.85em; }
  dl { margin: 0 0 0.75rem; }
  dl > div {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    padding-block: 0.375rem;
    border-block-end: 1px solid #ddd;
  }
  dt { color: #555; }
  dd { margin: 0; text-align: end; }
  dd span { display: block; }
  .total { margin: 0 0 0.5rem; font-size: 1.15em; font-weight: 600; }
  .status { margin: 0 0 0.75rem; }
  .status.problem { color: #b00020; }
  button {
    padding: 0.5rem 1rem;
    border: 1px solid #767676;
    border-radius: 8px;
    background: #fff;
    color: #111;
    font: inherit;
  }
`;

const sheets = new Map<string, CSSStyleSheet>();
const sheetOf = (css: string): CSSStyleSheet => {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
};

/** The wallet buttons' stylesheet, shared by every Express Checkout Element of the page. */
export const walletButtonsSheet = (): CSSStyleSheet => sheetOf(BUTTONS_CSS);

/** The wallet sheet's stylesheet. */
export const walletSheetSheet = (): CSSStyleSheet => sheetOf(SHEET_CSS);
