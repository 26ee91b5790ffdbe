// `npx buy-tweet-partner domains add|list` as a real process against the Stripe stand-in: the
// publisher domains registered as payment method domains, each wallet's status, a domain already
// there, domains refused before any call to Stripe, and Stripe missing or refusing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import Stripe from 'stripe';
import { startStripeApi } from '@buy-tweet/partner/test-kit';
import { checkDomain } from '../dist/domains.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const secretKey = 'sk_test_domains_secret_0123456789';
const ASSOCIATION = 'https://stripe.com/files/apple-pay/apple-developer-merchantid-domain-association';

/** Runs the bin to its end: its exit status and what it printed. */
const run = async (args, env = {}) => {
  const child = spawn(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, STRIPE_SECRET_KEY: secretKey, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'close');
  assert.ok(!`${stdout}${stderr}`.includes(secretKey), 'the secret key is never printed');
  return { code, stdout, stderr };
};

describe('checkDomain', () => {
  for (const [input, domain] of [
    ['shop.example', 'shop.example'],
    ['Shop.Example', 'shop.example'],
    ['  www.shop.example ', 'www.shop.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['ＳＨＯＰ.example', 'shop.example'],
    ['a-b.c-d.example', 'a-b.c-d.example'],
  ]) {
    test(`takes ${JSON.stringify(input)} as ${domain}`, () =>
      assert.deepEqual(checkDomain(input), { ok: true, domain }));
  }
  for (const [input, reason] of [
    ['', /no domain/],
    ['   ', /no domain/],
    ['https://shop.example', /no scheme: give shop\.example alone, without https:\/\//],
    ['http://shop.example/page', /no scheme: give shop\.example alone/],
    ['shop.example/checkout', /no path, query or fragment: give shop\.example alone/],
    ['shop.example:8443/x', /no path, query or fragment: give shop\.example alone/],
    ['shop.example?utm=1', /no path, query or fragment/],
    ['shop.example:443', /no port: give shop\.example alone/],
    ['*.shop.example', /no wildcard/],
    ['user@shop.example', /no user name/],
    ['203.0.113.7', /an IP address is not a domain/],
    ['[2001:db8::1]', /an IP address is not a domain/],
    ['localhost', /a domain on the web has a dot/],
    ['shop.example.', /no trailing dot: give shop\.example/],
    ['shop..example', /an empty label/],
    ['sh_op.example', /not a host name label/],
    ['-shop.example', /not a host name label/],
    ['shop example', /no spaces/],
    [`${'a'.repeat(64)}.example`, /is over 63 characters/],
    [`${'abcdefghi.'.repeat(25)}example`, /too long: 257 characters, a domain has at most 253/],
  ]) {
    test(`refuses ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}...` : input)}`, () => {
      const check = checkDomain(input);
      assert.equal(check.ok, false);
      assert.match(check.reason, reason);
    });
  }
});

describe('buy-tweet-partner domains', () => {
  let stripe;
  let env;
  before(async () => {
    stripe = await startStripeApi();
    env = { STRIPE_API_BASE: stripe.apiBase };
  });
  after(() => stripe.close());

  test('add registers the domain, prints each wallet and what Apple Pay asks; list shows it', async () => {
    const added = await run(['domains', 'add', 'Shop.Example'], env);
    assert.equal(added.code, 0, added.stderr);
    const [registered] = stripe.paymentMethodDomains.filter((domain) => domain.domain_name === 'shop.example');
    assert.ok(registered, 'Stripe has the domain, lower-cased');
    assert.match(
      added.stdout,
      new RegExp(`^shop\\.example: registered on this Stripe account \\(${registered.id}, test mode\\)`),
    );
    for (const wallet of ['amazon_pay', 'apple_pay', 'google_pay', 'klarna', 'link', 'paypal']) {
      assert.match(added.stdout, new RegExp(`^  ${wallet} +active$`, 'm'));
    }
    assert.ok(added.stdout.includes(ASSOCIATION));
    assert.ok(added.stdout.includes('https://shop.example/.well-known/apple-developer-merchantid-domain-association'));
    assert.match(added.stdout, /Test mode: register it with your live key too/);

    const listed = await run(['domains', 'list'], env);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(
      listed.stdout,
      /^shop\.example +amazon_pay active, apple_pay active, google_pay active, .*paypal active$/m,
    );
  });

  test("--json gives Stripe's PaymentMethodDomain objects", async () => {
    const added = await run(['domains', 'add', 'json.example', '--json'], env);
    assert.equal(added.code, 0, added.stderr);
    const answer = JSON.parse(added.stdout);
    assert.equal(answer.domain, 'json.example');
    assert.equal(answer.status, 'registered');
    assert.equal(answer.paymentMethodDomain.object, 'payment_method_domain');
    assert.deepEqual(answer.paymentMethodDomain.apple_pay, { status: 'active' });
    assert.deepEqual(answer.applePay, {
      serveAt: 'https://json.example/.well-known/apple-developer-merchantid-domain-association',
      file: ASSOCIATION,
    });
    const listed = await run(['domains', 'list', '--json'], env);
    assert.equal(listed.code, 0, listed.stderr);
    const { paymentMethodDomains } = JSON.parse(listed.stdout);
    assert.ok(paymentMethodDomains.some((domain) => domain.id === answer.paymentMethodDomain.id));
  });

  test('a domain already registered is said so, with its wallets, and not registered again', async () => {
    stripe.addPaymentMethodDomain('known.example', {
      apple_pay: {
        status: 'inactive',
        status_details: { error_message: 'The domain association file was not found.' },
      },
    });
    const first = await run(['domains', 'add', 'known.example'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^known\.example: already registered on this Stripe account/);
    assert.match(first.stdout, /^  apple_pay +inactive: The domain association file was not found\.$/m);
    const again = await run(['domains', 'add', 'known.example', '--json'], env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).status, 'already_registered');
    assert.equal(stripe.paymentMethodDomains.filter((domain) => domain.domain_name === 'known.example').length, 1);
  });

  test('two adds of one domain at once register it once, and neither fails', async () => {
    const both = await Promise.all([
      run(['domains', 'add', 'race.example'], env),
      run(['domains', 'add', 'race.example'], env),
    ]);
    assert.deepEqual(
      both.map(({ code }) => code),
      [0, 0],
      both.map(({ stderr }) => stderr).join('\n'),
    );
    assert.deepEqual(both.map(({ stdout }) => stdout.split('\n')[0].replace(/ \(pmd_\w+, test mode\)$/, '')).sort(), [
      'race.example: already registered on this Stripe account',
      'race.example: registered on this Stripe account',
    ]);
    assert.equal(stripe.paymentMethodDomains.filter((domain) => domain.domain_name === 'race.example').length, 1);
  });

  test('the stand-in refuses a second registration as an invalid request, as the SDK sees it', async () => {
    const sdk = new Stripe(secretKey, { host: '127.0.0.1', port: new URL(stripe.apiBase).port, protocol: 'http' });
    await sdk.paymentMethodDomains.create({ domain_name: 'twice.example' });
    await assert.rejects(sdk.paymentMethodDomains.create({ domain_name: 'twice.example' }), (error) => {
      assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError);
      assert.equal(error.statusCode, 400);
      assert.equal(error.code, 'resource_already_exists');
      assert.equal(error.param, 'domain_name');
      return true;
    });
  });

  test('list reads every page', async () => {
    const pages = await startStripeApi();
    try {
      for (let n = 0; n < 150; n += 1) pages.addPaymentMethodDomain(`shop${n}.example`);
      const listed = await run(['domains', 'list', '--json'], { STRIPE_API_BASE: pages.apiBase });
      assert.equal(listed.code, 0, listed.stderr);
      const names = JSON.parse(listed.stdout).paymentMethodDomains.map((domain) => domain.domain_name);
      assert.equal(names.length, 150);
      assert.equal(new Set(names).size, 150);
      assert.equal(pages.requests, 2, 'two pages of 100');
      const lines = await run(['domains', 'list'], { STRIPE_API_BASE: pages.apiBase });
      assert.equal(lines.stdout.trim().split('\n').length, 150);
    } finally {
      await pages.close();
    }
  });

  test('no domain yet: list says how to add one', async () => {
    const empty = await startStripeApi();
    try {
      const listed = await run(['domains', 'list'], { STRIPE_API_BASE: empty.apiBase });
      assert.equal(listed.code, 0, listed.stderr);
      assert.match(
        listed.stdout,
        /No payment method domains on this Stripe account: npx buy-tweet-partner domains add <domain>/,
      );
    } finally {
      await empty.close();
    }
  });

  for (const [why, domain, reason] of [
    ['a scheme', 'https://shop.example', /no scheme/],
    ['a path', 'shop.example/post', /no path/],
    ['a port', 'shop.example:8080', /no port/],
    ['a wildcard', '*.shop.example', /no wildcard/],
    ['nothing', '', /no domain/],
    ['too many characters', `${'abcdefghi.'.repeat(25)}example`, /too long/],
  ]) {
    test(`a domain with ${why} is exit 2 with why, before any call to Stripe`, async () => {
      const calls = stripe.requests;
      const refused = await run(['domains', 'add', domain], env);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /^buy-tweet-partner domains: ".*" is not a domain to register: /);
      assert.match(refused.stderr, reason);
      assert.equal(refused.stdout, '');
      assert.equal(stripe.requests, calls);
    });
  }

  test('without STRIPE_SECRET_KEY, or with a publishable key, it is exit 2 before any call', async () => {
    const calls = stripe.requests;
    for (const key of [undefined, '', 'pk_test_publishable']) {
      const refused = await run(['domains', 'list'], { ...env, STRIPE_SECRET_KEY: key });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /set STRIPE_SECRET_KEY \(sk_test_\.\.\. or sk_live_\.\.\.\)/);
    }
    assert.equal(stripe.requests, calls);
  });

  test('Stripe unreachable is exit 1, saying where it looked', async () => {
    const closed = createServer();
    await once(closed.listen(0, '127.0.0.1'), 'listening');
    const { port } = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    for (const args of [
      ['domains', 'add', 'shop.example'],
      ['domains', 'list'],
    ]) {
      const failed = await run(args, { STRIPE_API_BASE: `http://127.0.0.1:${port}` });
      assert.equal(failed.code, 1);
      assert.match(
        failed.stderr,
        new RegExp(`^buy-tweet-partner domains: cannot reach Stripe's API at http://127\\.0\\.0\\.1:${port}: `),
      );
      assert.equal(failed.stdout, '');
    }
  });

  test("a key Stripe refuses is exit 1 with Stripe's message", async () => {
    const refused = await run(['domains', 'list'], { ...env, STRIPE_SECRET_KEY: 'rk_test_not_for_the_stand_in' });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Stripe refused the key in STRIPE_SECRET_KEY: You did not provide an API key\./);
  });

  test('wrong calls are exit 2 with the usage; --help prints it', async () => {
    for (const args of [
      ['domains'],
      ['domains', 'remove', 'shop.example'],
      ['domains', 'add'],
      ['domains', 'add', 'a.example', 'b.example'],
      ['domains', 'list', 'shop.example'],
      ['domains', 'list', '--all'],
    ]) {
      const wrong = await run(args, env);
      assert.equal(wrong.code, 2, args.join(' '));
      assert.match(wrong.stderr, /Usage: buy-tweet-partner domains add <domain> \[--json\]/);
    }
    const help = await run(['domains', '--help']);
    assert.equal(help.code, 0);
    assert.match(
      help.stdout,
      /^Usage: buy-tweet-partner domains add <domain> \[--json\]\n +buy-tweet-partner domains list \[--json\]/,
    );
    const top = await run(['--help']);
    assert.match(top.stdout, /buy-tweet-partner domains add <domain> \[--json\]/);
    assert.match(top.stdout, /domains list +the registered domains and their wallets' statuses/);
  });
});
