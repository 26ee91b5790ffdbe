import { ReactiveElement, type PropertyValues } from 'lit';
import { productController } from './product-controller.js';
import { BuyTweetError } from '../core/errors.js';
import type { Product } from '../core/types.js';
import type { CheckoutOf } from '../checkout/render.js';
import en from '../words/en.js';
import { styles } from './buy-tweet.styles.js';
import { cardView, type CardView } from './card-view.js';
import { checkoutChunk, fallbacks } from './chunks.js';
import { emit } from './emit.js';
import { BuyTweetErrorEvent, BuyTweetOpenEvent } from './card-events.js';
import { Language } from './language.js';
import { runNear } from './near.js';
import { theme } from './theme.styles.js';

/**
 * A Buy button for a tweet: wraps the publisher's embedded tweet, finds the product link in it,
 * looks the product up at the partner and shows a product card whose Buy button opens checkout.
 *
 * A Lit `ReactiveElement` (properties, attributes, controllers, batched updates, adopted styles)
 * that draws its card with the DOM's own calls (card-view.ts) rather than a Lit template: the
 * script every page loads first carries no lit-html; the chunks that draw more (the error card,
 * the checkout) bring it (docs/contributors/architecture.md, Size).
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
export class BuyTweetElement extends ReactiveElement {
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
  /** Where t.co links are read (docs/publishers/real-tweets.md), over `BuyTweet.configure({linkEndpoint})`. */
  declare linkEndpoint?: string;
  declare theme?: 'light' | 'dark' | 'auto';
  /** `lazy` (default): look the product up when the element nears the viewport. */
  declare loading?: 'lazy' | 'eager';

  /** The checkout chunk, imported on the buyer's first sign of intent. */
  #checkoutLoad?: Promise<CheckoutOf>;
  /** This element's checkout: the dialog and the events of a purchase; comes with the chunk. */
  #checkout?: CheckoutOf;
  /** The checkout itself could not be loaded: the card says so. */
  #buyFailed?: boolean;
  /** What the shadow root shows, made at the first update. */
  #shadow?: CardView;
  #language = new Language(this);
  /** The card's data: the source read, the product link, the lookup. */
  // A checkout that could not be loaded leaves the card as it is: Buy tries again.
  #card = productController(this, this.#language, () =>
    this.#loadCheckout().then(
      (checkout) => checkout.returnFromStripe(),
      () => undefined,
    ),
  );

  /** The product once looked up and shown, else `null`. */
  get product(): Product | null {
    return this.#card.product;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // The words of the language the element now has (its lang, configure, ...) may have to load.
    void this.#language.ready()?.then(() => this.requestUpdate());
    // A source changed since the element read it (as it connected, or at the last update).
    this.#card.update();
    // Switched to eager while still waiting to come near the viewport.
    if (changed.has('loading') && this.loading === 'eager') runNear(this);
  }

  /** Hover, focus or press of Buy: fetch the checkout (and Stripe.js) before it is needed. */
  #intent() {
    this.#loadCheckout()
      .then((checkout) => checkout.preload())
      .catch(() => undefined);
  }

  #loadCheckout(): Promise<CheckoutOf> {
    this.#checkoutLoad ??= checkoutChunk().then(
      async ({ defineCheckout, checkoutOf }) => {
        defineCheckout();
        const checkout = (this.#checkout = checkoutOf(this, this.#card, this.#language));
        this.requestUpdate();
        await this.updateComplete;
        return checkout;
      },
      (error) => {
        // The next press tries again, under a new URL: browsers keep a failed import's failure.
        this.#checkoutLoad = undefined;
        throw error;
      },
    );
    return this.#checkoutLoad;
  }

  async #buy() {
    const product = this.#card.product;
    if (!product || product.availability === 'sold_out') return;
    // Fired at once, not after an update: the press is the user's, and `preventDefault` must count.
    if (!this.dispatchEvent(new BuyTweetOpenEvent({ product }))) return;
    if (product.checkout.type === 'redirect') {
      window.open(product.checkout.url, '_blank', 'noopener,noreferrer');
      return;
    }
    this.#buyFailed = false;
    let checkout;
    try {
      checkout = await this.#loadCheckout();
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
      void emit(this, new BuyTweetErrorEvent(error.toDetail()));
      return;
    }
    await checkout.show();
  }

  /** Does what pressing Buy does: fires `buy-tweet-open`, then opens checkout unless prevented. */
  open(): void {
    void this.#buy();
  }

  /** Draws what the card's data and the language now say; Lit calls it once per batch of changes. */
  protected override update(changed: PropertyValues<this>) {
    super.update(changed);
    const card = this.#card;
    const { view } = card;
    const shadow = (this.#shadow ??= cardView(this.renderRoot, {
      read: card.read,
      buy: () => void this.#buy(),
      intent: () => this.#intent(),
    }));
    const language = this.#language;
    const words = language.words(en);
    // The card and the checkout are in the element's language's direction (the tweet keeps its own).
    shadow.dir(words.dir);
    shadow.tweet(card.tweet, card.tweetView);
    // A failure's card comes with its chunk; the skeleton holds its place until then.
    const failed = view.state === 'error' || view.state === 'payment-link';
    shadow.card(
      view.state === 'ready'
        ? view.product
        : view.state === 'loading' || (failed && fallbacks === undefined)
          ? 'loading'
          : null,
      words,
      language.tag,
      this.#buyFailed,
    );
    fallbacks?.drawFailure(shadow.failure, card, this.tweetUrl, language);
    this.#checkout?.draw(shadow.checkout);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'buy-tweet': BuyTweetElement;
  }
}
