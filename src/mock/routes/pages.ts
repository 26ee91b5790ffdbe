/**
 * The pictures and pages the mock's answers link to: product images, receipts of paid orders and
 * the partner's own checkout pages (redirect checkout).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { formatMoney as formatMoneyIn } from '../../core/money.js';
import type { Money } from '../../core/types.js';
import { mockImages, mockPartners } from '../fixtures.js';
import { escapeHtml } from '../oembed.js';
import { html } from './answers.js';
import { productsOf } from './products.js';
import { logRequest, type MockState } from './state.js';

/** As core formats money (Stripe's digits, not the locale's), in English like the mock's pages. */
const formatMoney = (money: Money): string => formatMoneyIn(money, 'en');

const imageSvg = (label: string, color: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">` +
  `<rect width="600" height="600" fill="${color}"/>` +
  `<text x="300" y="320" font-family="system-ui, sans-serif" font-size="56" fill="#fff" text-anchor="middle">` +
  `${escapeHtml(label)}</text></svg>`;

export const pageRoutes = (state: MockState): HttpHandler[] => {
  const picture = async (request: Request, file: string): Promise<Response> => {
    await logRequest(state, 'image', request);
    const image = mockImages[file.replace(/\.svg$/, '')];
    if (!file.endsWith('.svg') || !image) return new HttpResponse('Not found', { status: 404 });
    return new HttpResponse(imageSvg(image.label, image.color), {
      headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' },
    });
  };

  const receipt = async (request: Request, id: string): Promise<Response> => {
    await logRequest(state, 'receipt', request);
    const record = state.orders.find((entry) => entry.order.id === id && entry.order.status === 'paid');
    if (!record) return html('No such receipt', '<p>This order has no receipt.</p>', 404);
    const product = productsOf(state, record.partner).find(
      (entry) => entry.product.id === record.request.productId,
    )?.product;
    return html(
      `Receipt ${record.order.id}`,
      `<p>${escapeHtml(product?.title ?? record.request.productId)} × ${record.request.quantity}</p>` +
        `<p>Paid: ${escapeHtml(formatMoney(record.order.total))}</p>`,
    );
  };

  const checkoutPage = async (request: Request, slug: string): Promise<Response> => {
    await logRequest(state, 'checkout', request);
    const product = mockPartners
      .flatMap((partner) => productsOf(state, partner.id))
      .find(
        ({ product }) => product.checkout.type === 'redirect' && product.checkout.url === `/__mock/checkout/${slug}`,
      )?.product;
    if (!product) return html('No such checkout', '<p>Nothing is sold here.</p>', 404);
    return html(`Checkout: ${product.title}`, `<p>${escapeHtml(formatMoney(product.price))}</p><button>Pay</button>`);
  };

  return [
    http.get('*/__mock/images/:file', ({ request, params }) => picture(request, String(params.file))),
    http.get('*/__mock/receipts/:id', ({ request, params }) => receipt(request, String(params.id))),
    http.get('*/__mock/checkout/:slug', ({ request, params }) => checkoutPage(request, String(params.slug))),
  ];
};
