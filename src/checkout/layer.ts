import { adoptStyles, type CSSResultOrNative } from 'lit';

/**
 * Where the Payment Element mounts. Stripe.js mounts it only into the document's own tree, never
 * inside a shadow root (stripe/stripe-js#399, #662). So its container is a light-DOM child of
 * `<buy-tweet>` (`slot="payment"`), which forwards the slot to the checkout, whose dialog shows it.
 * When `<buy-tweet>` itself sits in another component's shadow root, its light DOM is not in the
 * document either: then the dialog is drawn in the checkout's own layer at the end of
 * `document.body` (a modal dialog makes everything outside it inert, so the container's host must
 * hold the dialog), while the checkout element stays where it is, so its events reach
 * `<buy-tweet>` as ever.
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
