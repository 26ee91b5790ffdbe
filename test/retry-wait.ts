import { retryClock, sleep } from '../src/core/retry.js';

afterEach(() => {
  retryClock.wait = sleep;
});

/**
 * Holds the client's next wait between tries (src/core/retry.ts `retryClock`) open until the test
 * releases it: `asked` gives how long the client meant to wait, as soon as it starts waiting. No
 * timer runs, so nothing here depends on how fast the machine is; the wait goes back to `sleep`
 * after each test.
 */
export const holdRetryWait = () => {
  let release = () => {};
  const asked = new Promise<number>((resolve) => {
    retryClock.wait = (ms, signal) => {
      retryClock.wait = sleep;
      resolve(ms);
      return new Promise<void>((done, fail) => {
        release = done;
        signal?.addEventListener('abort', () => fail(signal.reason));
      });
    };
  });
  return { asked, release: () => release() };
};

/**
 * A request to the mock that is answered: sent after the client began to wait, so a client that
 * asked again at once (not waiting at all) has asked by the time this answer is back.
 */
export const roundTrip = async () => {
  await (await fetch('/__mock/state')).arrayBuffer();
};
