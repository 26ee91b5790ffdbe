import { safeEndpoint, watchSettings } from '../core/config.js';
import { BuyTweetError } from '../core/errors.js';
import { isAbortError } from '../core/http.js';
import { loadProduct } from '../core/lookup.js';
import { productUrlMatch, type PartnerMatch } from '../core/partners.js';
import type { ProductLink } from '../core/source.js';
import { isStripeReturn } from '../core/stripe-return.js';
import { EMBEDDED_TWEET, RENDERED_TWEET } from '../core/tweet-markup.js';
import type { Product, TweetInfo } from '../core/types.js';
import type { BuyTweetElement } from './buy-tweet.js';
import { adopt, fallbacks, loadFallbacks, readingChunk } from './chunks.js';
import { emit } from './emit.js';
import { BuyTweetErrorEvent, BuyTweetLoadEvent } from './card-events.js';
import type { Language } from './language.js';
import { observeNear, unobserveNear } from './near.js';

/** What the card shows. */
export type View =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'ready'; product: Product }
  | { state: 'error'; error: BuyTweetError }
  /** A Stripe Payment Link whose endpoint cannot be reached: the link is a hosted checkout. */
  | { state: 'payment-link'; url: string };

/** What the card shows, and what the element asks of the controller. */
export interface Card {
  /** What the card shows now. */
  view: View;
  /** The product once looked up and shown, else `null`. */
  product: Product | null;
  match: PartnerMatch | null;
  tweet: TweetInfo | null;
  /** Draws a tweet read through oEmbed; comes with the oEmbed chunk. */
  tweetView?: (tweet: TweetInfo) => ChildNode;
  /**
   * Reads the source again, and shows what it sells. Cheap to repeat: a tweet-url's tweet and t.co
   * answers are kept, and the same product link at the same endpoint keeps its card.
   */
  read: () => void;
  /** Reads the source again if one of the element's properties it comes from changed since. */
  update: () => void;
  /** Retry: reads the tweet again when reading it failed, else looks the product up again. */
  retry: () => void;
  /** The partner answered sold out at checkout: the card says so too. */
  soldOut: () => void;
}

/**
 * The card's data, a ReactiveController of `host`: reads the element's source (docs/publishers/embedding.md: core
 * decides which link), through the link endpoint and oEmbed when it must, and looks the product
 * up at the partner once the element nears the viewport. Two requests at most are under way, the
 * reading and the lookup; each new one replaces its own kind, and leaving the page (not a move)
 * aborts both. `returned` runs when a card is shown on a page Stripe came back to. (Closures, not
 * a class: their names shrink in the first-card script, which is counted in bytes.)
 */
