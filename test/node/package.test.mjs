import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));

test('importing the package where there is no DOM does not throw', async () => {
  const api = await import('buy-tweet');
  assert.equal(typeof api.BuyTweetElement, 'function');
  assert.equal(api.BuyTweet.version, pkg.version);
});

test('the element class and helpers import without defining anything', async () => {
  const api = await import('buy-tweet/api');
  for (const name of [
    'BuyTweet',
    'BuyTweetElement',
    'BuyTweetError',
    'configure',
    'registerPartner',
    'resolve',
    'findPartner',
    'formatMoney',
  ]) {
    assert.ok(api[name], `buy-tweet/api exports ${name}`);
  }
});

test('the partner core works in Node: matching and canonical links', async () => {
  const { findPartner } = await import('buy-tweet/api');
  const match = findPartner('https://www.gumroad.com/l/new-album/?utm_source=x#y');
  assert.equal(match.partner.id, 'gumroad');
  assert.equal(match.productUrl, 'https://www.gumroad.com/l/new-album/');
  assert.equal(findPartner('https://gumroad.com.evil.example/l/x'), null);
});

test('exports list types first and name only the defining modules as side effects', () => {
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object') assert.equal(Object.keys(target)[0], 'types', subpath);
  }
  assert.ok(pkg.sideEffects.includes('./dist/esm/define.js'));
  assert.ok(!pkg.sideEffects.some((file) => /index|api|buy-tweet\/buy-tweet/.test(file)));
});

test('each framework entry imports in Node and declares <buy-tweet> where that framework looks', async () => {
  const where = {
    react: "declare module 'react'",
    preact: "declare module 'preact'",
    solid: "declare module 'solid-js'",
    vue: "declare module 'vue'",
    svelte: "declare module 'svelte/elements'",
  };
  for (const [framework, augmentation] of Object.entries(where)) {
    await import(`buy-tweet/${framework}`);
    const types = await readFile(new URL(`../../${pkg.exports[`./${framework}`].types}`, import.meta.url), 'utf8');
    assert.ok(types.includes(augmentation) && types.includes("'buy-tweet'"), framework);
  }
});

