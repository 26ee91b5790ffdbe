import { LitElement, html, nothing, type CSSResult, type PropertyValues } from 'lit';
import { config, safeEndpoint, watchSettings } from '../core/config.js';
import { BuyTweetError } from '../core/errors.js';
import { isAbortError } from '../core/http.js';
import { loadProduct } from '../core/lookup.js';
import { formatMoney } from '../core/money.js';
import type { PartnerMatch } from '../core/partners.js';
import { pickSource, readProductLink } from '../core/source.js';
import { stripeReturn } from '../core/stripe-return.js';
import { readEmbeddedTweet, readRenderedTweet } from '../core/tweet-dom.js';
import type { Product, TweetInfo } from '../core/types.js';
import type { CheckoutCloseEvent, CheckoutErrorEvent, CheckoutPurchaseEvent } from '../checkout/events.js';
import type { renderCheckout } from '../checkout/render.js';
import en from '../words/en.js';
import {
  BuyTweetCloseEvent,
  BuyTweetErrorEvent,
  BuyTweetLoadEvent,
  BuyTweetOpenEvent,
  BuyTweetPurchaseEvent,
} from './events.js';
import { styles } from './buy-tweet.styles.js';
import { Language } from './language.js';
import { theme } from './theme.styles.js';

type View =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'ready'; product: Product }
  | { state: 'error'; error: BuyTweetError }
  /** A Stripe Payment Link whose endpoint cannot be reached: the link is a hosted checkout. */
  | { state: 'payment-link'; url: string };

/** One observer for every element on the page: lookups start as elements near the viewport. */
let observer: IntersectionObserver | undefined;
const whenNear = new WeakMap<Element, () => void>();
const observeNear = (element: Element, callback: () => void) => {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const near = whenNear.get(entry.target);
        if (entry.isIntersecting && near) {
          unobserveNear(entry.target);
          near();
        }
      }
    },
    { rootMargin: '600px 0px' },
  );
  whenNear.set(element, callback);
  observer.observe(element);
};
const unobserveNear = (element: Element) => {
  whenNear.delete(element);
  observer?.unobserve(element);
};

/**
 * t.co links read through the link endpoint, by a chunk that only pages whose tweets need it load
 * (today's embed code hides every link behind t.co).
 */
const readThroughEndpoint = (endpoint: string, links: string[], signal?: AbortSignal) =>
  import('../core/links.js').then((module) => module.readLinks(endpoint, links, { signal }));

/**
 * What the element needs only when it has no product card to show: the error card, a Payment
 * Link's card, the advice about t.co. Loaded on the first need; `null` when it could not be: the
 * tweet alone stays then.
 */
let fallbacks: typeof import('./fallbacks.js') | null | undefined;
let loadingFallbacks: Promise<unknown> | undefined;
const loadFallbacks = (): Promise<unknown> =>
  (loadingFallbacks ??= import('./fallbacks.js').then(
    (module) => (fallbacks = module),
    () => (fallbacks = null),
  ));

