// Demo only: the wallets of the fake Stripe's device. The demo's device has Apple Pay, so a wallet
// purchase is Buy plus one tap; `?wallets=google_pay,link` gives it others, `?wallets=none` none
// (the checkout then shows no wallet area, as on a browser without any).
const KNOWN = ['apple_pay', 'google_pay', 'link', 'amazon_pay', 'paypal', 'klarna'];

export const demoWallets = () => {
  const asked = new URLSearchParams(location.search).get('wallets');
  if (asked === null) return ['apple_pay'];
  return asked
    .split(',')
    .map((wallet) => wallet.trim())
    .filter((wallet) => KNOWN.includes(wallet));
};
