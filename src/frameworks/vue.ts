/**
 * `import 'buy-tweet/vue'`: `<buy-tweet>` among Vue's `GlobalComponents`, for Vue's template type
 * checking (vue-tsc, Volar). Vue knows components by their props (`productUrl`, which templates may
 * write `product-url`) and listeners (`onBuyTweetLoad`, written `@buy-tweet-load`). Tell Vue's
 * compiler that `buy-tweet` is a custom element (`compilerOptions.isCustomElement`, README).
 */
import type { DefineComponent } from 'vue';
import type { BuyTweetAttributes, BuyTweetEvents, BuyTweetProperties, Camel } from './element.js';

type VueProps = { [Name in keyof BuyTweetAttributes as Camel<Name>]: BuyTweetAttributes[Name] } & BuyTweetProperties & {
    [Name in keyof BuyTweetEvents as `on${Capitalize<Camel<Name>>}`]?: (event: BuyTweetEvents[Name]) => void;
  };

declare module 'vue' {
  interface GlobalComponents {
    'buy-tweet': DefineComponent<VueProps>;
  }
}
