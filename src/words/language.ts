import { config } from '../core/config.js';
import { LANGUAGES, chooseLanguage, isRtl } from '../core/words.js';

export { chooseLanguage };

/**
 * Every word the element and its checkout show or announce, and what picks and loads them: a chunk
 * that only pages needing more than the card's English load (`buy-tweet/language.ts`). English is split by view, so that a
 * page loads only the card's words before its first card; each other language is one module,
 * loaded on demand. A word with values is a function of one object (`view({partner})`), so a
 * publisher can override it with a string that names them (`'Auf {partner} ansehen'`).
 */
export type CardWords = typeof import('./en.js').default;
export type FallbackWords = typeof import('./en-fallbacks.js').default;
export type CheckoutWords = typeof import('./en-checkout.js').default;
export type Words = CardWords & FallbackWords & CheckoutWords;

/** The words of each language loaded so far; English (`{}`) for one whose chunk failed. */
const loaded: Record<string, Partial<Words>> = { en: {} };
const loading: Record<string, Promise<unknown>> = {};

/** The language a tag gets: one we ship, or one the publisher gave words for (`configure({words})`). */
export const languageOf = (tag: string | undefined): string =>
  chooseLanguage(tag, [...LANGUAGES, ...Object.keys(config.words ?? {})]) ?? 'en';

/** The language whose words `language` starts from: a publisher's own language starts from ours, or English. */
const builtIn = (language: string) => chooseLanguage(language) ?? 'en';

/**
 * Loads the words for a tag (of the element's chain): settles once they are here, or English
 * stands in for them; `undefined` when they are here already.
 */
export const loadWords = (tag: string | undefined): Promise<unknown> | undefined => {
  const name = builtIn(languageOf(tag));
  if (loaded[name]) return;
  // Each language is a module of its own, next to this one: the browser build makes each a chunk
  // (`chunks/words-{name}.js`, rollup.config.mjs), bundlers see the pattern.
  return (loading[name] ??= (name === 'en' ? Promise.resolve({}) : import(`./${name}.js`)).then(
    (module: { default: Partial<Words> }) => (loaded[name] = module.default ?? {}),
    () => (loaded[name] = {}),
  ));
};

/** A publisher's string for a word with values: `{name}` is replaced by the value of that name. */
const fill =
  (template: string) =>
  (values: Record<string, unknown>): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

/** The direction of a view's words: `rtl` for a language written right to left, else the page's. */
export interface Direction {
  dir?: 'rtl';
}

/**
 * `english`'s words in the language of a tag (of the element's chain), as loaded so far, with the
 * publisher's own over them (only words of `english`: each view asks for its own), and their
 * direction.
 */
export const wordsIn = <T extends object>(english: T, tag: string | undefined): T & Direction => {
  const language = languageOf(tag);
  const base = builtIn(language);
  const words: Record<string, unknown> = { ...english, ...loaded[base] };
  // The publisher's words for the language the words start from (`en` under `sv`), then for the
  // language and its shorter forms (`de`, then `de-AT`), the most precise last.
  // How precisely a given tag fits: -1 not at all, 0 the base only, else its length.
  const fit = (given: string) =>
    `${language}-`.toLowerCase().startsWith(`${given}-`.toLowerCase())
      ? given.length
      : given.toLowerCase() === base.toLowerCase()
        ? 0
        : -1;
  const overrides = Object.entries(config.words ?? {})
    .filter(([given]) => fit(given) >= 0)
    .sort(([a], [b]) => fit(a) - fit(b));
  for (const [, given] of overrides) {
    for (const [key, word] of Object.entries(given)) {
      if (key in english) words[key] = typeof english[key as keyof T] === 'function' ? fill(word) : word;
    }
  }
  if (isRtl(language)) words.dir = 'rtl';
  return words as T & Direction;
};
