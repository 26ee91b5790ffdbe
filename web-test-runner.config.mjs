import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { chromeArgs, findChrome } from './scripts/find-chrome.mjs';
import { reactModules } from './scripts/react-modules.mjs';
import { browserReporter } from './test/browser-reporter.mjs';
import { createPartnerMock } from './dist/esm/mock/handlers.js';
import { createRequestListener } from './dist/esm/mock/server.js';

let executablePath;
try {
  executablePath = findChrome();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

// The mock partner over real HTTP on the test page's own origin, for pages that cannot run a
// service worker (the strict-CSP page loads only what its policy allows).
const listen = createRequestListener(createPartnerMock());
const mockPartner = async (context, next) => {
  if (!/^\/(gumroad|fancy|musictoday|stripe)\/v1\/|^\/oembed|^\/links|^\/__mock\//.test(context.path)) return next();
  context.respond = false;
  if (!(await listen(context.req, context.res))) {
    context.respond = true;
    return next();
  }
};

// The strict page of CONTRACT / issue 2: its policy comes as a header, as a publisher would send it.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; " +
  "connect-src 'self' http://127.0.0.1:*; require-trusted-types-for 'script'; " +
  'trusted-types lit-html buy-tweet; report-uri /__csp-report';
const cspViolations = [];
const strictPages = async (context, next) => {
  if (context.path === '/__csp-report') {
    const chunks = [];
    for await (const chunk of context.req) chunks.push(chunk);
    cspViolations.push(Buffer.concat(chunks).toString());
    context.status = 204;
    return;
  }
  if (context.path === '/__csp-reports') {
    context.body = JSON.stringify(cspViolations.splice(0));
    context.type = 'json';
    return;
  }
  await next();
  // test/pages/publisher.html?csp=strict is the strict page; ?csp=strict-pay also allows
  // Stripe.js, as a strict page that takes payments does.
  if (context.path !== '/test/pages/publisher.html') return;
  const policy = context.query.csp;
  if (policy === 'strict') context.set('Content-Security-Policy', CSP);
  if (policy === 'strict-pay') {
    context.set(
      'Content-Security-Policy',
      CSP.replace("script-src 'self'", "script-src 'self' https://js.stripe.com") + '; frame-src https://js.stripe.com',
    );
  }
};

// src/words/language.ts loads a language's words as `./${language}.js`, a name made at run time, which
// the browser asks for as it is: here the source is TypeScript.
const wordsSource = (context, next) => {
  if (/^\/src\/words\/[\w-]+\.js$/.test(context.path)) context.path = context.path.replace(/\.js$/, '.ts');
  return next();
};

// Test files run side by side, each page in a browser context of its own: its own window, so it is
// visible and its animation frames and intersection observers run (a second tab of one window is
// hidden, and waits forever); its own storage and service worker, so one file's msw handlers and
// storage are not another's. Each page is told it has focus, as the only window on a screen would,
// so focus and keyboard tests hold with others running.
const createPage = async ({ browser }) => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const session = await page.createCDPSession();
  await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  page.once('close', () => context.close().catch(() => {}));
  return page;
};

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['test/**/*.test.ts'],
  // Lit's development build: its warnings about misuse reach the console, where test/noise.ts
  // fails the test that caused them. Its one notice that it is in dev mode is expected.
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 3,
  plugins: [
    esbuildPlugin({ ts: true, tsx: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    reactModules(),
  ],
  middleware: [strictPages, mockPartner, wordsSource],
  browsers: [chromeLauncher({ launchOptions: { executablePath, args: chromeArgs() }, createPage })],
  testFramework: { config: { timeout: 10000 } },
  browserLogs: true,
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode.')),
  reporters: [browserReporter()],
};
