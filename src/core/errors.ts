/** Which step of the journey failed (docs/publishers/events.md, `buy-tweet-error`). */
export type Step = 'tweet' | 'lookup' | 'order' | 'payment';

export type ErrorCode =
  | 'unsupported_link'
  | 'tweet_unavailable'
  | 'network'
  | 'partner_error'
  | 'invalid_response'
  | 'product_not_found'
  | 'not_for_sale'
  | 'price_changed'
  | 'sold_out'
  | 'invalid_request'
  | 'idempotency_conflict'
  | 'stripe_unavailable'
  | 'payment_failed'
  // A partner may answer with codes of its own; they pass through as they are.
  | (string & {});

export interface BuyTweetErrorInit {
  code: ErrorCode;
  message: string;
  step: Step;
  status?: number;
  retryable?: boolean;
  /** Extra fields of the partner's error object (`total` of price_changed, `fields` of 422). */
  details?: Record<string, unknown>;
}

/**
 * The one error type of buy-tweet: what `buy-tweet-error` carries as detail and what
 * `BuyTweet.resolve` rejects with.
 */
export class BuyTweetError extends Error {
  override name = 'BuyTweetError';
  declare readonly code: ErrorCode;
  declare readonly step: Step;
  declare readonly status?: number;
  declare readonly retryable: boolean;
  declare readonly details?: Record<string, unknown>;

  constructor({ message, retryable = false, cause, ...rest }: BuyTweetErrorInit & { cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    Object.assign(this, rest, { retryable });
  }

  /** `error` itself when it is a `BuyTweetError`, else one made of `fallback`, keeping `error` as its cause. */
  static from(error: unknown, fallback: Omit<BuyTweetErrorInit, 'message'> & { message?: string }): BuyTweetError {
    return error instanceof BuyTweetError
      ? error
      : new BuyTweetError({
          message: error instanceof Error ? error.message : String(error),
          ...fallback,
          cause: error,
        });
  }

  /** The plain object of `buy-tweet-error`'s detail. */
  toDetail(): ErrorDetail {
    const { code, message, step, status, retryable } = this;
    const detail: ErrorDetail = { code, message, step, retryable };
    if (status !== undefined) detail.status = status;
    return detail;
  }
}

export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  step: Step;
  status?: number;
  retryable: boolean;
}
