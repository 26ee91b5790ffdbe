/**
 * `loadStripe` keeps the first `window.Stripe` it sees for the life of the page, and the checkout
 * keeps its Stripe instances: so there is one fake constructor per page, and every constructor,
 * instance and element it made works for whichever installation is current.
 */
import type {
  FakeStripeCall,
  FakeStripeClock,
  FakeStripeOutcome,
  FakeWallet,
  FakeWalletBuyer,
  FakeWalletOutcome,
} from './types.js';

/** Something an installation drew that goes away with it: a mounted Element, an open wallet sheet. */
export interface Mounted {
  unmount(): void;
}

/** One `installFakeStripe()`: its options, what it recorded and what it was told to do. */
export interface Installation {
  events: string;
  delay: number;
  navigate: (url: string) => void;
  wallets: readonly FakeWallet[];
  walletBuyer: FakeWalletBuyer;
  clock: FakeStripeClock;
  calls: FakeStripeCall[];
  confirmations: number;
  outcomes: FakeStripeOutcome[];
  walletOutcomes: FakeWalletOutcome[];
  confirming: Set<string>;
  /** Elements mounted, and wallet sheets open, during this installation. */
  mounted: Set<Mounted>;
  uninstalled: boolean;
}

let active: Installation | null = null;

/** The installation now current, if any. */
export const activeInstallation = (): Installation | null => active;

/** Makes `installation` the current one (`null`: none). */
export const activate = (installation: Installation | null): void => {
  active = installation;
};

/** The installation a fake object works for: the current one, else the one that made it. */
export const current = (own: Installation): Installation => active ?? own;

export const record = (installation: Installation, method: string, args: unknown[]): void => {
  current(installation).calls.push({ method, args });
};
