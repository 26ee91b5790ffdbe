import type { ReactiveElement } from 'lit';

/**
 * Fires a public event once `host` shows what it says (one timing for all of them, never from
 * inside a property change); gives `!defaultPrevented`.
 */
export const emit = async (host: ReactiveElement, event: Event): Promise<boolean> => {
  await host.updateComplete;
  return host.dispatchEvent(event);
};
