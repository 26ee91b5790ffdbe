/**
 * `dist/buy-tweet.js`, the classic script a publisher adds. It imports the ES module build next to
 * it, once per page: a second copy, of this version or another, does nothing, so it neither
 * redefines the element nor creates Trusted Types policies a strict page would refuse.
 */
const claim = Symbol.for('buy-tweet');
const script = document.currentScript as HTMLScriptElement | null;
const holder = window as unknown as Record<symbol, unknown>;
if (script?.src && !holder[claim]) {
  holder[claim] = true;
  import(new URL('buy-tweet.module.js', script.src).href);
}
