/** `@buy-tweet/partner`: the reference partner of docs/partners/reference-partner.md, for any runtime with fetch (Node: ./node.ts). */
export { createPartner, type FetchHandler, type PartnerOptions, type PartnerStripeOptions } from './partner.js';
export { openStore, DEFAULT_DATA_DIR, type PartnerStore, type StoreOptions, type StoredOrder } from './store.js';
export { readCatalog, linkKey, CatalogError, type Catalog, type CatalogEntry } from './catalog.js';
