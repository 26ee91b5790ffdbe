import { safeUrl } from './url.js';

export interface ConfigureOptions {
  /** Endpoint per partner id, overriding what the partner registered. */
  partners?: { [id: string]: { endpoint: string } };
  oembedEndpoint?: string;
  /**
   * Where t.co links are read (docs/publishers/real-tweets.md). None by default, so that nothing leaves the page
   * unasked: today's embed code hides every link of a tweet behind t.co. `null` turns it off.
   */
  linkEndpoint?: string | null;
  /** BCP 47 language for prices, dates and the element's words. */
  locale?: string;
  /**
   * The publisher's own words, by language (`{de: {buy: 'Jetzt kaufen'}}`), over buy-tweet's: strings
   * only; a word with values takes them as `{name}` (`{view: 'Auf {partner} ansehen'}`). Words for a
   * language buy-tweet does not ship add it, over English.
   */
  words?: { [language: string]: { [word: string]: string } };
}

interface Config {
  endpoints: Map<string, string>;
  oembedEndpoint?: string;
  linkEndpoint?: string;
  locale?: string;
  /** By language tag, as the publisher wrote it; none until the publisher gives words. */
  words?: { [language: string]: { [word: string]: string } };
}

/** What `BuyTweet.configure` set, page-wide. */
export const config: Config = { endpoints: new Map() };

/** An endpoint given from outside, when it may be asked: https, or http on loopback, without its trailing slash. */
export const safeEndpoint = (endpoint: unknown): string | undefined => safeUrl(endpoint)?.replace(/\/+$/, '');

/** `safeEndpoint`, or a TypeError that says which setting is wrong. */
export const checkEndpoint = (endpoint: unknown, what: string): string => {
  const safe = safeEndpoint(endpoint);
  if (!safe) throw new TypeError(`buy-tweet: ${what} must be an https URL (or http on loopback)`);
  return safe;
};

const watchers = new Set<() => void>();

/**
 * Calls `watcher` whenever partners or endpoints change (`registerPartner`, `configure`): a
 * publisher can only call them once the script has run, so elements already on the page read
 * their tweets again, and a lookup not yet sent goes where it now should.
 */
export const watchSettings = (watcher: () => void): (() => void) => {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
};

export const settingsChanged = (): void => watchers.forEach((watcher) => watcher());

/** `BuyTweet.configure`: settings merge into what was configured before. */
export const configure = ({ partners, oembedEndpoint, linkEndpoint, locale, words }: ConfigureOptions = {}): void => {
  for (const [id, partner] of Object.entries(partners ?? {})) {
    config.endpoints.set(id, checkEndpoint(partner?.endpoint, `the endpoint of partner "${id}"`));
  }
  if (oembedEndpoint !== undefined) config.oembedEndpoint = checkEndpoint(oembedEndpoint, 'oembedEndpoint');
  // `null` or '' turns reading through t.co off again.
  if (linkEndpoint !== undefined)
    config.linkEndpoint = linkEndpoint ? checkEndpoint(linkEndpoint, 'linkEndpoint') : undefined;
  if (locale !== undefined) config.locale = locale || undefined;
  for (const tag in words) {
    const given = words[tag];
    for (const key in given) {
      if (typeof given[key] !== 'string') throw new TypeError(`buy-tweet: words.${tag}.${key} must be a string`);
    }
    (config.words ??= {})[tag] = { ...config.words[tag], ...given };
  }
  settingsChanged();
};
