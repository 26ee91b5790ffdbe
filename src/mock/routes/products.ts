/**
 * Lookups, `GET {endpoint}/products?url=...`: the seed catalogue as this mock sells it now (with
 * `updateProduct`'s changes), the links it withholds, and the faults that shape single entries.
 */
import { http, type HttpHandler } from 'msw';
import type { Product } from '../../core/types.js';
import { productLinkKey } from '../../core/rules.js';
import { isEntryFault, parseFault, type Fault } from '../faults.js';
import {
  catalogue,
  mockImages,
  notForSale,
  productAt,
  type CatalogueEntry,
  type NotForSaleEntry,
  type PartnerId,
} from '../fixtures.js';
import { errorAnswer, HOSTILE, json, parseUrl } from './answers.js';
import { partnerEndpoints } from './endpoints.js';
import { counted, faultAnswer, requestFault, unknownFault } from './faults.js';
import { logRequest, type MockState } from './state.js';

const entries = Object.values(catalogue) as CatalogueEntry[];
const notForSaleEntries = Object.values(notForSale) as NotForSaleEntry[];

/** The link of generated product `n` (from 1), as `PartnerMockOptions.generatedProducts` sells it. */
export const generatedProductUrl = (n: number): string => `https://gumroad.com/l/generated-${n}`;

const imageNames = Object.keys(mockImages);

/** Generated product `n`: seed-like, with the seed pictures in turn and a price of its own. */
const generatedProduct = (n: number): CatalogueEntry => ({
  partner: 'gumroad',
  product: {
    id: `prod_generated_${n}`,
    url: generatedProductUrl(n),
    title: `Generated Product ${n}`,
    image: {
      url: `/__mock/images/${imageNames[(n - 1) % imageNames.length]}.svg`,
      alt: `Picture of generated product ${n}`,
      width: 600,
      height: 600,
    },
    merchant: { name: 'Generated Goods', url: 'https://generated.gumroad.com' },
    price: { amount: 500 + n * 25, currency: 'USD' },
    availability: 'in_stock',
    variants: [],
    maxQuantity: 1,
    requiresShipping: false,
    checkout: { type: 'stripe', publishableKey: 'pk_test_buytweet_gumroad' },
  },
});

/** The seed catalogue and, when asked for, the generated products. */
const entriesOf = (state: MockState): CatalogueEntry[] => {
  const count = state.options.generatedProducts ?? 0;
  if (!count) return entries;
  state.generated ??= Array.from({ length: count }, (_, i) => generatedProduct(i + 1));
  return [...entries, ...state.generated];
};

/** A partner's products as this mock sells them now, with the links each is also found at. */
export const productsOf = (state: MockState, partner: PartnerId): { product: Product; aliases: string[] }[] =>
  entriesOf(state)
    .filter((entry) => entry.partner === partner)
    .map((entry) => ({
      product: { ...entry.product, ...state.productPatches.get(entry.product.id) },
      aliases: entry.aliases ?? [],
    }));

export const updateProduct = (state: MockState, productId: string, patch: Partial<Product>): void => {
  if (!entriesOf(state).some((entry) => entry.product.id === productId)) {
    throw new TypeError(`buy-tweet mock: no product "${productId}"`);
  }
  state.productPatches.set(productId, { ...state.productPatches.get(productId), ...patch });
};

/** How the mock recognises a product link: as every partner does, less its own `fault` parameter. */
const linkKey = (url: URL): string => {
  const link = new URL(url.href);
  link.searchParams.delete('fault');
  return productLinkKey(link) ?? link.href;
};

const stubProduct = (partner: PartnerId, link: string): Product => ({
  id: 'prod_unlisted',
  url: link,
  title: 'Unlisted product',
  merchant: { name: 'Mock Partner' },
  price: { amount: 100, currency: 'USD' },
  availability: 'in_stock',
  variants: [],
  maxQuantity: 1,
  requiresShipping: false,
  checkout: { type: 'stripe', publishableKey: `pk_test_buytweet_${partner}` },
});