/** Adds the styles a chunk brings to an element's own, once. */
const adopt = (root: HTMLElement | DocumentFragment, styles: CSSResult) => {
  const shadow = root as ShadowRoot;
  const sheet = styles.styleSheet;
  if (sheet && !shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
};

/**
 * The checkout chunk, imported on the first sign of intent. A browser keeps a failed dynamic
 * import's failure for the page's life, so after one the chunk is asked for under a new URL (the
 * browser build writes the chunk's own path where `chunk-url` marks it: rollup.config.mjs).
 */
const CHECKOUT_CHUNK: string = /* chunk-url */ '../checkout/checkout.js';
let checkoutFailures = 0;
const importCheckout = (): Promise<typeof import('../checkout/checkout.js')> =>
  checkoutFailures
    ? import(/* @vite-ignore */ `${new URL(CHECKOUT_CHUNK, import.meta.url).href}?retry=${checkoutFailures}`)
    : import('../checkout/checkout.js');

/**
 * The advice about t.co, once the page has loaded and only if it still has no link endpoint: the
 * script usually runs before the publisher's own `BuyTweet.configure`.
 */
const adviseLater = () => {
  const advise = () =>
    setTimeout(() => config.linkEndpoint || loadFallbacks().then(() => fallbacks?.adviseLinkEndpoint()));
  if (document.readyState === 'complete') advise();
  else addEventListener('load', advise, { once: true });
};

/**
 * A Buy button for a tweet: wraps the publisher's embedded tweet, finds the product link in it,
 * looks the product up at the partner and shows a product card whose Buy button opens checkout.
 *
 * @tagname buy-tweet
 * @summary Adds a product card with a Buy button to an embedded tweet.
 *
 * @slot - The embedded tweet, as twitter.com / x.com's embed code gives it. It stays visible and
 *   readable; it is the fallback whenever no card can be shown.
 * @slot payment - Not for the page: the checkout puts the Payment Element's container here, in the
 *   document's own tree, where Stripe.js mounts.
 *
 * @fires buy-tweet-load - The product card is shown. `detail: {product}`.
 * @fires buy-tweet-error - A step failed and the element shows it.
 *   `detail: {code, message, step, status?, retryable}`.
 * @fires buy-tweet-open - Buy was pressed; cancelable. `detail: {product}`.
 * @fires buy-tweet-purchase - The payment succeeded. `detail: {order, product}`.
 * @fires buy-tweet-close - The checkout closed. `detail: {reason: 'completed' | 'dismissed'}`.
 *
 * @csspart card - The product card (also the loading skeleton and the error box).
 * @csspart image - The product image.
 * @csspart title - The product title.
 * @csspart merchant - Who sells it.
 * @csspart price - The price, in the element's language.
 * @csspart availability - In stock, preorder or sold out.
 * @csspart buy-button - The Buy button.
 * @csspart error - The error message.
 * @csspart retry-button - Retry, for failures that can be retried.
 * @csspart fallback-link - The product link itself, when no card can be shown.
 * @csspart dialog - The checkout dialog.
 * @csspart pay-button - The checkout's Pay button.
 * @csspart receipt - The receipt after a purchase.
 *
 * @cssprop --buy-tweet-accent - Buttons and focus rings.
 * @cssprop --buy-tweet-background - The card's background.
 * @cssprop --buy-tweet-foreground - The card's text.
 * @cssprop --buy-tweet-radius - Corner radius.
 * @cssprop --buy-tweet-font - Font family.
 */
export class BuyTweetElement extends LitElement {
  static override styles = [theme, styles];

  static override properties = {
    productUrl: { attribute: 'product-url' },
    tweet: { attribute: false },
    tweetUrl: { attribute: 'tweet-url' },
    endpoint: {},
    oembedEndpoint: { attribute: 'oembed-endpoint' },
    linkEndpoint: { attribute: 'link-endpoint' },
    lang: { reflect: true },
    theme: { reflect: true },
    loading: {},
  };

  /** The product link itself; when set, it decides over any tweet. */
  declare productUrl?: string;
  /** A tweet object of the X API (v2 or v1.1); never an attribute. */
  declare tweet?: unknown;
  /** A tweet's URL, read through oEmbed when the element holds no embedded tweet. */
  declare tweetUrl?: string;
  /** The partner endpoint for this element, over `BuyTweet.configure` and the partner's own. */
  declare endpoint?: string;
  declare oembedEndpoint?: string;
  /** Where t.co links are read (CONTRACT 7), over `BuyTweet.configure({linkEndpoint})`. */
  declare linkEndpoint?: string;
  declare theme?: 'light' | 'dark' | 'auto';
  /** `lazy` (default): look the product up when the element nears the viewport. */
  declare loading?: 'lazy' | 'eager';

  #view: View = { state: 'none' };
  #product: Product | null = null;
  #match: PartnerMatch | null = null;
  /** Which product link at which endpoint the card is for, to notice when that changes. */
  #shown?: string;
  #tweet: TweetInfo | null = null;
  /** The reading of the source under way (oEmbed, the link endpoint). */
  #reading?: AbortController;
  #lookup?: AbortController;
  #visible = false;
  #unwatch?: () => void;
  /** Draws a tweet read through oEmbed; comes with the oEmbed chunk. */
  #tweetView?: (tweet: TweetInfo) => unknown;
  /** The checkout chunk, imported on the buyer's first sign of intent. */
  #checkout?: Promise<unknown>;
  /** Draws the checkout dialog; comes with the checkout chunk. */
  #checkoutView?: typeof renderCheckout;
  /** The checkout itself could not be loaded: the card says so. */
  #buyFailed?: boolean;
  #language = new Language(this);

  /** The product once looked up and shown, else `null`. */
  get product(): Product | null {
    return this.#product;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#unwatch ??= watchSettings(() => {
      this.#readSource();
      this.requestUpdate();
    });
    this.#readSource();
    // Upgraded while the page is still parsing: the tweet inside may not be complete yet.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.#readSource(), { once: true });
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    // Deferred, so that moving the element does not cancel its lookup.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#unwatch?.();
      this.#unwatch = undefined;
      unobserveNear(this);
      this.#visible = false;
      this.#reading?.abort();
      this.#lookup?.abort();
      this.#lookup = undefined;
      // An unfinished lookup starts again if the element comes back.
      if (this.#view.state === 'loading') this.#shown = undefined;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // The words of the language the element now has (its lang, configure, ...) may have to load.
    void this.#language.ready()?.then(() => this.requestUpdate());
    const sources = ['productUrl', 'tweet', 'tweetUrl', 'endpoint', 'oembedEndpoint', 'linkEndpoint'] as const;
    if (sources.some((name) => changed.has(name))) {
      this.#readSource();
    }
    // Switched to eager while still waiting to come near the viewport.
    if (changed.has('loading') && this.loading === 'eager') this.#near();
  }

  /**
   * Reads the source again (CONTRACT 2: core decides which link), and shows what it sells. Cheap
   * to repeat: a tweet-url's tweet and t.co answers are kept, and the same product link at the
   * same endpoint keeps its card.
   */
  #readSource() {
    if (!this.isConnected) return;
    const source = pickSource({
      productUrl: this.productUrl,
      tweet: this.tweet,
      // tweet-url counts only when the element holds no tweet of its own (CONTRACT 2, item 4).
      embedded: this.querySelector('blockquote, a[href]') ? readEmbeddedTweet(this) : null,
      rendered: readRenderedTweet(this),
      // What was read before widgets.js replaced the tweet with its iframe.
      kept: this.#tweet,
      tweetUrl: this.tweetUrl,
    });
    this.#reading?.abort();
    const reading = (this.#reading = new AbortController());
    if (source?.from !== 'tweet-url') this.#tweetView = undefined;
    // Until its first reading ends (its t.co links through a link endpoint, a tweet-url's or a
    // rendered tweet's oEmbed), an element holds the card's place, as buy-tweet.css did before.
    if (source && this.#view.state === 'none' && (this.#shown === undefined || 'tweetUrl' in source)) {
      this.#show({ state: 'loading' });
    }
    if (source && 'tweetUrl' in source) {
      // oEmbed is a third party: asked, like a lookup, once the element nears the viewport.
      if (!this.#whenNear(() => this.#readSource())) return;
    }
    const linkEndpoint = safeEndpoint(this.linkEndpoint) ?? config.linkEndpoint;
    readProductLink(source, {
      endpoint: this.#endpoint(),
      readLinks: linkEndpoint ? (links, signal) => readThroughEndpoint(linkEndpoint, links, signal) : undefined,
      // From a chunk only elements with a tweet-url load.
      loadTweet: (url) =>
        import('./tweet-url.js').then(({ loadTweet, renderTweet, styles }) => {
          // A rendered tweet is on the page already: it is not drawn a second time.
          if (source?.from === 'tweet-url') {
            adopt(this.renderRoot, styles);
            this.#tweetView = renderTweet;
          }
          return loadTweet(url, safeEndpoint(this.oembedEndpoint), linkEndpoint);
        }),
      signal: reading.signal,
    }).then(
      ({ tweet, match, unread }) => {
        if (reading !== this.#reading) return;
        this.#tweet = tweet;
        if (!match && unread.length) adviseLater();
        this.#showMatch(match);
      },
      (error: unknown) => {
        if (reading !== this.#reading || isAbortError(error)) return;
        const failure = BuyTweetError.from(error, { code: 'tweet_unavailable', step: 'tweet', retryable: true });
        // A link endpoint that failed leaves the tweet as it is, with its working links: no card.
        const card = failure.code === 'tweet_unavailable' || failure.code === 'unsupported_link';
        const shown = `error ${failure.code}`;
        if (shown === this.#shown) return;
        this.#showMatch(null, shown);
        this.#fail(failure, card);
      },
    );
  }

  /** Draws the card for a product link, looking it up once the element nears the viewport. */
  #showMatch(match: PartnerMatch | null, shown = match ? `${match.partner.endpoint} ${match.productUrl}` : 'none') {
    if (shown === this.#shown) return;
    this.#shown = shown;
    this.#match = match;
    this.#lookup?.abort();
    this.#lookup = undefined;
    this.#product = null;
    if (!match) return this.#show({ state: 'none' });
    this.#show({ state: 'loading' });
    if (this.#whenNear(() => this.#start())) void this.#start();
  }

  /** `true` when the element is near the viewport (or eager); else `callback` runs once it is. */
  #whenNear(callback: () => void): boolean {
    if (this.loading === 'eager' || this.#visible) return true;
    observeNear(this, () => {
      this.#visible = true;
      callback();
    });
    return false;
  }

  /** Runs what waits for the viewport now: the element just became eager. */
  #near() {
    const waiting = whenNear.get(this);
    if (!waiting) return;
    unobserveNear(this);
    waiting();
  }

  /** Retry: reads the tweet again when reading it failed, else looks the product up again. */
  #retry() {
    if (this.#match) return void this.#start();
    this.#shown = undefined;
    this.#show({ state: 'loading' });
    this.#readSource();
  }

  async #start() {
    const match = this.#match;
    if (!match) return;
    this.#lookup?.abort();
    const lookup = (this.#lookup = new AbortController());
    this.#show({ state: 'loading' });
    try {
      // The endpoint core decided for the match (the element's, configure's or the partner's).
      const entry = await loadProduct(match.partner.endpoint, match.productUrl, { signal: lookup.signal });
      // The card comes with its words (loading since the first render): no English flash first.
      await this.#language.ready();
      if (lookup !== this.#lookup) return;
      if (entry instanceof BuyTweetError) throw entry;
      this.#product = entry;
      this.#show({ state: 'ready', product: entry });
      await this.#emit(new BuyTweetLoadEvent({ product: entry }));
      // Back from a payment method that left the page: this card's checkout may be the one.
      if (stripeReturn(location.search)) {
        this.#loadCheckout().then(() => this.#checkoutElement()?.returnFromStripe(), () => undefined);
      }
    } catch (error) {
      if (lookup !== this.#lookup || isAbortError(error)) return;
      const failure = BuyTweetError.from(error, { code: 'network', step: 'lookup', retryable: true });
      // No answer from where a Payment Link's details would be: Buy opens the link itself.
      const unreachable = ['network', 'partner_error', 'invalid_response'].includes(failure.code);
      if (match.partner.id === 'stripe' && unreachable) {
        this.#show({ state: 'payment-link', url: match.productUrl });
      } else {
        this.#fail(failure);
      }
    }
  }

  #show(view: View) {
    this.#view = view;
    this.requestUpdate();
    if (view.state === 'error' || view.state === 'payment-link') {
      void loadFallbacks().then(() => {
        if (fallbacks) adopt(this.renderRoot, fallbacks.styles);
        this.requestUpdate();
      });
    }
  }

  /** Shows the failure (as the card, unless `card` is false) and fires `buy-tweet-error`. */
  #fail(error: BuyTweetError, card = true) {
    this.#product = null;
    this.#show(card ? { state: 'error', error } : { state: 'none' });
    // Fired once the element shows it (its view may have a chunk to load first), never from inside
    // a property change.
    void Promise.all([card && loadFallbacks(), this.#language.ready()]).then(() =>
      this.#emit(new BuyTweetErrorEvent(error.toDetail())),
    );
  }

  /**
   * Fires a public event once the element shows what it says (one timing for all of them, never
   * from inside a property change); gives `!defaultPrevented`.
   */
  async #emit(event: Event): Promise<boolean> {
    await this.updateComplete;
    return this.dispatchEvent(event);
  }

  /** The element's own `endpoint`, when it is a URL that may be asked. */
  #endpoint(): string | undefined {
    return safeEndpoint(this.endpoint);
  }

  /** Hover, focus or press of Buy: fetch the checkout (and Stripe.js) before it is needed. */
  #intent() {
    this.#loadCheckout()
      .then(() => this.#checkoutElement()?.preload())
      .catch(() => undefined);
  }

  #loadCheckout(): Promise<unknown> {
    this.#checkout ??= importCheckout().then(
      async ({ defineCheckout, renderCheckout }) => {
        defineCheckout();
        this.#checkoutView = renderCheckout;
        this.requestUpdate();
        await this.updateComplete;
      },
      (error) => {
        // The next press tries again, under a new URL: browsers keep a failed import's failure.
        checkoutFailures++;
        this.#checkout = undefined;
        throw error;
      },
    );
    return this.#checkout;
  }

  #checkoutElement() {
    return this.renderRoot.querySelector('buy-tweet-checkout');
  }

  async #buy() {
    const product = this.#product;
    if (!product || product.availability === 'sold_out') return;
    // Fired at once, not after an update: the press is the user's, and `preventDefault` must count.
    if (!this.dispatchEvent(new BuyTweetOpenEvent({ product }))) return;
    if (product.checkout.type === 'redirect') {
      window.open(product.checkout.url, '_blank', 'noopener,noreferrer');
      return;
    }
    this.#buyFailed = false;
    try {
      await this.#loadCheckout();
    } catch (cause) {
      this.#buyFailed = true;
      this.requestUpdate();
      const error = new BuyTweetError({
        code: 'network',
        message: 'The checkout could not be loaded.',
        step: 'order',
        retryable: true,
        cause,
      });
      void this.#emit(new BuyTweetErrorEvent(error.toDetail()));
      return;
    }
    await this.#checkoutElement()?.show();
  }

  /** The partner answered sold out at checkout: the card says so too. */
  #soldOut() {
    if (!this.#product) return;
    this.#product = { ...this.#product, availability: 'sold_out' };
    this.#show({ state: 'ready', product: this.#product });
  }

  #checkoutPurchased({ order }: CheckoutPurchaseEvent) {
    if (this.#product) void this.#emit(new BuyTweetPurchaseEvent({ order, product: this.#product }));
  }

  #checkoutUnavailable({ error }: CheckoutErrorEvent) {
    void this.#emit(new BuyTweetErrorEvent(error.toDetail()));
  }

  /** Focus goes back to Buy when the checkout closes. */
  #checkoutClosed({ reason }: CheckoutCloseEvent) {
    this.renderRoot.querySelector<HTMLElement>('[part="buy-button"]')?.focus();
    void this.#emit(new BuyTweetCloseEvent({ reason }));
  }

  /** Does what pressing Buy does: fires `buy-tweet-open`, then opens checkout unless prevented. */
  open(): void {
    void this.#buy();
  }

  protected override render() {
    // The card and the checkout are in the element's language's direction (the tweet keeps its own).
    return html`<slot @slotchange=${this.#readSource}></slot>${this.#tweetView && this.#tweet ? this.#tweetView(this.#tweet) : nothing}<div dir=${this.#language.words(en).dir ?? nothing}>${this.#renderCard()}${this.#renderCheckout()}</div>`;
  }

  #renderCheckout() {
    const product = this.#product;
    if (!this.#checkoutView || !product || !this.#match) return nothing;
    return this.#checkoutView({
      product,
      match: this.#match,
      tweet: this.#tweet,
      locale: this.#language.tag,
      theme: this.theme,
      soldOut: this.#soldOut,
      purchased: this.#checkoutPurchased,
      failed: this.#checkoutUnavailable,
      closed: this.#checkoutClosed,
    });
  }

  #renderCard() {
    const view = this.#view;
    switch (view.state) {
      case 'none':
        return nothing;
      case 'ready':
        return this.#renderProduct(view.product);
      case 'loading':
        return this.#renderSkeleton();
    }
    // A failure's view: the skeleton holds the card's place until its chunk is loaded.
    if (fallbacks === undefined) return this.#renderSkeleton();
    if (!fallbacks) return nothing;
    return view.state === 'error'
      ? fallbacks.renderError(view.error, this.#match, this.tweetUrl, this.#retry, this.#language)
      : fallbacks.renderPaymentLink(view.url, this.#language);
  }

  #renderSkeleton() {
    return html`<div part="card" class="card skeleton" aria-busy="true">
      <div class="media"></div>
      <div class="info"><div class="bar"></div><div class="bar"></div></div>
      <span class="sr">${this.#language.words(en).loading}</span>
    </div>`;
  }

  #renderProduct(product: Product) {
    const { image, merchant, availability } = product;
    // The partner's words (title, merchant) keep their own direction inside a card of another
    // ("Kiln & Co." in a Hebrew card keeps its full stop at the end): <bdi>.
    const words = this.#language.words(en);
    return html`<div part="card" class="card">
      <div class="media">
        ${image
          ? html`<img part="image" src=${image.url} alt=${image.alt} width=${image.width ?? 96}
              height=${image.height ?? 96} loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
          : nothing}
      </div>
      <div class="info">
        <p part="title" id="title"><bdi>${product.title}</bdi></p>
        <p part="merchant" class="small">
          <bdi>${merchant.url
            ? html`<a href=${merchant.url} target="_blank" rel="noopener noreferrer">${merchant.name}</a>`
            : merchant.name}</bdi>
        </p>
        <div class="actions">
          <div>
            <p part="price" id="price">${formatMoney(product.price, this.#language.tag)}</p>
            <p part="availability" id="availability" class="small" role=${this.#buyFailed ? 'alert' : nothing}>
              ${this.#buyFailed
                ? words.checkoutUnavailable
                : availability === 'sold_out'
                  ? words.soldOut
                  : availability === 'preorder'
                    ? words.preorder
                    : words.inStock}
            </p>
          </div>
          <button part="buy-button" ?disabled=${availability === 'sold_out'}
            aria-describedby="title price availability" @click=${this.#buy}
            @pointerenter=${this.#intent} @focus=${this.#intent} @pointerdown=${this.#intent}>
            ${availability === 'preorder' ? words.buyPreorder : words.buy}
          </button>
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buy-tweet': BuyTweetElement;
  }
}
