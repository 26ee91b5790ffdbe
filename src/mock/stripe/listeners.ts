/**
 * `on`, `once` and `off` of an Element or an Elements group, and the events they hear. A listener's
 * mistake is the page's: it is reported like any uncaught error, and the other listeners still run.
 */
import { IntegrationError } from './integration-error.js';

export type Listener = (payload: unknown) => unknown;

export class Listeners {
  readonly #byEvent = new Map<string, Set<Listener>>();

  /** Adds `listener` for `event` (for one call only, when `once`). */
  add(event: unknown, listener: unknown, once: boolean): void {
    if (typeof event !== 'string' || typeof listener !== 'function') {
      throw new IntegrationError('Invalid value for on(): expected an event name and a function.');
    }
    const wrapped: Listener = once
      ? (payload) => {
          this.#byEvent.get(event)?.delete(wrapped);
          return (listener as Listener)(payload);
        }
      : (listener as Listener);
    const listeners = this.#byEvent.get(event) ?? new Set();
    this.#byEvent.set(event, listeners.add(wrapped));
  }

  /** Removes `listener`, or every listener of `event` when none is named. */
  remove(event: unknown, listener?: unknown): void {
    if (typeof event !== 'string') return;
    if (listener === undefined) this.#byEvent.delete(event);
    else this.#byEvent.get(event)?.delete(listener as Listener);
  }

  /** Whether anyone listens to `event`. */
  has(event: string): boolean {
    return (this.#byEvent.get(event)?.size ?? 0) > 0;
  }

  emit(event: string, payload?: unknown): void {
    for (const listener of [...(this.#byEvent.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        reportError(error);
      }
    }
  }
}
