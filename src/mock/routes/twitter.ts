/**
 * What the mock answers for Twitter: publish.twitter.com's oEmbed, t.co, a link endpoint over them
 * and the widgets.js stand-in.
 */
import { http, type HttpHandler } from 'msw';
import { parseStatusUrl } from '../../core/rules.js';
import { createLinkEndpoint } from '../../server/link-endpoint.js';
import { TWITTER_OEMBED } from '../../server/oembed.js';
import { fixtureTweets, tcoLinks, type FixtureTweet } from '../fixtures.js';
import { oembedFor } from '../oembed.js';
import { tcoAnswer } from '../tco.js';
import { widgetsAnswer } from '../widgets.js';
import { errorAnswer, HOSTILE, json, preflight } from './answers.js';
import { faultAnswer, requestFault } from './faults.js';
import { logRequest, type MockState } from './state.js';

const tweets = Object.values(fixtureTweets) as FixtureTweet[];

export const twitterRoutes = (state: MockState): HttpHandler[] => {
  // publish.twitter.com answers without CORS headers, so no page can read it (sources in
  // src/server/oembed.ts): its stand-in here sends none either, as no answer of these handlers does
  // by itself. That rule holds for Node (msw/node, the link endpoint's fetch), where nothing checks
  // CORS anyway. In a browser it cannot be enforced: msw's service worker makes the answer itself,
  // and the browser does not check CORS on an answer a service worker made (w3c/ServiceWorker#130),
  // so under the mock a page reads publish.twitter.com directly, which a real page cannot. The mock's
  // HTTP server (`server.ts`) serves this route on its own origin, open to all like its other routes.
  const oembed = async (request: Request): Promise<Response> => {
    await logRequest(state, 'oembed', request);
    const params = new URL(request.url).searchParams;
    const tweetUrl = params.get('url') ?? '';
    const chosen = requestFault(state, 'oembed', request, tweetUrl);
    if (chosen instanceof Response) return chosen;
    if (chosen?.name === 'schema') return json({ type: 'rich', version: '1.0', html: 42 });
    if (chosen) {
      const answer = await faultAnswer(chosen, 'oembed');
      if (answer) return answer;
    }
    if (!tweetUrl) return errorAnswer(400, 'invalid_request', 'The `url` parameter is required.');
    const id = parseStatusUrl(tweetUrl)?.id ?? null;
    const tweet = tweets.find((candidate) => candidate.id === id);
    if (!tweet) return errorAnswer(404, 'not_found', 'No such tweet.');
    // As publish.twitter.com answers today: every link of the tweet written as its t.co link.
    const answer = oembedFor(tweet, { omitScript: /^(true|1)$/i.test(params.get('omit_script') ?? ''), links: 'tco' });
    if (chosen?.name === 'html-title') {
      answer.author_name = `${tweet.authorName} ${HOSTILE}`;
      answer.html = answer.html
        .replace('</p>', ` ${HOSTILE}<script>alert(1)</script></p>`)
        .replace('&mdash; ', `&mdash; ${HOSTILE}`);
    }
    return json(answer);
  };

  const tco = async (request: Request): Promise<Response> => {
    await logRequest(state, 'tco', request);
    const link = new URL(request.url);
    const chosen = requestFault(state, 'tco', request, link.pathname);
    if (chosen instanceof Response) return chosen;
    if (chosen) {
      const answer = await faultAnswer(chosen, 'tco');
      if (answer) return answer;
    }
    return tcoAnswer(request.method, tcoLinks[`${link.origin}${link.pathname}`]);
  };

  // The link endpoint, over the t.co and the publish.twitter.com above: what the real one asks
  // them (`?url=` t.co, `?tweet=` publish.twitter.com's oEmbed) goes to the mock's, and shows in
  // `requests`. It keeps no answers, so that every request reaches them and counts.
  const linkEndpoint = createLinkEndpoint({
    fetch: async (url, init) => {
      if (url.startsWith('https://t.co/')) return tco(new Request(url, init));
      if (url.startsWith(`${TWITTER_OEMBED}?`)) return oembed(new Request(url, init));
      throw new TypeError(`buy-tweet mock: the link endpoint asked ${url}`);
    },
    cacheSize: 0,
  });

  const links = async (request: Request): Promise<Response> => {
    await logRequest(state, 'links', request);
    const query = new URL(request.url).searchParams;
    const chosen = requestFault(state, 'links', request, [...query.getAll('url'), ...query.getAll('tweet')].join(' '));
    if (chosen instanceof Response) return chosen;
    if (chosen?.name === 'schema') return json({ links: 'https://t.co/AbC123' });
    if (chosen) {
      const answer = await faultAnswer(chosen, 'links');
      if (answer) return answer;
    }
    return linkEndpoint(request);
  };

  return [
    http.get('*/oembed', ({ request }) => oembed(request)),
    http.options('*/oembed', preflight),
    http.get('https://t.co/:code', ({ request }) => tco(request)),
    http.head('https://t.co/:code', ({ request }) => tco(request)),
    http.get('*/links', ({ request }) => links(request)),
    http.options('*/links', preflight),
    // On any origin: platform.twitter.com for pages (through the service worker), the server's own
    // origin for pages that load it from there.
    http.get('*/widgets.js', async ({ request }) => {
      await logRequest(state, 'widgets', request);
      return widgetsAnswer({ deleted: state.options.deletedTweets });
    }),
  ];
};
