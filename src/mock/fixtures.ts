/**
 * The mock partners' catalogue and the fixture tweets: plain data, shared by the mock's handlers
 * and by tests that need to know what the mock knows.
 *
 * Image URLs and redirect-checkout URLs are root-relative paths here (`/__mock/images/...`): the
 * mock answers them resolved against the origin that served the request (see `productAt`), so
 * they are same-origin with the mock wherever it runs.
 */
import type { Product } from '../core/types.js';

export type PartnerId = 'gumroad' | 'fancy' | 'musictoday' | 'stripe';

export interface MockPartner {
  id: PartnerId;
  name: string;
  /** The partner's main host: its default endpoint is `https://{host}/.well-known/buy-tweet/v1`. */
  host: string;
}

export const mockPartners: readonly MockPartner[] = [
  { id: 'gumroad', name: 'Gumroad', host: 'gumroad.com' },
  { id: 'fancy', name: 'Fancy', host: 'fancy.com' },
  { id: 'musictoday', name: 'Musictoday', host: 'musictoday.com' },
  { id: 'stripe', name: 'Stripe', host: 'buy.stripe.com' },
];

/** A product as its partner keeps it. */
export interface CatalogueEntry {
  partner: PartnerId;
  product: Product;
  /** Other links of the same product (the canonical one is `product.url`). */
  aliases?: string[];
}

/** Links the partner knows but does not sell through buy-tweet. */
export interface NotForSaleEntry {
  partner: PartnerId;
  url: string;
  message: string;
}

const image = (name: string, alt: string, width = 600, height = 600) => ({
  url: `/__mock/images/${name}.svg`,
  alt,
  width,
  height,
});

const stripeCheckout = (partner: PartnerId) =>
  ({ type: 'stripe', publishableKey: `pk_test_buytweet_${partner}` }) as const;

const usd = (amount: number) => ({ amount, currency: 'USD' });
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const jpy = (amount: number) => ({ amount, currency: 'JPY' });
/** Two decimals as Stripe counts IDR, though `Intl` shows none: `idr(25_000_000)` is Rp 250.000. */
const idr = (amount: number) => ({ amount, currency: 'IDR' });

const theBand = { name: 'The Band', url: 'https://theband.gumroad.com' };

