// Demo only: registers sw.js, which answers the embed code's widgets.js offline (see there).
// On the very first visit the page is not controlled yet, so its widgets.js requests went to the
// network and failed: the page reloads once, when the worker takes control. After that every
// visit is controlled from the start.
if ('serviceWorker' in navigator) {
  // The page enforces Trusted Types, and `register` takes a script URL: this policy lets sw.js
  // through and nothing else.
  const worker = new URL('sw.js', document.baseURI).href;
  const urls = window.trustedTypes?.createPolicy('buy-tweet-demo', {
    createScriptURL: (url) => {
      if (url !== worker) throw new TypeError(`buy-tweet demo: only ${worker} may be registered`);
      return url;
    },
  });
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  }
  navigator.serviceWorker
    .register(urls ? urls.createScriptURL(worker) : worker, { type: 'module', scope: './' })
    .catch((error) => console.warn('buy-tweet demo: no service worker, so the tweets stay as embed code:', error));
}
