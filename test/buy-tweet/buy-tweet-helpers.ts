// What the tests of <buy-tweet> share: its parts as a reader sees them, the lookups it made, and a
// card rendered until it has loaded or failed.
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { BuyTweetElement } from '../../src/buy-tweet/buy-tweet.js';
import { mock } from '../setup.js';

export const part = (el: BuyTweetElement, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

export const text = (el: BuyTweetElement, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

export const lookups = () => mock.requests.filter((request) => request.route === 'products');

/** Renders the template and waits for the element's first `name` event, listening from the start. */
export const settled = async <K extends 'buy-tweet-load' | 'buy-tweet-error'>(
  template: ReturnType<typeof html>,
  name: K,
) => {
  const event = oneEvent(document, name);
  const container = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const { detail } = await event;
  const el = container.querySelector('buy-tweet')!;
  await el.updateComplete;
  return { el, detail: detail as GlobalEventHandlersEventMap[K]['detail'] };
};

export const loaded = async (template: ReturnType<typeof html>) => (await settled(template, 'buy-tweet-load')).el;
export const failed = (template: ReturnType<typeof html>) => settled(template, 'buy-tweet-error');
