/**
 * The custom elements manifest: `cem analyze` (npm run build) reads the element's JSDoc, and from
 * the manifest the editors' data is generated: VS Code's custom data (`vscode.html-custom-data.json`,
 * `vscode.css-custom-data.json`) and JetBrains' `web-types.json`, all shipped with the package.
 *
 * Only the public side is read: the element, its events and `define.ts` (whose
 * `customElements.define` gives the `custom-element-definition` export). The checkout element is
 * internal: it is not in the manifest. The plugin below finishes what JSDoc cannot say.
 */
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/** Defaults of docs/publishers/embedding.md that the element keeps as "no value" in code. */
const DEFAULTS = { theme: "'auto'", loading: "'lazy'" };

/** Words for attributes whose property has no JSDoc of its own. */
const DESCRIPTIONS = {
  lang: "BCP 47 language of prices, dates and the element's words; else `BuyTweet.configure({locale})`, the nearest ancestor's `lang`, or the browser's.",
  oembedEndpoint: 'Where `tweet-url` is read through oEmbed (default `https://publish.twitter.com/oembed`).',
  theme: '`light`, `dark` or `auto` (follows the system).',
};

/** The package ships `dist/esm/…js`, not `src/…ts`: the manifest names what an importer finds. */
const shipped = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/esm/$1.js');
const toShipped = (value) => {
  if (Array.isArray(value)) return value.forEach(toShipped);
  if (!value || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if ((key === 'path' || key === 'module') && typeof inner === 'string') value[key] = shipped(inner);
    else toShipped(inner);
  }
};
/** `export * from './index.js'` is a module of this package, which the analyzer takes for a package. */
const relativeReexports = (module) => {
  for (const { declaration } of module.exports ?? []) {
    if (declaration.package?.startsWith('.')) {
      declaration.module = new URL(declaration.package, `file:///${module.path}`).pathname.slice(1);
      delete declaration.package;
    }
  }
};

const isPrivate = (member) => member.privacy === 'private' || /^[#_]/.test(member.name);

const buyTweetManifest = () => {
  /** Event name → the class it is fired as (card-events.ts, purchase-events.ts), read from each class's `super('name', …)`. */
  const eventClasses = new Map();
  return {
    name: 'buy-tweet:manifest',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!/\/(?:card|purchase)-events\.ts$/.test(moduleDoc.path) || !ts.isClassDeclaration(node) || !node.name) return;
      const constructor = node.members.find(ts.isConstructorDeclaration);
      const visit = (child) => {
        if (ts.isCallExpression(child) && child.expression.kind === ts.SyntaxKind.SuperKeyword) {
          const [name] = child.arguments;
          if (name && ts.isStringLiteral(name))
            eventClasses.set(name.text, { name: node.name.text, module: moduleDoc.path });
        } else ts.forEachChild(child, visit);
      };
      if (constructor) visit(constructor);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const element of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (!element.customElement) continue;
        // `#emit(event)` shows the analyzer an event without a name: the `@fires` tags name them all.
        element.events = element.events?.filter((event) => event.name);
        for (const event of element.events ?? []) {
          const type = eventClasses.get(event.name);
          if (!type)
            throw new Error(
              `custom-elements.json: no class in card-events.ts or purchase-events.ts fires ${event.name}`,
            );
          event.type = {
            text: type.name,
            references: [{ name: type.name, module: type.module, start: 0, end: type.name.length }],
          };
        }
        element.members = element.members?.filter((member) => !isPrivate(member));
        for (const item of [...(element.members ?? []), ...(element.attributes ?? [])]) {
          const name = item.fieldName ?? item.name;
          if (DEFAULTS[name]) item.default ??= DEFAULTS[name];
          if (DESCRIPTIONS[name]) item.description ??= DESCRIPTIONS[name];
          if (name === 'lang') item.type ??= { text: 'string | undefined' };
        }
      }
      customElementsManifest.modules.forEach(relativeReexports);
      toShipped(customElementsManifest.modules);
    },
  };
};

export default {
  globs: [
    'src/define.ts',
    'src/buy-tweet/buy-tweet.ts',
    'src/buy-tweet/card-events.ts',
    'src/buy-tweet/purchase-events.ts',
  ],
  litelement: true,
  plugins: [
    buyTweetManifest(),
    customElementVsCodePlugin({
      outdir: '.',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
    customElementJetBrainsPlugin({ outdir: '.', webTypesFileName: 'web-types.json', hideLogs: true }),
  ],
};
