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
  for (const name of ['BuyTweet', 'BuyTweetElement', 'BuyTweetError', 'configure', 'registerPartner', 'resolve', 'findPartner', 'formatMoney']) {
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

test('the custom elements manifest describes <buy-tweet>', async () => {
  const manifest = JSON.parse(await readFile(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
  const element = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'buy-tweet');
  assert.ok(element, 'buy-tweet is in custom-elements.json');
  const attributes = element.attributes.map((attribute) => attribute.name);
  for (const name of ['product-url', 'tweet-url', 'endpoint', 'oembed-endpoint', 'lang', 'theme', 'loading']) {
    assert.ok(attributes.includes(name), `attribute ${name}`);
  }
  assert.deepEqual(
    element.events.map((event) => event.name).sort(),
    ['buy-tweet-close', 'buy-tweet-error', 'buy-tweet-load', 'buy-tweet-open', 'buy-tweet-purchase'],
  );
  assert.equal(element.cssParts.length, 13);
});

test('the browser build asks a failed checkout chunk again at the chunk it really wrote', async () => {
  const module = await readFile(new URL('../../dist/buy-tweet.module.js', import.meta.url), 'utf8');
  const named = [...module.matchAll(/new URL\("\.\/(chunks\/checkout-[^"]+\.js)",import\.meta\.url\)/g)].map((match) => match[1]);
  const imported = [...module.matchAll(/import\("\.\/(chunks\/checkout-[^"]+\.js)"\)/g)].map((match) => match[1]);
  assert.equal(named.length, 1, 'one retry URL for the checkout chunk');
  assert.deepEqual(named, imported);
  await readFile(new URL(`../../dist/${named[0]}`, import.meta.url));
});
