/**
 * Which language the element speaks (docs/publishers/languages.md). The words themselves are in `src/words/`:
 * English comes with the card, the other languages load on demand.
 */

/** The languages buy-tweet ships words for. */
export const LANGUAGES = ['en', 'de', 'es', 'fr', 'it', 'nl', 'pt-BR', 'ja', 'ko', 'zh-CN', 'zh-TW', 'ar', 'he'];

/**
 * Where the language a tag falls back to is not its prefix: Hong Kong, Macao and the Traditional
 * script read zh-TW; a bare `zh` or `pt` is the one of it we have.
 */
const ALIASES: Record<string, string> = {
  zh: 'zh-CN',
  'zh-hant': 'zh-TW',
  'zh-hk': 'zh-TW',
  'zh-mo': 'zh-TW',
  pt: 'pt-BR',
};

/**
 * The one of `available` that a BCP 47 tag gets: the tag itself, else its shorter forms
 * (`zh-Hant-HK` → `zh-Hant` → `zh`), each also through `ALIASES`; `undefined` when none is
 * available. Case and `_` do not matter.
 */
export const chooseLanguage = (
  tag: string | undefined,
  available: readonly string[] = LANGUAGES,
): string | undefined => {
  const subtags = (tag ?? '').toLowerCase().split(/[-_]/);
  for (; subtags[0]; subtags.pop()) {
    const candidate = subtags.join('-');
    const found =
      available.find((name) => name.toLowerCase() === candidate) ??
      available.find((name) => name === ALIASES[candidate]);
    if (found) return found;
  }
  return undefined;
};

/**
 * Whether a language is written right to left: ours (Arabic, Hebrew) and those a publisher may add
 * words for (Persian, Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Central Kurdish).
 */
export const isRtl = (language: string): boolean => /^(ar|he|iw|fa|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i.test(language);
