import { webUrl } from './url.js';

/**
 * A tweet's status link: one of the shared rules (rules.ts exports it), in a module of its own so
 * that only the code that reads tweets carries it, not the first card's.
 */

const TWITTER_HOSTS = /^(?:www\.|mobile\.)?(?:twitter|x)\.com$/;
const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15}|i\/web|i)\/status(?:es)?\/(\d{1,25})\/?$/;

/** `{id, url}` of a tweet's status link (`https://twitter.com/{user}/status/{id}`, or x.com). */
export const parseStatusUrl = (link: unknown): { id: string; url: string } | null => {
  const url = webUrl(link);
  if (!url || !TWITTER_HOSTS.test(url.hostname)) return null;
  const match = STATUS_PATH.exec(url.pathname);
  return match && { id: match[2], url: `https://${url.hostname}${url.pathname}` };
};
