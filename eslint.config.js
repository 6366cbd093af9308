import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The house rules of ARCHITECTURE.md that a machine can check. */
const boundaries = {
  shared: ['**/server/**', '**/web/**'],
  server: ['**/web/**', '**/testing/**', '**/e2e/**', '**/scripts/**'],
  web: ['**/server/**', '**/e2e/**', '**/scripts/**'],
};

const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a string union, not an enum.' }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        boundaries.shared,
        'src/shared imports nothing of ours: server and web import it.',
      ),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/testing/**'],
    rules: {
      'no-restricted-imports': restrict(
        boundaries.server,
        'Production server code never imports the web app, tests or scripts.',
      ),
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      'no-restricted-imports': restrict(boundaries.web, 'The web app talks to the server over HTTP only.'),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Every visible string comes from the catalogs.
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['title', 'aria-label', 'placeholder', 'alt', 'label', 'description'],
            exclude: ['.*'],
          },
          'object-properties': { exclude: ['.*'] },
        },
      ],
    },
  },
);
