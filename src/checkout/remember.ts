import type { ShippingAddress } from '../core/types.js';

/**
 * "Remember me", as Twitter's Buy button had it: with the buyer's consent, their email and
 * shipping address stay in this site's localStorage to fill the next checkout. Nothing of payment
 * is ever stored: card data only enters Stripe's own fields.
 */
export interface RememberedBuyer {
  email: string;
  shipping?: ShippingAddress;
}

const KEY = 'buy-tweet:buyer';

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    // Storage can be off (privacy settings, sandboxed frames): then nothing is remembered.
    return undefined;
  }
};

export const recall = (): RememberedBuyer | undefined => {
  try {
    const saved = JSON.parse(storage()?.getItem(KEY) ?? 'null') as RememberedBuyer | null;
    return saved && typeof saved.email === 'string' ? saved : undefined;
  } catch {
    return undefined;
  }
};

export const remember = (buyer: RememberedBuyer): void => {
  try {
    storage()?.setItem(KEY, JSON.stringify({ email: buyer.email, shipping: buyer.shipping }));
  } catch {
    // Full or refused: the checkout works the same, it just won't be filled next time.
  }
};

export const forget = (): void => {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing was stored where nothing can be.
  }
};
