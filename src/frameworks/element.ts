/**
 * `<buy-tweet>` as templates see it, written once: `react.ts`, `preact.ts`, `solid.ts`, `vue.ts`
 * and `svelte.ts` only map this into their framework's JSX or template types. The attributes take
 * the element's own property types; the events are the element's entries in
 * `GlobalEventHandlersEventMap` (buy-tweet/events.ts), so a new event reaches every framework.
 */
import type { BuyTweetElement } from '../buy-tweet/buy-tweet.js';
import type * as Events from '../buy-tweet/events.js';

/** The attributes of docs/publishers/attributes.md, by their HTML names. */
export interface BuyTweetAttributes {
  'product-url'?: BuyTweetElement['productUrl'];
  'tweet-url'?: BuyTweetElement['tweetUrl'];
  endpoint?: BuyTweetElement['endpoint'];
  'oembed-endpoint'?: BuyTweetElement['oembedEndpoint'];
  'link-endpoint'?: BuyTweetElement['linkEndpoint'];
  lang?: string;
  theme?: BuyTweetElement['theme'];
  loading?: BuyTweetElement['loading'];
}

/** What is only ever a property: a tweet object of the X API, v2 or v1.1 (never an attribute). */
export interface BuyTweetProperties {
  tweet?: object;
}

/** Any of the element's event classes. */
type BuyTweetEvent = InstanceType<(typeof Events)[keyof typeof Events]>;

/** The element's events by name, as events.ts registers them: `buy-tweet-load` is a `BuyTweetLoadEvent`... */
export type BuyTweetEvents = {
  [
    Name in keyof GlobalEventHandlersEventMap as GlobalEventHandlersEventMap[Name] extends BuyTweetEvent ? Name : never
  ]: GlobalEventHandlersEventMap[Name];
};

/** A listener prop per event, named by the framework's prefix: `on` + `buy-tweet-load`, `on:` + ... */
export type BuyTweetEventProps<Prefix extends string> = {
  [Name in keyof BuyTweetEvents as `${Prefix}${Name}`]?: (event: BuyTweetEvents[Name]) => void;
};

/** Everything a JSX that passes `on` + the event's name as a listener (React 19, Preact, Svelte 5) takes. */
export type BuyTweetProps = BuyTweetAttributes & BuyTweetProperties & BuyTweetEventProps<'on'>;

/** `product-url` → `productUrl`: the element's property for an attribute. */
export type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : Name;
