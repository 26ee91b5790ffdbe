import { formatMoney } from '../core/money.js';
import type { Product, TweetInfo } from '../core/types.js';
import type en from '../words/en.js';
import type { Direction } from '../words/language.js';

/**
 * What `<buy-tweet>` draws in its shadow root, with the DOM's own calls: the slot for the
 * publisher's tweet, a tweet read through oEmbed, then in the element's language's direction the
 * card (its skeleton, or the product) and the checkout. What only some pages draw comes with its
 * chunk and draws with Lit's templates there (the error card, the checkout): lit-html is 3 KB gzip
 * that a page's first card does without (docs/contributors/architecture.md, Size). Like a Lit
 * template, the card is built once and then updated in place: text as text, an attribute only when
 * it changed, and Buy keeps its focus.
 */

/** Where a chunk draws with Lit's `render`: in `container`, before `before` (after all, without). */
export interface Place {
  container: HTMLElement;
  before?: ChildNode;
}

export interface CardView {
  /** Where the error card and a Payment Link's card are drawn (fallbacks.ts). */
  failure: Place;
  /** Where the checkout is drawn (checkout/render.ts). */
  checkout: Place;
  /** The card's direction, from its words. */
  dir(dir: Direction['dir']): void;
  /** Shows a tweet read through oEmbed, as its chunk draws it (tweet-url.ts), or none. */
  tweet(tweet: TweetInfo | null, view?: (tweet: TweetInfo) => ChildNode): void;
  /** Shows the skeleton, the product's card, or neither (a failure's card is drawn apart). */
  card(shown: 'loading' | Product | null, words: typeof en, tag: string, buyFailed?: boolean): void;
}

/** An element, its attributes and children (text is text). */
export const make = (
  tag: string,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElement => {
  const node = document.createElement(tag);
  for (const name in attributes) node.setAttribute(name, attributes[name]);
  node.append(...children);
  return node;
};

/** Sets (or with `undefined`, removes) an attribute, unless it has that value. */
const attribute = (node: Element, name: string, value: string | undefined) => {
  if (value === undefined) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
};

/** `parent` holds `child` alone, text or a node (or nothing); untouched when it does already. */
const hold = (parent: Element, child: string | Node | null) => {
  if (
    typeof child === 'string' ? parent.textContent !== child || parent.firstElementChild : parent.firstChild !== child
  )
    parent.replaceChildren(...(child === null ? [] : [child]));
};

/** The product card. The partner's words keep their own direction in a card of another: `<bdi>`. */
const productCard = (buy: () => void, intent: () => void) => {
  const image = make('img', { part: 'image', loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer' });
  const media = make('div', { class: 'media' });
  const title = make('bdi');
  const merchant = make('bdi');
  const merchantLink = make('a', { target: '_blank', rel: 'noopener noreferrer' });
  const price = make('p', { part: 'price', id: 'price' });
  const availability = make('p', { part: 'availability', id: 'availability', class: 'small' });
  const button = make('button', { part: 'buy-button', 'aria-describedby': 'title price availability' });
  button.addEventListener('click', buy);
  for (const type of ['pointerenter', 'focus', 'pointerdown']) button.addEventListener(type, intent);
  const node = make(
    'div',
    { part: 'card', class: 'card' },
    media,
    make(
      'div',
      { class: 'info' },
      make('p', { part: 'title', id: 'title' }, title),
      make('p', { part: 'merchant', class: 'small' }, merchant),
      make('div', { class: 'actions' }, make('div', {}, price, availability), button),
    ),
  );
  const draw = (product: Product, words: typeof en, tag: string, buyFailed?: boolean) => {
    const { image: picture, merchant: seller, availability: stock } = product;
    if (picture) {
      attribute(image, 'src', picture.url);
      attribute(image, 'alt', picture.alt);
      attribute(image, 'width', String(picture.width ?? 96));
      attribute(image, 'height', String(picture.height ?? 96));
    }
    hold(media, picture ? image : null);
    hold(title, product.title);
    if (seller.url) {
      attribute(merchantLink, 'href', seller.url);
      hold(merchantLink, seller.name);
    }
    hold(merchant, seller.url ? merchantLink : seller.name);
    hold(price, formatMoney(product.price, tag));
    attribute(availability, 'role', buyFailed ? 'alert' : undefined);
    hold(
      availability,
      buyFailed
        ? words.checkoutUnavailable
        : stock === 'sold_out'
          ? words.soldOut
          : stock === 'preorder'
            ? words.preorder
            : words.inStock,
    );
    (button as HTMLButtonElement).disabled = stock === 'sold_out';
    hold(button, stock === 'preorder' ? words.buyPreorder : words.buy);
  };
  return { node, draw };
};

/**
 * Makes `root`'s view: `read` runs when the slot's tweet changes, `buy` on a press of Buy, `intent`
 * when the buyer nears it (hover, focus, the start of a press).
 */
export const cardView = (
  root: HTMLElement | DocumentFragment,
  { read, buy, intent }: { read: () => void; buy: () => void; intent: () => void },
): CardView => {
  const slot = make('slot');
  slot.addEventListener('slotchange', read);
  const failure = new Comment();
  const box = make('div', {}, failure);
  root.append(slot, box);
  // One element: its picture and lines are drawn by the stylesheet (a page may hold hundreds).
  const label = make('span', { class: 'sr' });
  const skeleton = make('div', { part: 'card', class: 'card skeleton', 'aria-busy': 'true' }, label);
  let product: ReturnType<typeof productCard> | undefined;
  let shown: ChildNode | null = null;
  let tweetShown: [TweetInfo, ChildNode] | undefined;
  return {
    failure: { container: box, before: failure },
    checkout: { container: box },
    dir: (dir) => attribute(box, 'dir', dir),
    tweet(tweet, view) {
      if (tweet && view && tweet === tweetShown?.[0]) return;
      tweetShown?.[1].remove();
      tweetShown = tweet && view ? [tweet, view(tweet)] : undefined;
      if (tweetShown) slot.after(tweetShown[1]);
    },
    card(state, words, tag, buyFailed) {
      let node: ChildNode | null = null;
      if (state === 'loading') {
        hold(label, words.loading);
        node = skeleton;
      } else if (state) {
        product ??= productCard(buy, intent);
        product.draw(state, words, tag, buyFailed);
        node = product.node;
      }
      if (node === shown) return;
      shown?.remove();
      if (node) box.prepend(node);
      shown = node;
    },
  };
};
