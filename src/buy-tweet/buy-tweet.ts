import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { config, safeEndpoint, watchSettings } from '../core/config.js';
import { BuyTweetError } from '../core/errors.js';
import { loadProduct } from '../core/lookup.js';
import { formatMoney } from '../core/money.js';
import { findPartner, findProductLink, partnerEndpoint, type PartnerMatch } from '../core/partners.js';
import { isAbortError } from '../core/protocol.js';
import { tweetFromEmbed, tweetFromObject } from '../core/tweet.js';
import { readEmbeddedTweet } from '../core/tweet-dom.js';
import type { OrderSource, Product, TweetInfo } from '../core/types.js';
import { safeUrl } from '../core/url.js';
import { errorText, words } from '../core/words.js';
import { emit } from './events.js';
import { styles } from './buy-tweet.styles.js';
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
 * A Buy button for a tweet: wraps the publisher's embedded tweet, finds the product link in it,
 * looks the product up at the partner and shows a product card whose Buy button opens checkout.
 *
 * @tagname buy-tweet
 * @summary Adds a product card with a Buy button to an embedded tweet.
 *
 * @slot - The embedded tweet, as twitter.com / x.com's embed code gives it. It stays visible and
 *   readable; it is the fallback whenever no card can be shown.
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
  declare theme?: 'light' | 'dark' | 'auto';
  /** `lazy` (default): look the product up when the element nears the viewport. */
  declare loading?: 'lazy' | 'eager';

  #view: View = { state: 'none' };
  #product: Product | null = null;
  #match: PartnerMatch | null = null;
  /** Which link at which endpoint the element shows, to notice when that changes. */
  #source?: string;
  #tweet: TweetInfo | null = null;
  #lookup?: AbortController;
  #visible = false;
  #unwatch?: () => void;
  /** Draws a tweet read through oEmbed; comes with the oEmbed chunk. */
  #tweetView?: (tweet: TweetInfo) => unknown;
  /** The checkout chunk, imported on the buyer's first sign of intent. */
  #checkout?: Promise<unknown>;
  #checkoutLoaded = false;
  /** Says so when the checkout itself could not be loaded. */
  #buyError?: string;

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
      this.#lookup?.abort();
      this.#lookup = undefined;
      // An unfinished lookup starts again if the element comes back.
      if (this.#view.state === 'loading') this.#source = undefined;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const sources = ['productUrl', 'tweet', 'tweetUrl', 'endpoint', 'oembedEndpoint'] as const;
    if (sources.some((name) => changed.has(name))) {
      this.#readSource();
    }
    // Switched to eager while still waiting to come near the viewport.
    if (changed.has('loading') && this.loading === 'eager' && this.#view.state === 'loading' && !this.#lookup) {
      unobserveNear(this);
      this.#begin();
    }
  }

  /** Finds the product link, from the first source present (CONTRACT 2), and looks it up. */
  #readSource() {
    if (!this.isConnected) return;
    const endpoint = this.#endpoint();
    // The tweet is read whatever decides the link: it is the order's source.
    const fromObject = this.tweet ? tweetFromObject(this.tweet) : null;
    // tweet-url counts only when the element holds no tweet of its own (CONTRACT 2, item 4).
    const viaOEmbed =
      !this.productUrl && !fromObject && !this.querySelector('blockquote, a[href]') ? this.tweetUrl : undefined;
    if (!viaOEmbed) this.#tweet = fromObject ?? tweetFromEmbed(readEmbeddedTweet(this));
    const match = viaOEmbed
      ? null
      : this.productUrl
        ? findPartner(this.productUrl, endpoint)
        : findProductLink(this.#tweet!.links, endpoint);
    // The same source as before: nothing to do (and no event to fire again).
    const source = viaOEmbed
      ? `oembed ${viaOEmbed} ${this.oembedEndpoint ?? config.oembedEndpoint} ${endpoint}`
      : match
        ? `${match.partner.endpoint} ${match.productUrl}`
        : `none ${this.productUrl}`;
    if (source === this.#source) return;
    this.#source = source;
    this.#match = match;
    this.#lookup?.abort();
    this.#lookup = undefined;
    this.#product = null;
    unobserveNear(this);
    if (!viaOEmbed) this.#tweetView = undefined;
    if (viaOEmbed) this.#tweet = null;
    else if (!match) {
      this.#show({ state: 'none' });
      if (this.productUrl) {
        this.#fail(
          new BuyTweetError({
            code: 'unsupported_link',
            message: 'No buy-tweet partner sells through this link.',
            step: 'tweet',
          }),
        );
      }
      return;
    }
    this.#show({ state: 'loading' });
    if (this.loading === 'eager' || this.#visible) this.#begin();
    else {
      observeNear(this, () => {
        this.#visible = true;
        this.#begin();
      });
    }
  }

  /** Looks the product up, or first reads the tweet through oEmbed when that is the source. */
  #begin() {
    void (this.#match ? this.#start() : this.#loadTweet());
  }

  /** Shows the skeleton for a new lookup; the one before is abandoned, and its answer ignored. */
  #newLookup(): AbortController {
    this.#lookup?.abort();
    this.#lookup = new AbortController();
    this.#show({ state: 'loading' });
    return this.#lookup;
  }

  async #loadTweet() {
    const url = this.tweetUrl;
    if (!url) return;
    const lookup = this.#newLookup();
    try {
      const { loadTweet, renderTweet } = await import('./tweet-url.js');
      const tweet = await loadTweet(url, this.oembedEndpoint, lookup.signal);
      if (lookup !== this.#lookup) return;
      this.#tweet = tweet;
      this.#tweetView = renderTweet;
      this.#match = findProductLink(tweet.links, this.#endpoint());
      if (this.#match) await this.#start();
      else this.#show({ state: 'none' });
    } catch (error) {
      if (lookup !== this.#lookup || isAbortError(error)) return;
      this.#fail(
        error instanceof BuyTweetError
          ? error
          : new BuyTweetError({ code: 'tweet_unavailable', message: String(error), step: 'tweet', retryable: true }),
      );
    }
  }

  async #start() {
    const match = this.#match;
    if (!match) return;
    const lookup = this.#newLookup();
    try {
      match.partner.endpoint = partnerEndpoint(match.partner.id, this.#endpoint());
      const entry = await loadProduct(match.partner.endpoint, match.productUrl, { signal: lookup.signal });
      if (lookup !== this.#lookup) return;
      if (entry instanceof BuyTweetError) throw entry;
      this.#product = entry;
      this.#show({ state: 'ready', product: entry });
      await this.updateComplete;
      emit(this, 'buy-tweet-load', { product: entry });
    } catch (error) {
      if (lookup !== this.#lookup || isAbortError(error)) return;
      const failure =
        error instanceof BuyTweetError
          ? error
          : new BuyTweetError({ code: 'network', message: String(error), step: 'lookup', retryable: true });
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
  }

  #fail(error: BuyTweetError) {
    this.#product = null;
    this.#show({ state: 'error', error });
    // Fired once the element shows it, never from inside a property change.
    this.updateComplete.then(() => emit(this, 'buy-tweet-error', error.toDetail()));
  }

  /** The element's own `endpoint`, when it is a URL that may be asked. */
  #endpoint(): string | undefined {
    return safeEndpoint(this.endpoint);
  }

  #locale(): string | undefined {
    return (
      this.getAttribute('lang') ||
      config.locale ||
      this.parentElement?.closest('[lang]')?.getAttribute('lang') ||
      undefined
    );
  }

  /** Hover, focus or press of Buy: fetch the checkout (and Stripe.js) before it is needed. */
  #intent() {
    this.#loadCheckout()
      .then(() => this.#checkoutElement()?.preload())
      .catch(() => undefined);
  }

  #loadCheckout(): Promise<unknown> {
    this.#checkout ??= import('../checkout/checkout.js').then(
      async ({ defineCheckout }) => {
        defineCheckout();
        this.#checkoutLoaded = true;
        this.requestUpdate();
        await this.updateComplete;
      },
      (error) => {
        this.#checkout = undefined; // the next press tries again
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
    if (!emit(this, 'buy-tweet-open', { product }, true)) return;
    if (product.checkout.type === 'redirect') {
      window.open(product.checkout.url, '_blank', 'noopener');
      return;
    }
    this.#buyError = undefined;
    try {
      await this.#loadCheckout();
    } catch {
      const error = new BuyTweetError({
        code: 'network',
        message: 'The checkout could not be loaded.',
        step: 'order',
        retryable: true,
      });
      this.#buyError = 'Checkout could not be loaded. Try again.';
      this.requestUpdate();
      emit(this, 'buy-tweet-error', error.toDetail());
      return;
    }
    await this.#checkoutElement()?.show();
  }

  #orderSource(): OrderSource {
    const source: OrderSource = { pageUrl: location.href };
    if (this.#tweet?.id) source.tweetId = this.#tweet.id;
    if (this.#tweet?.url) source.tweetUrl = this.#tweet.url;
    return source;
  }

  /** The partner answered sold out at checkout: the card says so too. */
  #soldOut() {
    if (!this.#product) return;
    this.#product = { ...this.#product, availability: 'sold_out' };
    this.#show({ state: 'ready', product: this.#product });
  }

  /** Focus goes back to Buy when the checkout closes. */
  #checkoutClosed() {
    this.renderRoot.querySelector<HTMLElement>('[part="buy-button"]')?.focus();
  }

  /** Does what pressing Buy does: fires `buy-tweet-open`, then opens checkout unless prevented. */
  open(): void {
    void this.#buy();
  }

  protected override render() {
    return html`<slot @slotchange=${this.#readSource}></slot>${this.#tweetView && this.#tweet ? this.#tweetView(this.#tweet) : nothing}${this.#renderCard()}${this.#renderCheckout()}`;
  }

  #renderCheckout() {
    const product = this.#product;
    if (!this.#checkoutLoaded || !product || !this.#match) return nothing;
    return html`<buy-tweet-checkout exportparts="dialog, pay-button, receipt" theme=${this.theme ?? 'auto'}
      .product=${product} .locale=${this.#locale()} .partner=${this.#match.partner.name}
      .endpoint=${this.#match.partner.endpoint} .source=${this.#orderSource()}
      @sold-out=${this.#soldOut} @buy-tweet-close=${this.#checkoutClosed}></buy-tweet-checkout>`;
  }

  #renderCard() {
    const view = this.#view;
    switch (view.state) {
      case 'none':
        return nothing;
      case 'loading':
        return html`<div part="card" class="card skeleton" aria-busy="true">
          <div class="media"></div>
          <div class="info"><div class="bar"></div><div class="bar"></div></div>
          <span class="sr">${words.loading}</span>
        </div>`;
      case 'error':
        return this.#renderError(view.error);
      case 'payment-link':
        return this.#renderPaymentLink(view.url);
      case 'ready':
        return this.#renderProduct(view.product);
    }
  }

  #renderProduct(product: Product) {
    const { image, merchant, availability } = product;
    return html`<div part="card" class="card">
      <div class="media">
        ${image
          ? html`<img part="image" src=${image.url} alt=${image.alt} width=${image.width ?? 96}
              height=${image.height ?? 96} loading="lazy" decoding="async" />`
          : nothing}
      </div>
      <div class="info">
        <p part="title" id="title">${product.title}</p>
        <p part="merchant" class="small">
          ${merchant.url
            ? html`<a href=${merchant.url} target="_blank" rel="noopener noreferrer">${merchant.name}</a>`
            : merchant.name}
        </p>
        <div class="actions">
          <div>
            <p part="price" id="price">${formatMoney(product.price, this.#locale())}</p>
            <p part="availability" id="availability" class="small" role=${this.#buyError ? 'alert' : nothing}>
              ${this.#buyError ??
              (availability === 'sold_out' ? words.soldOut : availability === 'preorder' ? words.preorder : words.inStock)}
            </p>
          </div>
          <button part="buy-button" ?disabled=${availability === 'sold_out'}
            aria-describedby="title price availability" @click=${this.#buy}
            @pointerenter=${this.#intent} @focus=${this.#intent} @pointerdown=${this.#intent}>
            ${availability === 'preorder' ? words.preorder : words.buy}
          </button>
        </div>
      </div>
    </div>`;
  }

  #renderPaymentLink(url: string) {
    const { host, pathname } = new URL(url);
    return html`<div part="card" class="card">
      <div class="media"></div>
      <div class="info">
        <p part="title" id="title">Checkout by Stripe</p>
        <p part="merchant" class="small">${host}${pathname}</p>
        <div class="actions">
          <p part="availability" id="availability" class="small">Opens on Stripe</p>
          <a part="buy-button" class="button" href=${url} target="_blank" rel="noopener noreferrer"
            aria-describedby="title availability">${words.buy}</a>
        </div>
      </div>
    </div>`;
  }

  #renderError(error: BuyTweetError) {
    const match = this.#match;
    const partner = match?.partner.name ?? '';
    return html`<div part="card" class="card error">
      <p part="error" role="status">${errorText(error.code, partner)}</p>
      <div class="actions">
        ${error.retryable
          ? html`<button part="retry-button" class="secondary" @click=${this.#begin}>${words.retry}</button>`
          : nothing}
        ${match
          ? html`<a part="fallback-link" href=${match.productUrl} target="_blank" rel="noopener noreferrer"
              >${words.view(partner)}</a>`
          : error.step === 'tweet' && this.tweetUrl
            ? html`<a part="fallback-link" href=${safeUrl(this.tweetUrl) ?? nothing} target="_blank"
                rel="noopener noreferrer">${words.viewTweet}</a>`
            : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buy-tweet': BuyTweetElement;
  }
}
