/** Which step of the journey failed (CONTRACT 2, `buy-tweet-error`). */
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
  readonly code: ErrorCode;
  readonly step: Step;
  readonly status?: number;
  readonly retryable: boolean;
  readonly details?: Record<string, unknown>;

  constructor(init: BuyTweetErrorInit) {
    super(init.message);
    this.code = init.code;
    this.step = init.step;
    this.status = init.status;
    this.retryable = init.retryable ?? false;
    this.details = init.details;
  }

  /** The plain object of `buy-tweet-error`'s detail. */
  toDetail(): ErrorDetail {
    const detail: ErrorDetail = {
      code: this.code,
      message: this.message,
      step: this.step,
      retryable: this.retryable,
    };
    if (this.status !== undefined) detail.status = this.status;
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

/** HTTP statuses worth asking again: the partner is busy or broken for now. */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;
