import { safeUrl } from './url.js';

export const DEFAULT_OEMBED_ENDPOINT = 'https://publish.twitter.com/oembed';

export interface ConfigureOptions {
  /** Endpoint per partner id, overriding what the partner registered. */
  partners?: { [id: string]: { endpoint: string } };
  oembedEndpoint?: string;
  /** BCP 47 language for prices, dates and the element's words. */
  locale?: string;
}

interface Config {
  endpoints: Map<string, string>;
  oembedEndpoint?: string;
  locale?: string;
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
export const configure = ({ partners, oembedEndpoint, locale }: ConfigureOptions = {}): void => {
  for (const [id, partner] of Object.entries(partners ?? {})) {
    config.endpoints.set(id, checkEndpoint(partner?.endpoint, `the endpoint of partner "${id}"`));
  }
  if (oembedEndpoint !== undefined) config.oembedEndpoint = checkEndpoint(oembedEndpoint, 'oembedEndpoint');
  if (locale !== undefined) config.locale = locale || undefined;
  settingsChanged();
};
