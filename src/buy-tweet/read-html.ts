import type { EmbeddedTweetParts } from '../core/tweet.js';
import { readEmbeddedTweet } from '../core/tweet-dom.js';
import { trustedPolicy } from '../trusted-types.js';

/**
 * Reads embed HTML (an oEmbed answer's `html`) in the browser without inserting or running it:
 * DOMParser makes an inert document, whose links and text are read as text.
 */
export const readTweetHtml = (html: string): EmbeddedTweetParts => {
  const markup = (trustedPolicy()?.createHTML(html) ?? html) as string;
  return readEmbeddedTweet(new DOMParser().parseFromString(markup, 'text/html').body);
};
