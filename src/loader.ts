/**
 * `dist/buy-tweet.js`, the classic script a publisher adds. It imports the ES module build next to
 * it, once per page: a second copy, of this version or another, does nothing, so it neither
 * redefines the element nor creates Trusted Types policies a strict page would refuse.
 *
 * It finds that module through its own URL, `document.currentScript`, which a module script (or an
 * inline copy) does not have: then it says so, once per page, instead of doing nothing in silence.
 */
const claim = Symbol.for('buy-tweet');
const warned = Symbol.for('buy-tweet.warned');
const script = document.currentScript as HTMLScriptElement | null;
const holder = window as unknown as Record<symbol, unknown>;
if (script?.src) {
  if (!holder[claim]) {
    holder[claim] = true;
    void import(new URL('buy-tweet.module.js', script.src).href);
  }
} else if (!holder[warned]) {
  holder[warned] = true;
  console.warn(
    'buy-tweet.js found no document.currentScript: with <script type="module">, load buy-tweet.module.js instead',
  );
}
