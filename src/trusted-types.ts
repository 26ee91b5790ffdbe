/**
 * buy-tweet's one Trusted Types policy, named `buy-tweet` (docs/publishers/strict-pages.md), created on first need, so
 * a page that never reads an oEmbed answer nor pays creates none. A page that lists allowed
 * policies without ours gets `null`: callers then fall back to plain strings.
 */
export const STRIPE_JS = 'https://js.stripe.com/endive/stripe.js';

interface Policy {
  createHTML(html: string): unknown;
  createScriptURL(url: string): unknown;
}

let policy: Policy | null | undefined;

export const trustedPolicy = (): Policy | null => {
  if (policy === undefined) {
    const types = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
    try {
      policy =
        types?.createPolicy('buy-tweet', {
          // For DOMParser only: its documents are inert, and what is parsed is read as text,
          // never inserted into the page or run.
          createHTML: (html: string) => html,
          // Stripe.js, and nothing else.
          createScriptURL: (url: string) => {
            if (url !== STRIPE_JS) throw new TypeError(`buy-tweet: refusing to load ${url}`);
            return url;
          },
        }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy;
};
