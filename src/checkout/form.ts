import { html, nothing, type TemplateResult } from 'lit';
import { SHIPPING_FIELDS } from '../core/buyer.js';
import { expectedTotal, variantOf, type CheckoutState } from '../core/checkout-flow.js';
import type { BuyTweetError } from '../core/errors.js';
import type { Money, Order, Product } from '../core/types.js';
import type { CheckoutWords } from '../words/language.js';
import { countryOptions } from './countries.js';

/**
 * The checkout dialog as templates: the one screen (wallets, the details, Stripe's fields, Pay),
 * sold out, and the receipt. They draw a `CheckoutView`; the dialog's handlers run with the
 * checkout element as `this`, as its own do.
 */
export interface CheckoutView {
  product: Product;
  /** The partner's name, for messages. */
  partner: string;
  locale?: string;
  state: CheckoutState;
  words: CheckoutWords;
  money: (amount: Money) => string;
  /** What Pay pays: the total Stripe's Elements hold. */
  total: Money;
  input: (event: Event) => unknown;
  forget: () => unknown;
  close: () => unknown;
  /** Try again, when the payment form could not be loaded. */
  retryPayment: () => unknown;
  pay: (event: Event) => unknown;
}

const messageOf = (error: BuyTweetError, partner: string, words: CheckoutWords): string => {
  const values = { partner };
  switch (error.code) {
    case 'network':
      return words.orderUnreachable(values);
    case 'invalid_request':
      return words.checkDetails;
    case 'price_changed':
      return words.priceChanged;
    case 'sold_out':
      return words.soldOutNow;
    case 'stripe_unavailable':
      return words.paymentFormUnavailable;
    case 'invalid_response':
      return words.orderUnreadable(values);
    default:
      // Stripe's messages are written for buyers, in the Payment Element's language; a partner's
      // own error codes and words are not: partner_error and any code of the partner's own say
      // the same.
      return error.step === 'order' ? words.orderProblem(values) : error.message;
  }
};

const field = ({ state }: CheckoutView, name: string, label: string, control: TemplateResult, hint?: string) => {
  const error = state.fields[name];
  return html`<div class="field">
    <label for=${name}>${label}</label>
    ${control}
    ${error ? html`<p class="field-error" id=${`${name}-error`}>${error}</p>` : hint ? html`<p class="muted small">${hint}</p>` : nothing}
  </div>`;
};

const invalid = ({ state }: CheckoutView, name: string) => (state.fields[name] ? 'true' : 'false');

const describedBy = ({ state }: CheckoutView, name: string) => (state.fields[name] ? `${name}-error` : nothing);

/**
 * The one screen: the wallets (room only when there are some), the option, quantity, email, the
 * address when it ships, Stripe's Payment Element, remember me, the total and Pay.
 */
const renderForm = (view: CheckoutView) => {
  const { product, state, words, money, total } = view;
  const { input } = state;
  const paying = state.step === 'paying';
  const expected = expectedTotal(product, input, state.acceptedTotal);
  // While the payment is on its way the form is inert: what was sent is what is ordered.
  return html`<form novalidate @submit=${view.pay} @input=${view.input} @change=${view.input}>
    <div class="express" ?data-wallets=${state.wallets} ?inert=${paying}>
      <slot name="express"></slot>
      ${state.wallets ? html`<p class="or muted small">${words.orPayAnotherWay}</p>` : nothing}
    </div>
    <div class="details" ?inert=${paying}>
      ${
        product.variants.length
          ? field(
              view,
              'variantId',
              words.option,
              html`<select
                id="variantId"
                name="variantId"
                aria-invalid=${invalid(view, 'variantId')}
                aria-describedby=${describedBy(view, 'variantId')}
              >
                ${product.variants.map(
                  (variant) =>
                    html`<option
                      value=${variant.id}
                      ?selected=${variant.id === input.variantId}
                      ?disabled=${variant.availability === 'sold_out'}
                    >
                      ${variant.title} ·
                      ${money(variant.price ?? product.price)}${variant.availability === 'sold_out' ? ` · ${words.optionSoldOut}` : ''}
                    </option>`,
                )}
              </select>`,
            )
          : nothing
      }
      ${
        product.maxQuantity > 1
          ? field(
              view,
              'quantity',
              words.quantity,
              html`<input
                id="quantity"
                name="quantity"
                type="number"
                inputmode="numeric"
                min="1"
                max=${product.maxQuantity}
                .value=${String(input.quantity)}
                required
                aria-invalid=${invalid(view, 'quantity')}
                aria-describedby=${describedBy(view, 'quantity')}
              />`,
              words.upTo({ max: product.maxQuantity }),
            )
          : nothing
      }
      ${field(
        view,
        'email',
        words.email,
        // dir=auto: an address reads left to right in a right-to-left dialog too.
        html`<input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          required
          dir="auto"
          .value=${input.email}
          aria-invalid=${invalid(view, 'email')}
          aria-describedby=${describedBy(view, 'email')}
        />`,
        words.emailHint,
      )}
      ${product.requiresShipping ? renderShipping(view) : nothing}
      <div class="payment-element"><slot name="payment"></slot></div>
      <div class="remember">
        <input id="remember" name="remember" type="checkbox" .checked=${state.remember} />
        <label for="remember">${product.requiresShipping ? words.rememberAddress : words.rememberEmail}</label>
        ${state.saved ? html`<button type="button" class="link" @click=${view.forget}>${words.forget}</button>` : nothing}
      </div>
    </div>
    ${state.error ? renderError(view, state.error) : nothing}
    ${
      state.error?.code === 'stripe_unavailable'
        ? html`<button type="button" class="secondary" @click=${view.retryPayment}>${words.tryAgain}</button>`
        : nothing
    }
    <p class="total">
      <span>${words.total}</span>
      <strong>${money(total)}</strong>
    </p>
    ${
      state.newTotal
        ? html`<p class="notice" role="alert">
            ${words.newTotal({ now: money(state.newTotal), was: money(expected) })}
          </p>`
        : nothing
    }
    <button
      type="submit"
      part="pay-button"
      class="primary"
      aria-disabled=${paying || !state.mounted ? 'true' : 'false'}
      aria-busy=${paying ? 'true' : 'false'}
    >
      ${paying ? words.paying : words.payTotal({ total: money(total) })}
    </button>
  </form>`;
};

