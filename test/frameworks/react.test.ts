/**
 * The React 19 example (examples/react) rendered in the browser: React sets `tweet` as a property,
 * the card appears from the mock partner, and React's `onbuy-tweet-load` handler gets the typed event.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import '../../src/define.js';
import { App } from '../../examples/react/App.js';
import '../setup.js';

describe('the React 19 example', () => {
  let root: Root | undefined;
  afterEach(() => root?.unmount());

  it('renders a card for its tweet object and hears the load through React', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    root = createRoot(container);
    root.render(createElement(App));
    await waitUntil(() => container.querySelector('[role=status]')?.textContent, 'React heard buy-tweet-load');
    const el = container.querySelector('buy-tweet')!;
    const status = container.querySelector('[role=status]')!;

    expect(status.textContent).to.equal('On sale: New Album (Digital)');
    expect(el.hasAttribute('tweet'), 'tweet is a property, not "[object Object]"').to.be.false;
    expect(el.product?.id).to.equal('prod_album');
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.shadowRoot!.querySelector('[part=title]')!.textContent).to.equal('New Album (Digital)');
    await expect(container).to.be.accessible();
  });
});
