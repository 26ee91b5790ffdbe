import { adoptStyles, type CSSResultOrNative } from 'lit';

/**
 * The checkout's own layer at the end of `document.body`, for a `<buy-tweet>` that is not in the
 * document's own tree (in another component's shadow root): Stripe.js mounts only in the
 * document's tree, and a modal dialog makes everything outside it inert, so the dialog and the
 * Payment Element's container are drawn there together.
 */

/** The public custom properties (docs/publishers/embedding.md), which a layer outside `<buy-tweet>` does not inherit. */
const CUSTOM_PROPERTIES = [
  '--buy-tweet-accent',
  '--buy-tweet-background',
  '--buy-tweet-foreground',
  '--buy-tweet-radius',
  '--buy-tweet-font',
] as const;

/** The element whose light DOM `element` is drawn in: its shadow root's host, or itself. */
export const lightHostOf = (element: Element): Element => {
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : element;
};

/** A new layer in the document: its shadow root, dressed in `styles`, where the checkout draws. */
export const layerFor = (styles: CSSResultOrNative[]): ShadowRoot => {
  const layer = document.createElement('buy-tweet-checkout-layer');
  const root = layer.attachShadow({ mode: 'open' });
  adoptStyles(root, styles);
  document.body.append(layer);
  return root;
};

/**
 * The layer inherits nothing from `<buy-tweet>`: it gets the checkout's theme, direction and
 * custom properties, through CSSOM (allowed under a strict `style-src`, unlike a `style` attribute).
 */
export const dressLayer = (layer: HTMLElement, checkout: HTMLElement & { theme?: string }): void => {
  const computed = getComputedStyle(checkout);
  layer.setAttribute('theme', checkout.theme ?? 'auto');
  layer.dir = computed.direction;
  for (const name of CUSTOM_PROPERTIES) {
    const value = computed.getPropertyValue(name);
    if (value) layer.style.setProperty(name, value);
    else layer.style.removeProperty(name);
  }
};
