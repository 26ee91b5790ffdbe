/**
 * `buy-tweet/mock`: the mock partner (t.co, a link endpoint and a widgets.js stand-in included) and
 * the fake Stripe (`installFakeStripe`) for tests and demos. Nothing here needs Node; the HTTP
 * server is `buy-tweet/mock/server`.
 */
export {
  createPartnerMock,
  FAULT_HEADER,
  type FaultRoute,
  type InjectOptions,
  type LoggedRequest,
  type MockOrder,
  type MockRoute,
  type PartnerMock,
  type PartnerMockOptions,
  type PaymentEventType,
} from './handlers.js';
export { startMockPartner, type MockPartnerStartOptions, type RunningMockPartner } from './browser.js';
export {
  catalogue,
  fixtureTweets,
  mockPartners,
  moreTcoLinks,
  notForSale,
  productAt,
  tcoLinks,
  tweetUrl,
  unlistedLinks,
  type CatalogueEntry,
  type FixtureTweet,
  type MockPartner,
  type NotForSaleEntry,
  type PartnerId,
  type TweetPiece,
} from './fixtures.js';
export { embedHtml, oembedFor, type EmbedLinks, type EmbedOptions, type OEmbed } from './oembed.js';
export { WIDGETS_JS_URL, widgetsAnswer, widgetsScript, type WidgetsScriptOptions } from './widgets.js';
export { FAULT_NAMES, FAULT_ROUTES, parseFault, type Fault, type FaultName } from './faults.js';
export {
  fakeStripeCards,
  installFakeStripe,
  IntegrationError,
  type FakeConfirmResult,
  type FakePaymentIntent,
  type FakePaymentIntentStatus,
  type FakeRetrieveResult,
  type FakeStripeCall,
  type FakeStripeClock,
  type FakeStripeControl,
  type FakeStripeError,
  type FakeStripeErrorType,
  type FakeStripeOptions,
  type FakeStripeOutcome,
  type FakeWallet,
  type FakeWalletBuyer,
  type FakeWalletOutcome,
} from './stripe/index.js';
