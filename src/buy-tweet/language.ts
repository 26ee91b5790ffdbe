import { config } from '../core/config.js';
import type { Direction } from '../words/language.js';
import { lazyChunk } from './chunks.js';

type Runtime = typeof import('../words/language.js');

/**
 * The words' runtime (choosing the language, loading its words, the publisher's own): loaded only
 * when a page needs more than the card's English, so an English page never loads it. `null` once
 * it could not be loaded: English stands in then.
 */
let runtime: Runtime | null | undefined;
const loadRuntime = lazyChunk(() =>
  import('../words/language.js').then(
    (module) => (runtime = module),
    () => (runtime = null),
  ),
);

/**
 * The language of one element, by docs/publishers/languages.md's chain: its `lang`, else `BuyTweet.configure`'s
 * `locale`, else the nearest ancestor's `lang`, else the browser's. The element asks `ready()`
 * before each render (in `willUpdate`) and renders again once the words are here. Nothing is
 * kept: a changed attribute or configuration counts at the next render. (A helper rather than a
 * ReactiveController: the first-card script is counted in bytes.)
 */
export class Language {
  constructor(private readonly host: HTMLElement) {}

  /** The chain's BCP 47 tag: prices, dates and country names follow it. */
  get tag(): string {
    const { host } = this;
    return host.lang || config.locale || host.closest<HTMLElement>('[lang]')?.lang || navigator.language;
  }

  /** `english`'s words in this language, with the publisher's own. */
  words<T extends object>(english: T): T & Direction {
    return runtime ? runtime.wordsIn(english, this.tag) : english;
  }

  /**
   * Loads what this language's words need, if anything is missing: then it settles (never fails)
   * once they are here, or English stands in.
   */
  ready(): Promise<unknown> | undefined {
    const { tag } = this;
    if (runtime) return runtime.loadWords(tag);
    // Plain English, with no words of the publisher's: the card's own words are all there is.
    if (runtime === null || (!config.words && /^en\b/i.test(tag))) return;
    return loadRuntime().then(() => runtime?.loadWords(tag));
  }
}
