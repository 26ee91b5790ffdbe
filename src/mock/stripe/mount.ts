/** Where an Element may be mounted, with Stripe.js's own refusals: one set of rules for every Element. */
import { IntegrationError } from './integration-error.js';

export const LIGHT_DOM_ONLY = 'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.';

/** Throws as Stripe.js does when an Element cannot be mounted again. */
export const checkMountable = (destroyed: boolean, mounted: boolean): void => {
  if (destroyed) throw new IntegrationError('This Element has already been destroyed. Please create a new one.');
  if (mounted) {
    throw new IntegrationError(
      'This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.',
    );
  }
};

/** The node `mount(target)` mounts into: an element of the document's own tree, or Stripe.js's error. */
export const mountNode = (target: unknown): Element => {
  const node = typeof target === 'string' ? document.querySelector(target) : target;
  if (typeof target === 'string' && !node) {
    throw new IntegrationError(
      `The selector you specified (${target}) applies to no DOM elements that are currently on the page.`,
    );
  }
  if (!node || (node as Node).nodeType !== Node.ELEMENT_NODE || (node as Element).localName === 'input') {
    throw new IntegrationError('Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.');
  }
  // Stripe.js mounts only into the document's own tree. Inside a shadow root it throws this
  // (stripe/stripe-js#399, #662), and the same words for an element not in the document yet
  // (ectoflow/vue-stripe-js#31: mounting before appending the node to the page).
  if ((node as Element).getRootNode() !== document) throw new IntegrationError(LIGHT_DOM_ONLY);
  return node as Element;
};