export const catalogue = {
  album: {
    partner: 'gumroad',
    product: {
      id: 'prod_album',
      url: 'https://gumroad.com/l/new-album',
      title: 'New Album (Digital)',
      description: 'Twelve songs recorded live to tape over one week in the spring. Download in MP3 or lossless FLAC.',
      image: image('new-album', 'Album cover: a hand-drawn house on a hill'),
      merchant: theBand,
      price: usd(999),
      availability: 'in_stock',
      variants: [
        { id: 'var_mp3', title: 'MP3', price: usd(999), availability: 'in_stock' },
        { id: 'var_flac', title: 'FLAC', price: usd(1299), availability: 'in_stock' },
      ],
      maxQuantity: 5,
      requiresShipping: false,
      checkout: stripeCheckout('gumroad'),
    },
  },
  tourPoster: {
    partner: 'gumroad',
    product: {
      id: 'prod_tour_poster',
      url: 'https://theband.gumroad.com/l/tour-poster',
      title: 'Tour Poster 2024, signed (18 × 24 in)',
      description: 'Screen-printed in two colours on heavy paper and signed by the whole band. Ships rolled in a tube.',
      image: image('tour-poster', 'Poster with the tour dates over a map', 450, 600),
      merchant: theBand,
      price: usd(2500),
      availability: 'in_stock',
      variants: [],
      maxQuantity: 3,
      requiresShipping: true,
      checkout: stripeCheckout('gumroad'),
    },
  },
  zine: {
    partner: 'gumroad',
    product: {
      id: 'prod_zine_1',
      url: 'https://gumroad.com/l/zine-issue-1',
      title: 'The Band Zine, Issue 1 (PDF)',
      image: image('zine-issue-1', 'Photocopied zine cover'),
      merchant: theBand,
      price: usd(800),
      availability: 'sold_out',
      variants: [],
      maxQuantity: 1,
      requiresShipping: false,
      checkout: stripeCheckout('gumroad'),
    },
  },
  photoCourse: {
    partner: 'gumroad',
    product: {
      id: 'prod_photo_course',
      url: 'https://gum.co/photo-course',
      title: 'Street Photography: A Six-Week Course',
      description: 'Video lessons, weekly assignments and feedback on your pictures.',
      image: image('photo-course', 'A rainy street at night, seen through a window'),
      merchant: { name: 'Mara Lind', url: 'https://maralind.gumroad.com' },
      price: usd(4900),
      availability: 'in_stock',
      variants: [],
      maxQuantity: 1,
      requiresShipping: false,
      checkout: { type: 'redirect', url: '/__mock/checkout/photo-course' },
    },
  },
  fieldRecordings: {
    partner: 'gumroad',
    product: {
      id: 'prod_field_recordings',
      url: 'https://gumroad.com/l/complete-field-recordings',
      title:
        'The Complete Field Recordings 2015–2023: Forests, Harbours, Night Trains, Markets and Thunderstorms ' +
        'from Twenty-Three Countries, Remastered in 24-bit with Liner Notes, Maps and Every Unreleased Take (Deluxe Edition)',
      description: 'Nine years of sound walks in one download.',
      merchant: { name: 'Quiet Places Audio' },
      price: usd(1500),
      availability: 'in_stock',
      variants: [],
      maxQuantity: 1,
      requiresShipping: false,
      checkout: stripeCheckout('gumroad'),
    },
  },
  walnutLamp: {
    partner: 'fancy',
    aliases: ['https://fancy.com/things/1234567'],
    product: {
      id: 'prod_walnut_lamp',
      url: 'https://fancy.com/things/1234567/handmade-walnut-lamp',
      title: 'Handmade Walnut Lamp',
      description: 'Turned from a single piece of black walnut, with a linen shade. Made to order in Lisbon.',
      image: image('walnut-lamp', 'A walnut table lamp with a linen shade', 600, 800),
      merchant: { name: 'Oficina Norte', url: 'https://fancy.com/oficina-norte' },
      price: eur(12900),
      availability: 'in_stock',
      variants: [
        { id: 'var_natural_oil', title: 'Natural oil', price: eur(12900), availability: 'in_stock' },
        { id: 'var_matte_lacquer', title: 'Matte lacquer', price: eur(13900), availability: 'in_stock' },
        { id: 'var_ebonized', title: 'Ebonized', price: eur(14900), availability: 'sold_out' },
      ],
      maxQuantity: 2,
      requiresShipping: true,
      checkout: stripeCheckout('fancy'),
    },
  },
  linenThrow: {
    partner: 'fancy',
    product: {
      id: 'prod_linen_throw',
      url: 'https://fancy.com/things/2345678/stonewashed-linen-throw',
      title: 'Stonewashed Linen Throw',
      description: 'Heavy Lithuanian linen, washed soft. 130 × 170 cm.',
      image: image('linen-throw', 'A folded linen throw on a wooden bench'),
      merchant: { name: 'Oficina Norte', url: 'https://fancy.com/oficina-norte' },
      price: eur(8900),
      availability: 'in_stock',
      // Colours of one price: the variants leave out price and availability, which are the
      // product's then, but for the one colour that is sold out.
      variants: [
        { id: 'var_oat', title: 'Oat' },
        { id: 'var_charcoal', title: 'Charcoal' },
        { id: 'var_rust', title: 'Rust', availability: 'sold_out' },
      ],
      maxQuantity: 3,
      requiresShipping: true,
      checkout: stripeCheckout('fancy'),
    },
  },
  pourOverSet: {
    partner: 'fancy',
    product: {
      id: 'prod_pour_over_set',
      url: 'https://fancy.com/things/7654321',
      title: 'Stoneware Pour-Over Set',
      description: 'Dripper, carafe and two cups, glazed by hand. Ships in six weeks.',
      image: image('pour-over-set', 'A grey stoneware dripper on a carafe'),
      merchant: { name: 'Kiln & Co.', url: 'https://fancy.com/kiln-and-co' },
      price: eur(6400),
      availability: 'preorder',
      variants: [],
      maxQuantity: 4,
      requiresShipping: true,
      checkout: stripeCheckout('fancy'),
    },
  },
  tourTee: {
    partner: 'musictoday',
    product: {
      id: 'prod_tour_tee',
      url: 'https://musictoday.com/store/theband/tour-tee',
      title: 'The Band — 2024 Tour Tee',
      description: 'Black cotton tee with the tour dates on the back.',
      image: image('tour-tee', 'A black T-shirt with a white house printed on it'),
      merchant: { name: 'The Band Official Store', url: 'https://musictoday.com/store/theband' },
      price: usd(3000),
      availability: 'in_stock',
      variants: [
        { id: 'var_tee_s', title: 'S', price: usd(3000), availability: 'in_stock' },
        { id: 'var_tee_m', title: 'M', price: usd(3000), availability: 'in_stock' },
        { id: 'var_tee_l', title: 'L', price: usd(3000), availability: 'in_stock' },
        { id: 'var_tee_xl', title: 'XL', price: usd(3200), availability: 'in_stock' },
      ],
      maxQuantity: 4,
      requiresShipping: true,
      checkout: stripeCheckout('musictoday'),
    },
  },
  liveCd: {
    partner: 'musictoday',
    product: {
      id: 'prod_live_cd',
      url: 'https://tokyoband.musictoday.com/live-cd',
      title: 'ライブ・アット・武道館 (CD)',
      description: '2枚組。初回限定ステッカー付き。',
      image: image('live-cd', 'CDジャケット：武道館のステージ'),
      merchant: { name: 'Tokyo Band', url: 'https://tokyoband.musictoday.com' },
      price: jpy(3300),
      availability: 'in_stock',
      variants: [],
      maxQuantity: 2,
      requiresShipping: true,
      checkout: stripeCheckout('musictoday'),
    },
  },
  jakartaTote: {
    partner: 'musictoday',
    product: {
      id: 'prod_jakarta_tote',
      url: 'https://musictoday.com/store/theband/jakarta-tote',
      title: 'The Band — Live in Jakarta Tote Bag',
      description: 'Heavy canvas tote from the Jakarta show, printed in Bandung.',
      image: image('jakarta-tote', 'A natural canvas tote bag with a skyline print'),
      merchant: { name: 'The Band Official Store', url: 'https://musictoday.com/store/theband' },
      price: idr(25_000_000),
      availability: 'in_stock',
      variants: [],
      maxQuantity: 3,
      requiresShipping: true,
      checkout: stripeCheckout('musictoday'),
    },
  },
  vinyl: {
    partner: 'musictoday',
    product: {
      id: 'prod_vinyl',
      url: 'https://musictoday.com/store/theband/vinyl',
      title: 'New Album on 180 g Vinyl (Pre-order)',
      description: 'Double LP in a gatefold sleeve. Ships in November.',
      image: image('vinyl', 'A black record half out of its sleeve'),
      merchant: { name: 'The Band Official Store', url: 'https://musictoday.com/store/theband' },
      price: usd(3499),
      availability: 'preorder',
      variants: [],
      maxQuantity: 2,
      requiresShipping: true,
      checkout: stripeCheckout('musictoday'),
    },
  },
  recordingGuide: {
    partner: 'stripe',
    product: {
      id: 'prod_recording_guide',
      url: 'https://buy.stripe.com/test_6oE5lY0aB1cD',
      title: 'Field Guide to Home Recording (e-book)',
      description: 'Microphones, rooms and the cheapest gear that sounds good. 180 pages, EPUB and PDF.',
      image: image('recording-guide', 'Book cover with a microphone drawing'),
      merchant: { name: 'Small Room Press' },
      price: usd(2500),
      availability: 'in_stock',
      variants: [],
      maxQuantity: 1,
      requiresShipping: false,
      checkout: stripeCheckout('stripe'),
    },
  },
} satisfies Record<string, CatalogueEntry>;

