/**
 * A React 19 app with a Buy button: what the README's "Frameworks" section tells a React user to
 * write. `main.tsx` defines `<buy-tweet>` before React renders, so React sets `tweet` as a property.
 */
import { useState } from 'react';
import type { BuyTweetPurchaseEvent, Product } from 'buy-tweet/api';
import 'buy-tweet/react';

/** A tweet as the X API v2 gives it: its link is read from `expanded_url`, never t.co. */
const tweet = {
  id: '509074208133345280',
  text: 'Our new album is out today https://t.co/AbC123',
  entities: {
    urls: [
      {
        url: 'https://t.co/AbC123',
        expanded_url: 'https://gumroad.com/l/new-album',
        display_url: 'gumroad.com/l/new-album',
      },
    ],
  },
};

export function App({ onPurchase }: { onPurchase?: (event: BuyTweetPurchaseEvent) => void }) {
  const [product, setProduct] = useState<Product | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  return (
    <main>
      <buy-tweet
        tweet={tweet}
        theme="dark"
        onbuy-tweet-load={(event) => setProduct(event.detail.product)}
        onbuy-tweet-purchase={(event) => {
          setOrderId(event.detail.order.id);
          onPurchase?.(event);
        }}
      />
      <p role="status">{orderId ? `Thank you: order ${orderId}` : product ? `On sale: ${product.title}` : ''}</p>
    </main>
  );
}
