/**
 * The custom elements manifest: `cem analyze` (npm run build) reads the elements' JSDoc. The
 * element fires its events through one `#emit(event)`, where the analyzer sees an event without a
 * name: the `@fires` tags name them all, so nameless ones are dropped.
 */
export default {
  globs: ['src/buy-tweet/*.ts', 'src/checkout/*.ts'],
  litelement: true,
  plugins: [
    {
      name: 'buy-tweet:named-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
        }
      },
    },
  ],
};
