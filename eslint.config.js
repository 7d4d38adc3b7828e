// ESLint: typescript-eslint's type-checked rules everywhere, React hooks rules for the web app.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TESTS = ['**/*.test.ts', '**/test-helpers.ts'];
const FEATURE_BOUNDARY =
  "Another feature's internals: import from its index.ts (list there what it offers the others).";
const MODULE_BOUNDARY =
  "Another module's internals: import its <m>.service.js (re-export there what it offers others).";

export default tseslint.config(
  {
    ignores: ['dist/', 'data/', 'bench/out/', 'e2e/screenshots/', 'node_modules/', 'src/server/db/migrations/'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Fastify plugins are `async (app) => {…}` by contract (FastifyPluginAsync) even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      // `_`-prefixed names and rest siblings are the house way to drop fields (`const { a: _a, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read `res.json()` (typed any) on purpose and assert its shape; ~1,100 hits would say nothing new.
    files: ['**/*.test.{ts,tsx}', '**/test-helpers.ts', 'src/server/test/**', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Import boundaries (docs/architecture.md). A server module is used by other modules only through its service file
  // (`<m>.service.ts`: its factory, its types, and the helpers it re-exports for them), never its repo, policy or other
  // files; services.ts (wires repos) and app.ts (registers routes) sit outside modules/ and are not bound by this.
  // `documents` is a renderer library (no tables, routes or service): its renderers are its surface.
  // Tests and test helpers may reach into another module to set up or pin behaviour: they ship nothing.
  {
    files: ['src/server/modules/*/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*/*', '!../../**', '!../*/*.service.js', '!../documents/*'], message: MODULE_BOUNDARY },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/modules/*/*/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*/*', '!../../../**', '!../../*/*.service.js', '!../../documents/*'],
              message: MODULE_BOUNDARY,
            },
          ],
        },
      ],
    },
  },
  {
    // src/shared runs in the browser and on the server: it depends on neither.
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/web/**'], message: 'src/shared imports nothing from server or web.' },
          ],
        },
      ],
    },
  },
  // A web feature is used by the other features only through its public file, `features/<f>/index.ts` (import
  // '../<f>'); pages are not in it: the app shell (routes.tsx) lazy-loads them from their own files, so a page never
  // lands in the first chunk. `src/web/features/feature-cycles.test.ts` keeps the folders free of cycles.
  {
    files: ['src/web/features/*/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/*', '!../../**', '**/features/*/*'], message: FEATURE_BOUNDARY }] },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
