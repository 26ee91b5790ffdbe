/**
 * The mock partner in a browser, through msw's service worker: for the browser tests and the
 * demo. The page's origin must serve msw's `mockServiceWorker.js` (the repository root has it).
 */
import type { SetupWorker, StartOptions } from 'msw/browser';
import { createPartnerMock, type PartnerMock } from './handlers.js';

export interface MockPartnerStartOptions {
  /** A mock made beforehand (e.g. with options); a new one otherwise. */
  mock?: PartnerMock;
  /** Where the worker script is served. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  /** Passed on to `worker.start()`, over the defaults. */
  start?: StartOptions;
}

export interface RunningMockPartner {
  worker: SetupWorker;
  mock: PartnerMock;
}

/**
 * Starts intercepting the page's requests with the mock partner's handlers. Requests that no
 * handler takes go to the network.
 */
export const startMockPartner = async (options: MockPartnerStartOptions = {}): Promise<RunningMockPartner> => {
  // Imported on call, so this module (and `buy-tweet/mock`) can be imported where msw/browser cannot.
  const { setupWorker } = await import('msw/browser');
  const mock = options.mock ?? createPartnerMock();
  const worker = setupWorker(...mock.handlers);
  await worker.start({
    quiet: true,
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    ...options.start,
  });
  return { worker, mock };
};
