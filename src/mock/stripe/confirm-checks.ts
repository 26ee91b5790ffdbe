/**
 * What `stripe.confirmPayment()` checks before it tries to pay: Stripe.js's integration errors, in
 * its words where they were found. A promise-returning method, so each one rejects the promise
 * ("Uncaught (in promise) IntegrationError", stripe/react-stripe-js#457).
 */
import type { CardField } from './card-form.js';
import { groups, type ElementsGroup, type WalletConfirmation } from './elements.js';
import { IntegrationError } from './integration-error.js';
import { CLIENT_SECRET } from './intents.js';

/** richnologies/ngx-stripe#211, stripe/react-stripe-js#456. */
const NO_MOUNTED_ELEMENT =
  'Invalid value for stripe.confirmPayment(): elements should have a mounted Payment Element or Express Checkout Element.';

/** A deferred group's confirmation without `clientSecret` (stripe/react-stripe-js#457). */
const CLIENT_SECRET_MISSING = 'You must pass in a clientSecret when calling stripe.confirmPayment().';

/**
 * A deferred group's confirmation without a successful `elements.submit()` since the last one, in
 * Stripe.js's words (its guide's link included, as in stripe/stripe-js#431 for createPaymentMethod;
 * the confirmPayment variant is quoted the same way in public code).
 */
const SUBMIT_FIRST =
  'elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work. Integration guide: https://stripe.com/docs/payments/accept-a-payment-deferred';

/** A wallet's payment confirmed outside its `confirm` event (stripe/react-stripe-js#570). */
const OUTSIDE_CONFIRM_EVENT =
  'Element confirming payment is "expressCheckout", but stripe.confirmPayment() was not called within the "confirm" event. Please call stripe.confirmPayment() in the "confirm" event (https://stripe.com/docs/js/elements_object/express_checkout_element_confirm_event)';

interface ConfirmOptions {
  elements?: unknown;
  clientSecret?: unknown;
  redirect?: unknown;
  confirmParams?: { return_url?: unknown } | null;
}

/** A confirmation that passed the checks: what it pays with, for which PaymentIntent. */
export interface CheckedConfirmation {
  group: ElementsGroup;
  clientSecret: string;
  /** The card form, when the card pays. */
  field: CardField | null;
  /** The wallet whose `confirm` event this is, when a wallet pays. */
  wallet: WalletConfirmation | null;
  returnUrl: string | undefined;
}

export const checkConfirmation = (stripe: object, options: unknown): CheckedConfirmation => {
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
  const field = group.payment?.field ?? null;
  if (!field && !group.express?.mountedIn) throw new IntegrationError(NO_MOUNTED_ELEMENT);
  // A wallet pays only in its `confirm` event; a wallet's submit does not carry past it.
  const wallet = group.wallet;
  const walletSubmitted = group.submitted !== null && group.submitted !== 'card';
  if (!wallet && (!field || (group.deferred && walletSubmitted))) throw new IntegrationError(OUTSIDE_CONFIRM_EVENT);

  if (group.deferred && given === undefined) throw new IntegrationError(CLIENT_SECRET_MISSING);
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
    throw new IntegrationError(
      'Invalid value for confirmPayment(): `confirmParams.return_url` should be an absolute URL.',
    );
  }
  // Deferred: "Call elements.submit() as soon as your customer presses pay", for the payment method
  // that pays (the card, or this wallet in its confirm event). Each confirmation uses it up.
  const submitted = group.submitted;
  group.submitted = null;
  if (group.deferred && submitted !== (wallet ? wallet.wallet : 'card')) throw new IntegrationError(SUBMIT_FIRST);
  return { group, clientSecret, field: wallet ? null : field, wallet, returnUrl };
};
