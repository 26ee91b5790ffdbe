/**
 * `npm run example:react`: this example in a browser, offline. esbuild bundles main.tsx as an app's
 * bundler would, with this folder's tsconfig.json (`buy-tweet` is the sources), behind
 * mock-partner.ts (the mock partner server, the fake Stripe); one page serves it under a strict
 * Content-Security-Policy, as a careful site would. Needs `npm run build` (the mock partner server
 * is the build's).
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startMockPartnerServer } from '../../dist/esm/mock/server.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const host = '127.0.0.1';

/** The page's script: mock-partner.ts for `mockPartner`, then the app (main.tsx). */
const bundlePage = (mockPartner) =>
  build({
    stdin: {
      // import(), not a bare import: this folder is under buy-tweet's package.json, which marks
      // every module but the define module as free of side effects, and a bundler keeps a bare
      // import only of a module with side effects.
      contents: "await import('./mock-partner.ts');\nawait import('./main.tsx');\n",
      resolveDir: here,
      sourcefile: 'app.ts',
      loader: 'ts',
    },
    tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
    // React's development build, for its warnings: this is a page to develop with.
    define: { 'process.env.NODE_ENV': '"development"', MOCK_PARTNER: JSON.stringify(mockPartner) },
  });

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>buy-tweet in React 19</title>
<script type="module" src="/app.js"></script>
</head>
<body>
<div id="root"></div>
</body>
</html>
`;

/** Starts the mock partner and the page; gives `{url, partner, close}`. */
export const startExample = async ({ port = 8081, mockPort = 8789 } = {}) => {
  const partner = await startMockPartnerServer({ host, port: mockPort });
  const { outputFiles } = await bundlePage(partner.url);
  const app = outputFiles[0].text;
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${partner.url}`,
    `connect-src 'self' ${partner.url}`,
    'frame-src https://js.stripe.com',
    "require-trusted-types-for 'script'",
    'trusted-types lit-html buy-tweet',
  ].join('; ');
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', `http://${host}`);
    const body = { '/': page, '/app.js': app }[pathname];
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      'Content-Type': pathname === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
      'Content-Security-Policy': policy,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${server.address().port}/`,
    partner,
    close: () => Promise.all([new Promise((resolve) => server.close(resolve)), partner.close()]),
  };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const example = await startExample({
    port: Number(process.env.PORT ?? 8081),
    mockPort: Number(process.env.MOCK_PORT ?? 8789),
  });
  console.log(`React example:        ${example.url}`);
  console.log(`mock partner server:  ${example.partner.url}`);
  console.log('Stop with Ctrl+C.');
  const stop = () => example.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
