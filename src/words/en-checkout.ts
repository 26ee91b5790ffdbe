/** The checkout's English words: they load with the checkout. */
type Partner = { partner: string };
type Total = { total: string };

export default {
  checkout: 'Checkout',
  thanks: 'Thank you!',
  close: 'Close',
  option: 'Option',
  /** After a sold-out option's price. */
  optionSoldOut: 'sold out',
  quantity: 'Quantity',
  upTo: ({ max }: { max: number }) => `Up to ${max}`,
  email: 'Email',
  emailHint: 'For your receipt',
  shippingAddress: 'Shipping address',
  fullName: 'Full name',
  address: 'Address',
  address2: 'Apartment, suite (optional)',
  city: 'City',
  region: 'State / region',
  postalCode: 'Postal code',
  country: 'Country',
  rememberEmail: 'Remember my email on this site',
  rememberAddress: 'Remember my email and address on this site',
  forget: 'Forget saved details',
  total: 'Total',
  /** The partner answered price_changed: `now` and `was` are formatted totals. */
  newTotal: ({ now, was }: { now: string; was: string }) => `The new total is ${now} (was ${was}). Pay to accept it.`,
  order: 'Order',
  paying: 'Paying…',
  pay: 'Pay',
  payTotal: ({ total }: Total) => `Pay ${total}`,
  /** Between the wallets and the fields below them. */
  orPayAnotherWay: 'Or pay another way',
  /** The wallet sheet's one shipping rate: the price includes shipping. */
  shippingIncluded: 'Shipping included',
  confirmed: 'Your order is confirmed',
  item: 'Item',
  receiptTo: 'Receipt to',
  viewReceipt: ({ partner }: Partner) => `View receipt from ${partner}`,
  done: 'Done',
  // The buyer's own mistakes, checked before anything is sent (core/buyer.ts).
  chooseQuantity: ({ max }: { max: number }) => `Choose from 1 to ${max}.`,
  chooseOption: 'Choose an option.',
  enterEmail: 'Enter an email address like name@example.com.',
  enterName: 'Enter your full name.',
  enterAddress: 'Enter your address.',
  enterCity: 'Enter your city.',
  enterPostalCode: 'Enter your postal code.',
  // What went wrong with the order or the payment.
  orderUnreachable: ({ partner }: Partner) => `${partner} could not be reached. Your details are kept: try again.`,
  checkDetails: 'Please check the highlighted details.',
  priceChanged: 'The price has changed since this page loaded.',
  soldOutNow: 'Sorry, this just sold out. Nothing was charged.',
  paymentFormUnavailable: 'The payment form could not be loaded. Check your connection and try again.',
  /** Loads the payment form again. */
  tryAgain: 'Try again',
  orderUnreadable: ({ partner }: Partner) =>
    `${partner} sent an answer that can't be used. Nothing was charged: change your details or try again.`,
  orderProblem: ({ partner }: Partner) => `${partner} had a problem taking the order. Nothing was charged: try again.`,
  paymentUnconfirmed: 'The payment could not be confirmed. Nothing was charged: try again.',
  paymentDeclined: 'The payment did not go through.',
};