const renderShipping = (view: CheckoutView) => {
  const { words, locale } = view;
  const { shipping } = view.state.input;
  const countries = countryOptions(locale);
  return html`<fieldset>
    <legend>${words.shippingAddress}</legend>
    ${SHIPPING_FIELDS.map(([key, label, autocomplete, missing]) => {
      const name = `shipping.${key}`;
      return field(
        view,
        name,
        words[label],
        html`<input
          id=${name}
          name=${name}
          autocomplete=${autocomplete}
          ?required=${Boolean(missing)}
          .value=${shipping[key]}
          aria-invalid=${invalid(view, name)}
          aria-describedby=${describedBy(view, name)}
        />`,
      );
    })}
    ${field(
      view,
      'shipping.country',
      words.country,
      html`<select
        id="shipping.country"
        name="shipping.country"
        autocomplete="shipping country"
        aria-invalid=${invalid(view, 'shipping.country')}
        aria-describedby=${describedBy(view, 'shipping.country')}
      >
        ${countries.map(
          ({ code, name }) => html`<option value=${code} ?selected=${code === shipping.country}>${name}</option>`,
        )}
      </select>`,
    )}
  </fieldset>`;
};

const renderError = ({ partner, words }: CheckoutView, error: BuyTweetError) =>
  html`<p class="error" role="alert">${messageOf(error, partner, words)}</p>`;

/** The partner answered sold out: nothing more to do here. */
const renderSoldOut = ({ partner, words, close }: CheckoutView, error: BuyTweetError) =>
  html`<p class="error" role="alert" tabindex="-1" data-focus>${messageOf(error, partner, words)}</p>
    <button class="primary" @click=${close}>${words.close}</button>`;

/** What was ordered, as sent, at the partner's total: never the form as it is now. */
const renderReceipt = ({ state, words, product, partner, money, close }: CheckoutView, order: Order) => {
  const sent = state.attempt?.request;
  const variant = variantOf(product, sent?.variantId);
  return html`<section part="receipt" class="receipt" aria-labelledby="receipt-heading">
    <h3 id="receipt-heading" tabindex="-1" data-focus>${words.confirmed}</h3>
    <dl>
      <dt>${words.order}</dt>
      <dd>${order.id}</dd>
      <dt>${words.item}</dt>
      <dd><bdi>${product.title}${variant ? ` (${variant.title})` : ''}</bdi> × ${sent?.quantity ?? 1}</dd>
      <dt>${words.total}</dt>
      <dd>${money(order.total)}</dd>
      ${
        sent
          ? html`<dt>${words.receiptTo}</dt>
              <dd>${sent.email}</dd>`
          : nothing
      }
    </dl>
    ${
      order.receiptUrl
        ? html`<p>
            <a href=${order.receiptUrl} target="_blank" rel="noopener noreferrer">${words.viewReceipt({ partner })}</a>
          </p>`
        : nothing
    }
    <button class="primary" @click=${close}>${words.done}</button>
  </section>`;
};

/** The dialog: its heading, what is bought, and the step the checkout is at. */
export const renderDialog = (view: CheckoutView, onClose: () => unknown) => {
  const { product, state, words } = view;
  return html`<dialog part="dialog" aria-labelledby="heading" @close=${onClose}>
    <header>
      <h2 id="heading" tabindex="-1" ?data-focus=${state.step === 'details'}>
        ${state.step === 'receipt' ? words.thanks : words.checkout}
      </h2>
      <button class="close" aria-label=${words.close} @click=${view.close}>×</button>
    </header>
    <div class="summary">
      ${
        product.image
          ? html`<img src=${product.image.url} alt="" width="56" height="56" referrerpolicy="no-referrer" />`
          : nothing
      }
      <div>
        <p class="title"><bdi>${product.title}</bdi></p>
        <p class="muted"><bdi>${product.merchant.name}</bdi></p>
      </div>
    </div>
    <div ?hidden=${state.step !== 'details' && state.step !== 'paying'}>${renderForm(view)}</div>
    ${state.step === 'sold_out' && state.error ? renderSoldOut(view, state.error) : nothing}
    ${state.step === 'receipt' && state.order ? renderReceipt(view, state.order) : nothing}
  </dialog>`;
};