const faultyEntry = (fault: Fault, link: string, product: Product): unknown => {
  if (fault.name === 'partner-error') {
    return {
      url: link,
      error: { code: 'partner_specific_error', message: `The mock partner was asked to fail (fault ${fault.spec}).` },
    };
  }
  if (fault.name === 'schema') {
    return {
      ...product,
      title: undefined,
      price: { amount: String(product.price.amount), currency: product.price.currency },
    };
  }
  return {
    ...product,
    title: `${product.title} ${HOSTILE}`,
    description: `${HOSTILE}<script>alert(1)</script>`,
    image: { url: 'javascript:alert(1)', alt: HOSTILE },
    merchant: { name: `<b>${product.merchant.name}</b>${HOSTILE}`, url: 'http://evil.example' },
    ...(product.checkout.type === 'redirect' && { checkout: { type: 'redirect', url: 'javascript:alert(1)' } }),
  };
};

const lookup = async (state: MockState, partner: PartnerId, request: Request): Promise<Response> => {
  await logRequest(state, 'products', request, partner);
  const url = new URL(request.url);
  const links = url.searchParams.getAll('url');
  let shaped = false;

  const chosen = requestFault(state, 'products', request, links.join(' '));
  if (chosen instanceof Response) return chosen;
  let entryFault: Fault | null = null;
  if (chosen) {
    shaped = true;
    if (isEntryFault(chosen)) entryFault = chosen;
    else {
      const answer = await faultAnswer(chosen, 'products');
      if (answer) return answer;
    }
  }

  if (links.length < 1 || links.length > 20) {
    return errorAnswer(400, 'invalid_request', 'Give from 1 to 20 `url` parameters.');
  }

  const parsed = links.map((link) => ({ link, url: parseUrl(link) }));
  const linkFaults: (Fault | null)[] = [];
  for (const { url: linkUrl } of parsed) {
    const spec = linkUrl?.searchParams.get('fault');
    const fault = spec ? parseFault(spec) : null;
    if (spec && !fault) return unknownFault(spec);
    linkFaults.push(fault && linkUrl && counted(state, fault, `products ${linkKey(linkUrl)}`));
  }
  for (const fault of linkFaults) {
    if (!fault || isEntryFault(fault)) continue;
    shaped = true;
    const answer = await faultAnswer(fault, 'products');
    if (answer) return answer;
  }

  const origin = url.origin;
  const known = new Map<string, Product>();
  for (const { product, aliases } of productsOf(state, partner)) {
    for (const link of [product.url, ...aliases]) known.set(linkKey(new URL(link)), product);
  }
  const withheld = new Map(
    notForSaleEntries.filter((entry) => entry.partner === partner).map((entry) => [linkKey(new URL(entry.url)), entry]),
  );

  const products = parsed.map(({ link, url: linkUrl }, i) => {
    const key = linkUrl && linkKey(linkUrl);
    const product = key ? known.get(key) : undefined;
    const fault = entryFault ?? linkFaults[i];
    if (fault && isEntryFault(fault)) {
      shaped = true;
      return faultyEntry(fault, link, productAt(product ?? stubProduct(partner, link), origin));
    }
    if (product) return productAt(product, origin);
    const unsold = key ? withheld.get(key) : undefined;
    if (unsold) return { url: link, error: { code: 'not_for_sale', message: unsold.message } };
    return { url: link, error: { code: 'product_not_found', message: 'No product is sold at this link.' } };
  });
  return json({ products }, 200, { 'Cache-Control': shaped ? 'no-store' : state.lookupCacheControl });
};

export const productRoutes = (state: MockState): HttpHandler[] =>
  partnerEndpoints.map(({ partner, base }) =>
    http.get(`${base}/products`, ({ request }) => lookup(state, partner, request)),
  );
