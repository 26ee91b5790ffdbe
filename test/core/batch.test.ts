import { expect } from '@open-wc/testing';
import { createBatcher, type BatchAnswer } from '../../src/core/batch.js';
import '../setup.js';

/**
 * The batcher's timing (core/batch.ts): a full request leaves at once, the rest when `schedule`
 * says so, once. `schedule` is the test's own: it keeps the `go` it was handed, so each test says
 * when the window ends instead of waiting for a timer.
 */
const batcher = (max = 3) => {
  const sent: string[][] = [];
  const windows: Array<() => void> = [];
  const { load } = createBatcher<string>({
    max,
    schedule: (go) => windows.push(go),
    send: async (_endpoint, keys): Promise<BatchAnswer<string>> => {
      sent.push(keys);
      return { entries: keys.map((key) => `answer ${key}`), maxAge: 0 };
    },
  });
  return { load, sent, windows };
};

describe('createBatcher', () => {
  it('sends a full request at once, without waiting for its window', async () => {
    const { load, sent, windows } = batcher(3);
    const answers = ['a', 'b', 'c'].map((key) => load('https://shop.example/v1', key));
    expect(sent).to.deep.equal([['a', 'b', 'c']]);
    expect(await Promise.all(answers)).to.deep.equal(['answer a', 'answer b', 'answer c']);
    // The window of that request, when it ends, has nothing left to send.
    windows[0]();
    expect(sent).to.have.length(1);
  });

  it('sends what is left when the window ends, once, however often it is told', async () => {
    const { load, sent, windows } = batcher(3);
    const answers = ['a', 'b', 'c', 'd', 'e'].map((key) => load('https://shop.example/v1', key));
    expect(sent).to.deep.equal([['a', 'b', 'c']]);
    expect(windows).to.have.length(2);
    windows[1]();
    windows[1]();
    expect(sent).to.deep.equal([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(await Promise.all(answers)).to.have.length(5);
  });

  it('asks a key once while its request is under way, and leaves a late window to the next request', async () => {
    const { load, sent, windows } = batcher(3);
    const first = load('https://shop.example/v1', 'a');
    const again = load('https://shop.example/v1', 'a');
    windows[0]();
    const later = load('https://shop.example/v1', 'b');
    // The first window, told again, does not send the request the second one waits for.
    windows[0]();
    expect(sent).to.deep.equal([['a']]);
    windows[1]();
    expect(sent).to.deep.equal([['a'], ['b']]);
    expect([await first, await again, await later]).to.deep.equal(['answer a', 'answer a', 'answer b']);
  });
});
