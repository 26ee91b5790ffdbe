/** What Stripe.js throws for a mistake in the integration (not the buyer's). */
export class IntegrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IntegrationError';
  }
}
