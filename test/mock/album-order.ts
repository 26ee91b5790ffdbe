/** The order both the fake Stripe's tests and its return page (test/pages/stripe-return.ts) pay for. */
export const orderAlbum = (endpoint: string): Promise<Response> =>
  fetch(`${endpoint}/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      productId: 'prod_album',
      variantId: 'var_mp3',
      quantity: 1,
      email: 'a@example.com',
      shipping: null,
      expectedTotal: { amount: 999, currency: 'USD' },
      source: {},
    }),
  });
