// `npm run lint`: typescript-eslint's type-checked rules over the sources, with the two this house
// holds to above all: no floating promises (an unhandled failure is a buyer left waiting) and no
// non-null assertions (say why a value is there, or handle its absence). Prettier settles layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'mockServiceWorker.js'] },
  {
    files: ['src/**/*.ts', 'partner/src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // An aborted wait rejects with its signal's reason, whatever that is, as fetch does.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // `const { dropped: _, ...kept } = value` leaves out what it names.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
      // JSX typings for React, Preact and Solid are declared in those libraries' namespaces.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
);