export const notForSale = {
  privateDemo: {
    partner: 'gumroad',
    url: 'https://gumroad.com/l/private-demo',
    message: 'This product is only available to members.',
  },
} satisfies Record<string, NotForSaleEntry>;

/** Links of partner shapes that no catalogue holds: a lookup answers `product_not_found`. */
export const unlistedLinks = {
  stripe: 'https://buy.stripe.com/test_unknown',
  gumroad: 'https://gumroad.com/l/does-not-exist',
};

/** The pictures `/__mock/images/{name}.svg` serves: what they say and their colour. */
export const mockImages: Record<string, { label: string; color: string }> = {
  'new-album': { label: 'New Album', color: '#3b5b92' },
  'tour-poster': { label: 'Tour 2024', color: '#b5483b' },
  'zine-issue-1': { label: 'Zine #1', color: '#6d6d6d' },
  'photo-course': { label: 'Street Photo', color: '#2f6f62' },
  'walnut-lamp': { label: 'Walnut Lamp', color: '#7a5230' },
  'linen-throw': { label: 'Linen Throw', color: '#b9ab92' },
  'pour-over-set': { label: 'Pour-Over', color: '#8a8f94' },
  'tour-tee': { label: 'Tour Tee', color: '#1d1d1f' },
  'live-cd': { label: '武道館', color: '#a0263c' },
  'jakarta-tote': { label: 'Jakarta Tote', color: '#4a6b3a' },
  vinyl: { label: 'Vinyl', color: '#2b2b2b' },
  'recording-guide': { label: 'Field Guide', color: '#c48a1e' },
};

