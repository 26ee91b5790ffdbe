/**
 * How an element's light DOM shows that it holds a tweet: the one place the element's controller
 * (which loads the reading chunk only then) and the reading itself (core/tweet-dom.ts,
 * buy-tweet/reading.ts) take it from. Kept apart from tweet-dom.ts so that the first-card script
 * carries these two selectors and not the reading.
 */

/** Embed code as pasted (docs/publishers/embedding.md): its blockquote, or at least a link. */
export const EMBEDDED_TWEET = 'blockquote, a[href]';

/** What widgets.js leaves in the embed code's place once it has rendered it (docs/publishers/real-tweets.md). */
export const RENDERED_TWEET = '.twitter-tweet-rendered';
