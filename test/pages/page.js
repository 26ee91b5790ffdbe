// A publisher's page in the tests: it points every element at the mock partner on this origin (a
// real HTTP server, since these pages run no service worker) and notes what goes wrong.
window.violations = [];
window.errors = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
window.addEventListener('error', (event) => window.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.errors.push(String(event.reason)));
// ?lang=de: the page's own language, which its cards follow (docs/publishers/languages.md: the nearest ancestor's).
const lang = new URLSearchParams(location.search).get('lang');
if (lang) document.documentElement.lang = lang;
// ?langs=de,ja: each element's own language, in order.
const langs = new URLSearchParams(location.search).get('langs')?.split(',') ?? [];
document.querySelectorAll('buy-tweet').forEach((element, index) => langs[index] && (element.lang = langs[index]));
for (const element of document.querySelectorAll('buy-tweet[data-partner]')) {
  element.setAttribute('endpoint', `${location.origin}/${element.dataset.partner}/v1`);
}
