/**
 * Not part of the app: under this example's own settings, proof that the types refuse what the
 * element does not take. `npm run typecheck` fails if any line below compiles.
 */
import 'buy-tweet/react';

// @ts-expect-error: the element has no such theme
export const wrongTheme = <buy-tweet theme="blue" />;

// @ts-expect-error: React 19 listens for the event's own name, in lower case
export const camelCaseEvent = <buy-tweet onBuyTweetPurchase={() => {}} />;
