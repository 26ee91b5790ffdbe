/** Where each seed partner's protocol endpoint answers: on its own host, and on any origin. */
import { mockPartners, type PartnerId } from '../fixtures.js';

export interface PartnerEndpoint {
  partner: PartnerId;
  /** The endpoint's URL pattern, without the trailing slash. */
  base: string;
}

export const partnerEndpoints: readonly PartnerEndpoint[] = mockPartners.flatMap(({ id, host }) =>
  [`https://${host}/.well-known/buy-tweet/v1`, `*/${id}/v1`].map((base) => ({ partner: id, base })),
);
