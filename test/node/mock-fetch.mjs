// A fetch for the servers of buy-tweet/server under test: answered by msw, the mock's t.co and
// publish.twitter.com, under any handlers a test puts first.
import { getResponse } from 'msw';
import { createPartnerMock } from 'buy-tweet/mock';

/**
 * A fetch answered by the mock's handlers, after `handlers`. It records what it is asked
 * (`{url, method, redirect}`); a request nothing answers fails as with no network.
 */
export const mockFetch = (...handlers) => {
  const asked = [];
  const all = [...handlers, ...createPartnerMock().handlers];
  const fetch = async (url, init) => {
    asked.push({ url, method: init.method, redirect: init.redirect });
    const response = await getResponse(all, new Request(url, init));
    if (!response || response.type === 'error') throw new TypeError('fetch failed');
    return response;
  };
  return { fetch, asked };
};
