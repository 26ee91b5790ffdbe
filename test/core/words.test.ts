import { expect } from '@open-wc/testing';
import { chooseLanguage, isRtl } from '../../src/core/words.js';
import '../setup.js';

/** [a page's BCP 47 tag, the language of the words it gets]: exact, shorter forms, aliases, else English. */
const CASES: Array<[string | undefined, string]> = [
  ['de', 'de'],
  ['de-DE', 'de'],
  ['de-AT', 'de'],
  ['DE-ch', 'de'],
  ['en-GB', 'en'],
  ['en_US', 'en'],
  ['es-MX', 'es'],
  ['es-419', 'es'],
  ['fr-CA', 'fr'],
  ['it-CH', 'it'],
  ['nl-BE', 'nl'],
  ['pt-BR', 'pt-BR'],
  ['pt-PT', 'pt-BR'],
  ['pt', 'pt-BR'],
  ['ja-JP', 'ja'],
  ['ko-KR', 'ko'],
  ['zh', 'zh-CN'],
  ['zh-CN', 'zh-CN'],
  ['zh-SG', 'zh-CN'],
  ['zh-Hans-HK', 'zh-CN'],
  ['zh-TW', 'zh-TW'],
  ['zh-HK', 'zh-TW'],
  ['zh-MO', 'zh-TW'],
  ['zh-Hant', 'zh-TW'],
  ['zh-Hant-HK', 'zh-TW'],
  ['ar-EG', 'ar'],
  ['he-IL', 'he'],
  ['de-DE-u-co-phonebk', 'de'],
  ['sv-SE', 'en'],
  ['x-klingon', 'en'],
  ['', 'en'],
  [undefined, 'en'],
];

describe("chooseLanguage: which words a page's language gets", () => {
  for (const [tag, language] of CASES) {
    it(`${tag ?? '(none)'} → ${language}`, () => {
      expect(chooseLanguage(tag) ?? 'en').to.equal(language);
    });
  }

  it('prefers a language given exactly over an alias, and answers as the list spells it', () => {
    expect(chooseLanguage('pt-PT', ['en', 'pt-BR', 'pt'])).to.equal('pt');
    expect(chooseLanguage('PT-br', ['en', 'pt-BR'])).to.equal('pt-BR');
    expect(chooseLanguage('zh-HK', ['zh', 'zh-HK', 'zh-TW'])).to.equal('zh-HK');
  });

  it('says when none of the list fits', () => {
    expect(chooseLanguage('sv', ['en', 'de'])).to.equal(undefined);
    expect(chooseLanguage('constructor')).to.equal(undefined);
  });
});

describe('isRtl', () => {
  const table: Array<[string, boolean]> = [
    ['ar', true],
    ['he', true],
    ['fa-IR', true],
    ['ur', true],
    ['en', false],
    ['de', false],
    ['zh-TW', false],
    ['arn', false],
  ];
  for (const [language, rtl] of table) {
    it(`${language}: ${rtl ? 'right to left' : 'left to right'}`, () => expect(isRtl(language)).to.equal(rtl));
  }
});
