/**
 * One IntersectionObserver for every element on the page: lookups (and oEmbed) start as elements
 * come near the viewport.
 */
let observer: IntersectionObserver | undefined;
const waiting = new WeakMap<Element, () => void>();

/** Runs `callback` once, when `element` comes within 600px of the viewport. */
export const observeNear = (element: Element, callback: () => void): void => {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const near = waiting.get(entry.target);
        if (entry.isIntersecting && near) {
          unobserveNear(entry.target);
          near();
        }
      }
    },
    { rootMargin: '600px 0px' },
  );
  waiting.set(element, callback);
  observer.observe(element);
};

export const unobserveNear = (element: Element): void => {
  waiting.delete(element);
  observer?.unobserve(element);
};

/** Runs now what waits for `element` to come near, if anything does (the element became eager). */
export const runNear = (element: Element): void => {
  const near = waiting.get(element);
  if (!near) return;
  unobserveNear(element);
  near();
};