export const productController = (host: BuyTweetElement, language: Language, returned: () => unknown): Card => {
  /** Which product link at which endpoint the card is for, to notice when that changes. */
  let shown: string | undefined;
  let visible = false;
  let unwatch: (() => void) | undefined;
  /** The reading of the source (oEmbed, the link endpoint), and the lookup. */
  let reading: AbortController | undefined;
  let lookup: AbortController | undefined;

  const show = (view: View) => {
    card.view = view;
    host.requestUpdate();
    if (view.state === 'error' || view.state === 'payment-link') {
      void loadFallbacks().then(() => {
        if (fallbacks) adopt(host.renderRoot, fallbacks.styles);
        host.requestUpdate();
      });
    }
  };

  /** Shows the failure (as the card, unless `asCard` is false) and fires `buy-tweet-error`. */
  const fail = (error: BuyTweetError, asCard = true) => {
    card.product = null;
    show(asCard ? { state: 'error', error } : { state: 'none' });
    // Fired once the element shows it (its view may have a chunk to load first), never from inside
    // a property change.
    void Promise.all([asCard && loadFallbacks(), language.ready()]).then(() =>
      emit(host, new BuyTweetErrorEvent(error.toDetail())),
    );
  };

  /** `true` when the element is near the viewport (or eager); else `callback` runs once it is. */
  const whenNear = (callback: () => unknown): boolean => {
    if (host.loading === 'eager' || visible) return true;
    observeNear(host, () => {
      visible = true;
      callback();
    });
    return false;
  };

  /** Looks the product up at the endpoint core decided for the match. */
  const start = async () => {
    const { match } = card;
    if (!match) return;
    lookup?.abort();
    const mine = (lookup = new AbortController());
    show({ state: 'loading' });
    try {
      const product = await loadProduct(match.partner.endpoint, match.productUrl, { signal: mine.signal });
      // The card comes with its words (loading since the first render): no English flash first.
      await language.ready();
      if (mine !== lookup) return;
      if (product instanceof BuyTweetError) throw product;
      card.product = product;
      show({ state: 'ready', product });
      await emit(host, new BuyTweetLoadEvent({ product }));
      // Back from a payment method that left the page: this card's checkout may be the one.
      if (isStripeReturn(location.search)) returned();
    } catch (error) {
      if (mine !== lookup || isAbortError(error)) return;
      {
        const failure = BuyTweetError.from(error, { code: 'network', step: 'lookup', retryable: true });
        // No answer from where a Payment Link's details would be: Buy opens the link itself.
        const unreachable = ['network', 'partner_error', 'invalid_response'].includes(failure.code);
        if (match.partner.id === 'stripe' && unreachable) {
          show({ state: 'payment-link', url: match.productUrl });
        } else {
          fail(failure);
        }
      }
    }
  };

  /** Draws the card for a product link, looking it up once the element nears the viewport. */
  const showMatch = (
    match: PartnerMatch | null,
    key = match ? `${match.partner.endpoint} ${match.productUrl}` : 'none',
  ) => {
    if (key === shown) return;
    shown = key;
    card.match = match;
    lookup?.abort();
    lookup = undefined;
    card.product = null;
    if (!match) return show({ state: 'none' });
    show({ state: 'loading' });
    if (whenNear(start)) void start();
  };

  /** The element's properties the last reading came from. */
  const inputs = () => [
    host.productUrl,
    host.tweet,
    host.tweetUrl,
    host.endpoint,
    host.oembedEndpoint,
    host.linkEndpoint,
  ];
  let readFrom: unknown[] = [];

  /** The reading's answer: the card for its match. */
  const readLink = ({ tweet, match, unread }: ProductLink) => {
    card.tweet = tweet;
    // The advice about t.co comes with the fallbacks.
    if (!match && unread.length) void loadFallbacks().then(() => fallbacks?.adviseLinkEndpoint());
    showMatch(match);
  };

  const readFailed = (error: unknown) => {
    const failure = BuyTweetError.from(error, { code: 'tweet_unavailable', step: 'tweet', retryable: true });
    // A link endpoint that failed leaves the tweet as it is, with its working links: no card.
    const asCard = failure.code === 'tweet_unavailable' || failure.code === 'unsupported_link';
    const key = `error ${failure.code}`;
    if (key === shown) return;
    showMatch(null, key);
    fail(failure, asCard);
  };

  const read = (): void => {
    if (!host.isConnected) return;
    readFrom = inputs();
    reading?.abort();
    reading = undefined;
    const { productUrl } = host;
    // A product-url decides over any tweet (core's pickSource): its lookup leaves as the element
    // connects, before any chunk (docs/contributors/performance.md).
    if (productUrl) {
      try {
        showMatch(productUrlMatch(productUrl, safeEndpoint(host.endpoint)));
      } catch (error) {
        return readFailed(error);
      }
    }
    // A tweet the element holds is read all the same (it is the order's source), by its chunk.
    if (!(host.tweet || host.tweetUrl || host.querySelector(`${EMBEDDED_TWEET}, ${RENDERED_TWEET}`))) {
      card.tweet = null;
      card.tweetView = undefined;
      if (!productUrl) showMatch(null);
      return;
    }
    // Until its first reading ends, an element holds the card's place, as buy-tweet.css did before.
    if (card.view.state === 'none' && shown === undefined) show({ state: 'loading' });
    const mine = (reading = new AbortController());
    const again = () => mine === reading && read();
    const context = {
      card,
      loading: () => show({ state: 'loading' }),
      near: whenNear,
      signal: mine.signal,
    };
    readingChunk()
      // A reading replaced while its chunk loaded reads nothing.
      .then(({ readSource }) => (mine === reading ? readSource(host, context, again) : undefined))
      .then(
        (link) => link && mine === reading && readLink(link),
        // A product-url's card stands whatever becomes of reading its tweet.
        (error: unknown) => mine === reading && !isAbortError(error) && !productUrl && readFailed(error),
      );
  };

  const card: Card = {
    view: { state: 'none' },
    product: null,
    match: null,
    tweet: null,
    read,
    update: () => {
      const now = inputs();
      if (now.some((input, index) => input !== readFrom[index])) read();
    },
    retry: () => {
      if (card.match) return void start();
      shown = undefined;
      show({ state: 'loading' });
      read();
    },
    soldOut: () => {
      if (!card.product) return;
      card.product = { ...card.product, availability: 'sold_out' };
      show({ state: 'ready', product: card.product });
    },
  };

  host.addController({
    hostConnected() {
      unwatch ??= watchSettings(() => {
        read();
        host.requestUpdate();
      });
      read();
      // Upgraded while the page is still parsing: the tweet inside may not be complete yet.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', read, { once: true });
    },
    hostDisconnected() {
      // Deferred, so that moving the element does not cancel its lookup.
      queueMicrotask(() => {
        if (host.isConnected) return;
        unwatch?.();
        unwatch = undefined;
        unobserveNear(host);
        visible = false;
        reading?.abort();
        lookup?.abort();
        lookup = undefined;
        // An unfinished lookup starts again if the element comes back.
        if (card.view.state === 'loading') shown = undefined;
      });
    },
  });
  return card;
};
