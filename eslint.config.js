import fs from 'node:fs';
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The house rules of ARCHITECTURE.md that a machine can check. `src/lint-rules.test.ts` lints probe
 * files that break each rule and fails when one of them passes, so these cannot go slack unnoticed.
 */

/** Folders directly under `dir`: new modules and features fall under the rules without editing this file. */
const foldersIn = (dir) =>
  fs
    .readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

const serverModules = foldersIn('./src/server/modules/');
const webFeatures = foldersIn('./src/web/features/');

/** Layer boundaries (rules 3 and 6): shared ↔ server ↔ web, and production code never reaches tests. */
const layers = {
  shared: ['**/server/**', '**/web/**'],
  server: ['**/web/**', '**/testing/**', '**/e2e/**', '**/scripts/**'],
  web: ['**/server/**', '**/e2e/**', '**/scripts/**'],
};
const restrict = (patterns, message) => ({ patterns: [{ group: patterns, message }] });

/** Import zones inside a layer (rules 1, 2, 4 and 5), checked on resolved paths. */
const zones = [
  // Rule 2: a module reaches another only through its service functions.
  ...serverModules.map((name) => ({
    target: `./src/server/modules/${name}/**`,
    from: `./src/server/modules/!(${name})/**`,
    except: ['**/*.service.ts'],
    message: 'A module uses another only through its *.service.ts, never its queries, tables or routes.',
  })),
  // Rule 1: routes validate and call their service; SQL lives in queries, transactions in services.
  {
    target: './src/server/modules/*/*.routes.ts',
    from: ['./src/server/modules/*/*.queries.ts', './src/server/modules/*/*.table.ts', './src/server/db/**/*'],
    message: 'Routes never write SQL: call the module’s service.',
  },
  // Rule 5: modules sit below jobs, portal and the app; lib, mail and db are leaves below the modules.
  {
    target: './src/server/modules/**',
    from: ['./src/server/jobs/**', './src/server/portal/**', './src/server/ops/**', './src/server/{app,main}.ts'],
    message: 'Modules sit below jobs/, portal/ and the app: those use modules, not the other way round.',
  },
  {
    target: ['./src/server/lib/**', './src/server/mail/**'],
    from: ['./src/server/modules/**', './src/server/jobs/**', './src/server/portal/**', './src/server/{app,main}.ts'],
    message: 'lib/ and mail/ are leaves: they import no module, job, portal or the app.',
  },
  {
    target: ['./src/server/jobs/**', './src/server/portal/**', './src/server/ops/**'],
    from: ['./src/server/modules/*/!(*.service).ts'],
    message: 'jobs/ and portal/ use modules through their services, as routes do.',
  },
  // The command line sits on top, like main.ts: it uses services; nothing in the app imports it.
  {
    target: ['./src/server/**', './src/web/**', './src/shared/**'],
    from: './src/cli/**',
    message: 'src/cli is an entry point (like main.ts): the server and the web app never import it.',
  },
  {
    target: './src/cli/**',
    from: ['./src/server/modules/*/!(*.service).ts', './src/web/**'],
    message: 'The command line uses modules through their services, as routes do.',
  },
  // Rule 4: pages → features → components/ui, lib; features do not import each other.
  ...webFeatures.map((name) => ({
    target: `./src/web/features/${name}/**`,
    from: `./src/web/features/!(${name})/**`,
    message:
      'Features do not import each other: the page composes them (or move the shared piece to lib/ or components/ui/).',
  })),
  {
    target: './src/web/features/**',
    from: './src/web/app/**',
    message: 'Features sit below the app: pass what they need in props.',
  },
  {
    target: ['./src/web/components/ui/**', './src/web/lib/**'],
    from: ['./src/web/features/**', './src/web/app/**'],
    message: 'components/ui/ and lib/ are leaves: they import no feature or page.',
  },
  {
    target: './src/web/app/routes/**',
    from: './src/web/app/routes/**',
    message: 'A page does not import another page: move the shared piece into a feature.',
  },
];

/** User-visible object properties (toasts, dialogs, options) must come from the catalogs too. */
const visibleProperty =
  '/^(title|message|label|description|placeholder|confirmLabel|cancelLabel|children|aria-label)$/';
// Catalog keys (`nav.today`) and codes pass; words (Hebrew, a capitalised word, two words) do not.
const literalText = '/[\\u0590-\\u05FF]|^[A-Z][a-z]|[A-Za-z] [A-Za-z]/';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
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
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/server/testing/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        restrict(layers.shared, 'src/shared imports nothing of ours: server and web import it.'),
      ],
    },
  },
  {
    files: ['src/server/**/*.{ts,tsx}'],
    ignores: ['src/server/**/*.test.{ts,tsx}', 'src/server/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        restrict(layers.server, 'Production server code never imports the web app, tests or scripts.'),
      ],
    },
  },
  {
    // Rule 1 for the query builder itself: a routes file that imports kysely is writing SQL.
    files: ['src/server/modules/*/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', message: 'Routes never write SQL: call the module’s service.' }],
          patterns: [
            { group: layers.server, message: 'Production server code never imports the web app, tests or scripts.' },
          ],
        },
      ],
    },
  },
  {
    // db/database.ts gathers the modules' table types and nothing else (rule 5).
    files: ['src/server/db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**'],
              allowTypeImports: true,
              message: 'db/ may gather the modules’ table types (import type), nothing more.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      'no-restricted-imports': ['error', restrict(layers.web, 'The web app talks to the server over HTTP only.')],
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
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string union, not an enum.' },
        {
          selector: `Property[key.name=${visibleProperty}] > Literal[value=${literalText}]`,
          message: 'User-visible text comes from the catalogs (t(…)), also inside objects such as toasts.',
        },
        {
          selector: `Property[key.value=${visibleProperty}] > Literal[value=${literalText}]`,
          message: 'User-visible text comes from the catalogs (t(…)), also inside objects such as toasts.',
        },
        {
          selector: `Property[key.name=${visibleProperty}] > TemplateLiteral > TemplateElement[value.raw=${literalText}]`,
          message: 'User-visible text comes from the catalogs (t(…)), also inside objects such as toasts.',
        },
      ],
    },
  },
);