/** The product as the partner answers it from `origin`: image and checkout paths made absolute. */
export const productAt = (product: Product, origin: string): Product => ({
  ...product,
  ...(product.image && { image: { ...product.image, url: new URL(product.image.url, origin).href } }),
  checkout:
    product.checkout.type === 'redirect'
      ? { type: 'redirect', url: new URL(product.checkout.url, origin).href }
      : product.checkout,
});

/** A piece of a tweet's text: plain text, a t.co link, a mention or a hashtag. */
export type TweetPiece =
  | string
  | {
      /** The t.co link the embed points to. */
      tco: string;
      /** What the reader sees; Twitter cuts long ones with `…`. */
      display: string;
      /** Where t.co sends the reader: the whole link, as `tcoLinks` answers it. */
      to: string;
      /** Present on some embeds (and on links a publisher wrote by hand). */
      expandedUrl?: string;
      title?: string;
    }
  | { mention: string }
  | { hashtag: string };

export interface FixtureTweet {
  /** The tweet's id (a snowflake, as a string). */
  id: string;
  authorName: string;
  /** Without the `@`. */
  authorHandle: string;
  /** As the embed prints it: `September 8, 2014`. */
  date: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  text: TweetPiece[];
  /** The product link a reader of this tweet should find, if any (its canonical link). */
  productUrl?: string;
}

/**
 * A t.co link of a tweet. Where it goes is `to`, else the link the embed spells out
 * (`data-expanded-url`), else `https://` + what the reader sees.
 */
const link = (tco: string, display: string, more: { to?: string; expandedUrl?: string; title?: string } = {}) => {
  const { to = more.expandedUrl ?? `https://${display}`, ...attributes } = more;
  return { tco: `https://t.co/${tco}`, display, to, ...attributes };
};

/** Where Twitter sends a picture's link: the tweet's photo page. */
const photo = (handle: string, id: string) => `https://twitter.com/${handle}/status/${id}/photo/1`;

const byTheBand = { authorName: 'The Band', authorHandle: 'theband', lang: 'en', dir: 'ltr' } as const;