const manifest = JSON.parse(await readFile(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
const element = declarations.find((declaration) => declaration.tagName === 'buy-tweet');

test('the custom elements manifest describes <buy-tweet>', async () => {
  assert.ok(element, 'buy-tweet is in custom-elements.json');
  const attributes = element.attributes.map((attribute) => attribute.name);
  for (const name of [
    'product-url',
    'tweet-url',
    'endpoint',
    'oembed-endpoint',
    'link-endpoint',
    'lang',
    'theme',
    'loading',
  ]) {
    assert.ok(attributes.includes(name), `attribute ${name}`);
  }
  assert.deepEqual(Object.fromEntries(element.events.map((event) => [event.name, event.type?.text])), {
    'buy-tweet-load': 'BuyTweetLoadEvent',
    'buy-tweet-error': 'BuyTweetErrorEvent',
    'buy-tweet-open': 'BuyTweetOpenEvent',
    'buy-tweet-purchase': 'BuyTweetPurchaseEvent',
    'buy-tweet-close': 'BuyTweetCloseEvent',
  });
  assert.equal(element.cssParts.length, 13);
});

test('the manifest gives the defaults of docs/publishers/attributes.md and no private member', () => {
  const defaults = (list, key) =>
    Object.fromEntries(list.filter((item) => item.default).map((item) => [item[key], item.default]));
  assert.deepEqual(defaults(element.attributes, 'name'), { theme: "'auto'", loading: "'lazy'" });
  assert.deepEqual(defaults(element.members, 'name'), { theme: "'auto'", loading: "'lazy'" });
  const hidden = element.members.filter((member) => member.privacy === 'private' || /^[#_]/.test(member.name));
  assert.deepEqual(
    hidden.map((member) => member.name),
    [],
  );
  assert.deepEqual(element.members.map((member) => member.name).sort(), [
    'endpoint',
    'lang',
    'linkEndpoint',
    'loading',
    'oembedEndpoint',
    'open',
    'product',
    'productUrl',
    'theme',
    'tweet',
    'tweetUrl',
  ]);
});

test('the manifest defines buy-tweet where the package does, names shipped modules and hides the checkout', async () => {
  const definitions = manifest.modules.flatMap((module) =>
    (module.exports ?? [])
      .filter((entry) => entry.kind === 'custom-element-definition')
      .map((entry) => ({ module: module.path, ...entry })),
  );
  assert.deepEqual(definitions, [
    {
      module: 'dist/esm/define.js',
      kind: 'custom-element-definition',
      name: 'buy-tweet',
      declaration: { name: 'BuyTweetElement', module: 'dist/esm/buy-tweet/buy-tweet.js' },
    },
  ]);
  assert.equal(pkg.exports['.'].default, `./${definitions[0].module}`);
  assert.ok(
    !declarations.some((declaration) => /checkout/.test(declaration.tagName ?? '')),
    'the checkout element is internal',
  );
  for (const module of manifest.modules) await readFile(new URL(`../../${module.path}`, import.meta.url));
});

test('VS Code and JetBrains data come from the manifest and ship with the package', async () => {
  const read = async (file) => JSON.parse(await readFile(new URL(`../../${file}`, import.meta.url), 'utf8'));
  const vscode = await read('vscode.html-custom-data.json');
  const tag = vscode.tags.find((entry) => entry.name === 'buy-tweet');
  assert.deepEqual(tag.attributes.find((attribute) => attribute.name === 'theme').values, [
    { name: 'light' },
    { name: 'dark' },
    { name: 'auto' },
  ]);
  assert.deepEqual(
    vscode.tags.map((entry) => entry.name),
    ['buy-tweet'],
  );
  const css = await read('vscode.css-custom-data.json');
  assert.ok(css.properties.some((property) => property.name === '--buy-tweet-accent'));

  const webTypes = await read(pkg['web-types']);
  assert.equal(webTypes.version, pkg.version);
  const webElement = webTypes.contributions.html.elements.find((entry) => entry.name === 'buy-tweet');
  assert.equal(webElement.events.find((event) => event.name === 'buy-tweet-purchase').type, 'BuyTweetPurchaseEvent');
  assert.equal(webElement.attributes.find((attribute) => attribute.name === 'loading').value.default, "'lazy'");

  for (const file of [
    'custom-elements.json',
    'vscode.html-custom-data.json',
    'vscode.css-custom-data.json',
    'web-types.json',
  ]) {
    assert.ok(pkg.files.includes(file), `${file} is in files`);
  }
});

test('CDNs serve the classic loader, which the exports map does not offer as a module', async () => {
  assert.equal(pkg.jsdelivr, 'dist/buy-tweet.js');
  assert.equal(pkg.unpkg, 'dist/buy-tweet.js');
  const loader = await readFile(new URL(`../../${pkg.jsdelivr}`, import.meta.url), 'utf8');
  assert.match(loader, /^!function\(\)\{/, 'an immediately run classic script');
  const targets = JSON.stringify(pkg.exports);
  assert.ok(!targets.includes('dist/buy-tweet.js') && !targets.includes('buy-tweet.module.js'));
  assert.match(
    await readFile(new URL('../../LICENSE', import.meta.url), 'utf8'),
    /^MIT License\n\nCopyright \(c\) 2026 The buy-tweet authors\n/,
  );
  for (const field of ['repository', 'homepage', 'bugs', 'keywords']) assert.ok(pkg[field], field);
});

test('the browser build asks a failed checkout chunk again at the chunk it really wrote', async () => {
  const module = await readFile(new URL('../../dist/buy-tweet.module.js', import.meta.url), 'utf8');
  const named = [...module.matchAll(/new URL\("\.\/(chunks\/checkout-[^"]+\.js)",import\.meta\.url\)/g)].map(
    (match) => match[1],
  );
  const imported = [...module.matchAll(/import\("\.\/(chunks\/checkout-[^"]+\.js)"\)/g)].map((match) => match[1]);
  assert.equal(named.length, 1, 'one retry URL for the checkout chunk');
  assert.deepEqual(named, imported);
  await readFile(new URL(`../../dist/${named[0]}`, import.meta.url));
});
