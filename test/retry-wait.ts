import { worker } from './setup.js';

/**
 * What `count()` gives 900 ms after the first request `isFirst` picks has reached the mock: while
 * a client that honours that request's `Retry-After: 1` is still waiting. This timer starts as the
 * request arrives, before the client has even seen the answer, so it falls due before the
 * client's 1 s wait ends; a page runs its timers in the order they fall due, however loaded the
 * machine. A client that did not wait (or waited its own 300 to 500 ms backoff instead) has asked
 * again by then. Nothing here measures time.
 */
export const countDuringRetryWait = (isFirst: (request: Request) => boolean, count: () => number): Promise<number> =>
  new Promise((resolve) => {
    const onStart = ({ request }: { request: Request }) => {
      if (!isFirst(request)) return;
      worker.events.removeListener('request:start', onStart);
      setTimeout(() => resolve(count()), 900);
    };
    worker.events.on('request:start', onStart);
  });