/** Embedded tweets, one per product worth showing and one per shape a reader must cope with. */
export const fixtureTweets = {
  newAlbum: {
    ...byTheBand,
    id: '509074208133345280',
    date: 'September 8, 2014',
    text: [
      'Our new album is out today ',
      link('AbC123', 'gumroad.com/l/new-album', { to: 'https://gumroad.com/l/new-album?utm_source=twitter' }),
    ],
    productUrl: catalogue.album.product.url,
  },
  tourPoster: {
    ...byTheBand,
    id: '1763912054187520000',
    date: 'December 2, 2023',
    text: [
      'Signed posters for the whole tour, while they last ',
      link('Pst7rW2', 'theband.gumroad.com/l/tour-poster', {
        expandedUrl: 'https://theband.gumroad.com/l/tour-poster?utm_source=twitter&utm_medium=social',
      }),
    ],
    productUrl: catalogue.tourPoster.product.url,
  },
  zineSoldOut: {
    ...byTheBand,
    id: '1690455672310140928',
    date: 'August 12, 2023',
    text: [
      'Issue 1 of the zine sold out in a day. Thank you!\nIssue 2 soon ',
      link('Zn1x9Qa', 'gumroad.com/l/zine-issue-1'),
    ],
    productUrl: catalogue.zine.product.url,
  },
  photoCourse: {
    id: '1754221378345627648',
    authorName: 'Mara Lind',
    authorHandle: 'maralind',
    date: 'February 4, 2024',
    lang: 'en',
    dir: 'ltr',
    text: ['Enrollment for my street photography course is open ', link('Mq3LpC0', 'gum.co/photo-course')],
    productUrl: catalogue.photoCourse.product.url,
  },
  walnutLamp: {
    id: '1765010922174111744',
    authorName: 'Fancy',
    authorHandle: 'fancy',
    date: 'March 5, 2024',
    lang: 'en',
    dir: 'ltr',
    text: [
      'Turned from one piece of black walnut, in three finishes. By ',
      { mention: 'oficinanorte' },
      ' ',
      link('Wl8nT4k', 'fancy.com/things/1234567/handmade-walnut-lamp', {
        to: 'https://www.fancy.com/things/1234567/handmade-walnut-lamp',
      }),
    ],
    productUrl: catalogue.walnutLamp.product.url,
  },
  pourOverPreorder: {
    id: '1767200145998413824',
    authorName: 'Fancy',
    authorHandle: 'fancy',
    date: 'March 11, 2024',
    lang: 'en',
    dir: 'ltr',
    text: ['Pre-order the stoneware pour-over set, ships in six weeks ', link('Po6vR1s', 'fancy.com/things/7654321')],
    productUrl: catalogue.pourOverSet.product.url,
  },
  emoji: {
    ...byTheBand,
    id: '1771540263811813376',
    date: 'March 23, 2024',
    text: [
      'Tour tees are here 🎸🔥👕 sizes S–XL, and the 👩‍🎤 on the back is our drummer ',
      { hashtag: 'TheBandTour' },
      ' ',
      link('Tt2eQ8z', 'musictoday.com/store/theband/tour-tee', {
        to: 'https://musictoday.com/store/theband/tour-tee?utm_source=twitter&utm_campaign=tour2024',
      }),
    ],
    productUrl: catalogue.tourTee.product.url,
  },
  liveCd: {
    id: '1733366519208964096',
    authorName: '東京バンド',
    authorHandle: 'tokyoband',
    date: 'December 9, 2023',
    lang: 'ja',
    dir: 'ltr',
    text: ['武道館ライブのCDが発売されました！ ', link('Jp5cD7m', 'tokyoband.musictoday.com/live-cd')],
    productUrl: catalogue.liveCd.product.url,
  },
  recordingGuide: {
    id: '1780016327751602176',
    authorName: 'Small Room Press',
    authorHandle: 'smallroompress',
    date: 'April 15, 2024',
    lang: 'en',
    dir: 'ltr',
    text: [
      'The Field Guide to Home Recording is out as an e-book ',
      link('Sr4bK0y', 'buy.stripe.com/test_6oE5lY0aB1cD'),
    ],
    productUrl: catalogue.recordingGuide.product.url,
  },
  privateDemo: {
    ...byTheBand,
    id: '1775630071234560000',
    date: 'April 3, 2024',
    text: ['Members: the demo tapes are up ', link('Pd1mX3c', 'gumroad.com/l/private-demo')],
    productUrl: notForSale.privateDemo.url,
  },
  withMedia: {
    ...byTheBand,
    id: '1781234567890123776',
    date: 'April 19, 2024',
    text: [
      'From the studio last night. The album is out now ',
      link('Md9aL2b', 'gumroad.com/l/new-album'),
      ' ',
      link('Xy7Zq2Lm9K', 'pic.twitter.com/Xy7Zq2Lm9K', { to: photo('theband', '1781234567890123776') }),
    ],
    productUrl: catalogue.album.product.url,
  },
  quote: {
    id: '1782345678901234688',
    authorName: 'Record Store Weekly',
    authorHandle: 'recordstorewkly',
    date: 'April 22, 2024',
    lang: 'en',
    dir: 'ltr',
    // The quoted tweet's status link comes first: the tweet's own is the date link at the end.
    text: [
      'Still our album of the year, and the FLAC is on Gumroad ',
      link('Rs5qW8e', 'gumroad.com/l/new-album'),
      ' ',
      link('Qt0tE4d', 'twitter.com/theband/status/509074208133345280'),
    ],
    productUrl: catalogue.album.product.url,
  },
  rtl: {
    id: '1783456789012345600',
    authorName: 'متجر الإضاءة',
    authorHandle: 'lightshop_ar',
    date: 'April 25, 2024',
    lang: 'ar',
    dir: 'rtl',
    text: [
      'مصباح من خشب الجوز مصنوع يدويًا، بثلاثة تشطيبات ',
      link('Ar2lM6p', 'fancy.com/things/1234567/handmade-walnut-lamp'),
    ],
    productUrl: catalogue.walnutLamp.product.url,
  },
  noProduct: {
    ...byTheBand,
    id: '1784567890123456512',
    date: 'April 28, 2024',
    text: [
      'Thank you Lisbon! What a night. Thanks ',
      { mention: 'coliseulisboa' },
      ' ',
      { hashtag: 'TheBandTour' },
      ' ',
      link('Nx3pH7r', 'pic.twitter.com/Nx3pH7r1Qz', { to: photo('theband', '1784567890123456512') }),
    ],
  },
  cutLink: {
    ...byTheBand,
    id: '1785678901234567424',
    date: 'May 1, 2024',
    // The display text is cut: only data-expanded-url tells the link (with www. and a trailing slash).
    text: [
      'Vinyl pre-orders are open ',
      link('Vn8yL5t', 'musictoday.com/store/theband/…', {
        expandedUrl: 'https://www.musictoday.com/store/theband/vinyl/',
      }),
    ],
    productUrl: catalogue.vinyl.product.url,
  },
  cutLinkTitle: {
    id: '1786789012345679360',
    authorName: 'Quiet Places Audio',
    authorHandle: 'quietplaces',
    date: 'May 4, 2024',
    lang: 'en',
    dir: 'ltr',
    // The display text is cut: only the title tells the link.
    text: [
      'Nine years of field recordings in one download ',
      link('Fr6cT1u', 'gumroad.com/l/complete-fiel…', {
        title: 'https://gumroad.com/l/complete-field-recordings',
        to: 'https://gumroad.com/l/complete-field-recordings',
      }),
    ],
    productUrl: catalogue.fieldRecordings.product.url,
  },
  jakartaTote: {
    ...byTheBand,
    id: '1787900123456789504',
    date: 'May 7, 2024',
    // Rupiah: Stripe counts it in hundredths, though browsers show none.
    text: [
      'Terima kasih Jakarta! Tote bags from the show are in the store ',
      link('Jk4tB9v', 'musictoday.com/store/theband/…', {
        to: 'https://musictoday.com/store/theband/jakarta-tote',
      }),
    ],
    productUrl: catalogue.jakartaTote.product.url,
  },
  linenThrow: {
    id: '1788100234567890944',
    authorName: 'Fancy',
    authorHandle: 'fancy',
    date: 'May 9, 2024',
    lang: 'en',
    dir: 'ltr',
    // Three colours at one price: its variants leave price and availability to the product.
    text: [
      'Stonewashed linen throw in oat, charcoal and rust ',
      link('Ln5tH2w', 'fancy.com/things/2345678/stonew…', {
        to: 'https://fancy.com/things/2345678/stonewashed-linen-throw',
      }),
    ],
    productUrl: catalogue.linenThrow.product.url,
  },
} satisfies Record<string, FixtureTweet>;

