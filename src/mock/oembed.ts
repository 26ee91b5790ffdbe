/**
 * Embedded tweets as twitter.com writes them: the `<blockquote class="twitter-tweet">` markup of
 * the embed code and the JSON of `https://publish.twitter.com/oembed`.
 */
import { tweetUrl, type FixtureTweet, type TweetPiece } from './fixtures.js';

/** Escapes text for HTML text and double-quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);

const REF = 'ref_src=twsrc%5Etfw';

/** A picture's link, which embed code shows as `pic.twitter.com/…` in either shape. */
const isPicture = (display: string) => /^pic\.(twitter|x)\.com\//.test(display);

const pieceHtml = (piece: TweetPiece, links: EmbedLinks): string => {
  if (typeof piece === 'string') return escapeHtml(piece).replace(/\n/g, '<br>');
  if ('mention' in piece) {
    return `<a href="https://twitter.com/${escapeHtml(piece.mention)}?${REF}">@${escapeHtml(piece.mention)}</a>`;
  }
  if ('hashtag' in piece) {
    const href = `https://twitter.com/hashtag/${encodeURIComponent(piece.hashtag)}?src=hash&amp;${REF}`;
    return `<a href="${href}">#${escapeHtml(piece.hashtag)}</a>`;
  }
  if (links === 'tco') {
    const text = isPicture(piece.display) ? piece.display : piece.tco;
    return `<a href="${escapeHtml(piece.tco)}">${escapeHtml(text)}</a>`;
  }
  const expanded = piece.expandedUrl ? ` data-expanded-url="${escapeHtml(piece.expandedUrl)}"` : '';
  const title = piece.title ? ` title="${escapeHtml(piece.title)}"` : '';
  return `<a href="${escapeHtml(piece.tco)}"${expanded}${title}>${escapeHtml(piece.display)}</a>`;
};

/**
 * How embed code writes a tweet's t.co links:
 * - `display`: with the text the reader sees (`gumroad.com/l/new-album`) and, where the tweet
 *   has them, `data-expanded-url` and `title`, as embed code used to;
 * - `tco`: as publish.twitter.com writes them today, the t.co link as its own text and nothing
 *   more (`<a href="https://t.co/X">https://t.co/X</a>`; pictures keep `pic.twitter.com/X`), so
 *   that only a link endpoint can tell where they go. Real embed code of this shape, pasted from
 *   "Embed post": `tools/how-to-write-article.md` of github.com/Naba0123/nabalog, and a picture
 *   link in `TWITTER-BLOCKQUOTE-METHOD.md` of github.com/DomanicBlaze040604/finalfrontenddominica.
 */
export type EmbedLinks = 'display' | 'tco';

export interface EmbedOptions {
  /** Leave out the `widgets.js` script tag, as `omit_script=true` asks. Default true. */
  omitScript?: boolean;
  /** How t.co links are written. Default `display`. */
  links?: EmbedLinks;
}

/** The embed code of a tweet, exactly in twitter.com's shape. */
export const embedHtml = (tweet: FixtureTweet, { omitScript = true, links = 'display' }: EmbedOptions = {}): string => {
  const text = tweet.text.map((piece) => pieceHtml(piece, links)).join('');
  const paragraph = `<p lang="${escapeHtml(tweet.lang)}" dir="${tweet.dir}">${text}</p>`;
  const byline = `&mdash; ${escapeHtml(tweet.authorName)} (@${escapeHtml(tweet.authorHandle)})`;
  const dateLink = `<a href="${escapeHtml(tweetUrl(tweet))}?${REF}">${escapeHtml(tweet.date)}</a>`;
  const script = omitScript
    ? ''
    : '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n';
  return `<blockquote class="twitter-tweet">${paragraph}${byline} ${dateLink}</blockquote>\n${script}`;
};

/** The JSON publish.twitter.com answers for a tweet. */
export interface OEmbed {
  url: string;
  author_name: string;
  author_url: string;
  html: string;
  width: number;
  height: null;
  type: 'rich';
  cache_age: string;
  provider_name: 'Twitter';
  provider_url: 'https://twitter.com';
  version: '1.0';
}

export const oembedFor = (tweet: FixtureTweet, options?: EmbedOptions): OEmbed => ({
  url: tweetUrl(tweet),
  author_name: tweet.authorName,
  author_url: `https://twitter.com/${tweet.authorHandle}`,
  html: embedHtml(tweet, options),
  width: 550,
  height: null,
  type: 'rich',
  cache_age: '3153600000',
  provider_name: 'Twitter',
  provider_url: 'https://twitter.com',
  version: '1.0',
});