/** The tweet's URL as twitter.com gives it. */
export const tweetUrl = (tweet: FixtureTweet): string => `https://twitter.com/${tweet.authorHandle}/status/${tweet.id}`;

/** t.co links that no fixture tweet holds, and where they go. */
export const moreTcoLinks = {
  /** A shop that no partner sells through. */
  unsupportedShop: { tco: 'https://t.co/Sh0p9Xq2', to: 'https://shop.example/products/enamel-mug' },
  /** Another shortener: a link endpoint gives its link and never follows it. */
  shortener: { tco: 'https://t.co/Bt1yRd4W', to: 'https://bit.ly/3TheBand' },
  /** An old link, on plain http. */
  plainHttp: { tco: 'https://t.co/Hp8oLd2z', to: 'http://fancy.com/things/7654321' },
};

/**
 * Where each t.co link goes (`https://t.co/{code}` → the link), as the mock's t.co answers: every
 * link of `fixtureTweets`, and `moreTcoLinks`. A code not in here is one t.co does not know.
 */
export const tcoLinks: Readonly<Record<string, string>> = Object.fromEntries([
  ...(Object.values(fixtureTweets) as FixtureTweet[])
    .flatMap((tweet) => tweet.text)
    .flatMap((piece) => (typeof piece === 'object' && 'tco' in piece ? [[piece.tco, piece.to] as const] : [])),
  ...Object.values(moreTcoLinks).map(({ tco, to }) => [tco, to] as const),
]);
