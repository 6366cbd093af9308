import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The lint config is part of the architecture: each probe below breaks one house rule of
 * ARCHITECTURE.md and must fail lint with the rule named, so a loosened config fails this test
 * instead of letting the boundaries go slack in silence. The clean probes keep it honest the
 * other way: ordinary code must still pass.
 */
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

type Probe = { name: string; file: string; code: string; rule: string };

const probes: Probe[] = [
  // Rule 3: shared ↔ server ↔ web.
  {
    name: 'shared imports the server',
    file: 'src/shared/probe.ts',
    code: "export { newId } from '../server/lib/ids.js';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'the server imports the web app',
    file: 'src/server/lib/probe.ts',
    code: "export { weekdayName } from '../../web/lib/format';",
    rule: 'no-restricted-imports',
  },
  {
    name: 'the web app imports the server',
    file: 'src/web/lib/probe.ts',
    code: "export { newId } from '../../server/lib/ids.js';",
    rule: 'no-restricted-imports',
  },
  // Rule 6: production code never imports tests.
  {
    name: 'a service imports test factories',
    file: 'src/server/modules/clients/probe.service.ts',
    code: "export { clientInput } from '../../testing/factories.js';",
    rule: 'no-restricted-imports',
  },
  // Rule 2: modules meet through services.
  {
    name: "a module imports another module's queries",
    file: 'src/server/modules/quotes/probe.service.ts',
    code: "export { findClient } from '../clients/clients.queries.js';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: "a module imports another module's table",
    file: 'src/server/modules/quotes/probe.service.ts',
    code: "export type { ClientRow } from '../clients/clients.table.js';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: "a module imports another module's routes",
    file: 'src/server/modules/quotes/probe.service.ts',
    code: "export { clientRoutes } from '../clients/clients.routes.js';",
    rule: 'import-x/no-restricted-paths',
  },
  // Rule 1: routes never write SQL.
  {
    name: 'a routes file imports queries',
    file: 'src/server/modules/clients/probe.routes.ts',
    code: "export * as q from './clients.queries.js';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'a routes file imports the query builder',
    file: 'src/server/modules/clients/probe.routes.ts',
    code: "import { sql } from 'kysely';\nexport const now = sql`now()`;",
    rule: 'no-restricted-imports',
  },
  // Rule 5: lib/ is a leaf; modules sit below jobs/portal; db/ gathers table types only.
  {
    name: 'server lib imports a module',
    file: 'src/server/lib/probe.ts',
    code: "export { authenticate } from '../modules/accounts/accounts.service.js';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'a module imports the portal',
    file: 'src/server/modules/quotes/probe.service.ts',
    code: "export { documentCss } from '../../portal/quote-document.js';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: "a job imports a module's queries",
    file: 'src/server/jobs/probe.ts',
    code: "export { findClient } from '../modules/clients/clients.queries.js';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'db/ imports a module value',
    file: 'src/server/db/probe.ts',
    code: "export { listClients } from '../modules/clients/clients.service.js';",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  // Rule 4: pages → features → components/ui, lib.
  {
    name: 'a feature imports another feature',
    file: 'src/web/features/quotes/components/probe.tsx',
    code: "export { fetchClient } from '../../clients/api/clients-api';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'a feature imports the app',
    file: 'src/web/features/quotes/components/probe.tsx',
    code: "export { router } from '../../../app/router';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'components/ui imports a feature',
    file: 'src/web/components/ui/probe.tsx',
    code: "export { fetchClient } from '../../features/clients/api/clients-api';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'web lib imports a feature',
    file: 'src/web/lib/probe.ts',
    code: "export { fetchClient } from '../features/clients/api/clients-api';",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'a page imports another page',
    file: 'src/web/app/routes/probe-page.tsx',
    code: "export { TodayPage } from './today-page';",
    rule: 'import-x/no-restricted-paths',
  },
  // Rule 7: no untranslated text, no any, no enums.
  {
    name: 'literal text in JSX',
    file: 'src/web/features/quotes/components/probe.tsx',
    code: 'export const Saved = () => <p>Saved</p>;',
    rule: 'i18next/no-literal-string',
  },
  {
    name: 'literal text in a toast object',
    file: 'src/web/features/quotes/components/probe.tsx',
    code: "import { notifications } from '@mantine/notifications';\nexport const saved = () => notifications.show({ title: 'Saved', message: 'נשמר' });",
    rule: 'no-restricted-syntax',
  },
  {
    name: 'an explicit any',
    file: 'src/server/lib/probe.ts',
    code: 'export const value: any = 1;',
    rule: '@typescript-eslint/no-explicit-any',
  },
  {
    name: 'an enum',
    file: 'src/shared/probe.ts',
    code: 'export enum Status { Open }',
    rule: 'no-restricted-syntax',
  },
];

const clean: Omit<Probe, 'rule'>[] = [
  {
    name: "a service calls another module's service",
    file: 'src/server/modules/quotes/probe.service.ts',
    code: "export { clientNames } from '../clients/clients.service.js';",
  },
  {
    name: 'db/ gathers a table type',
    file: 'src/server/db/probe.ts',
    code: "export type { ClientTables } from '../modules/clients/clients.table.js';",
  },
  {
    name: 'a feature uses its own api, lib and the ui kit',
    file: 'src/web/features/clients/components/probe.tsx',
    code: "export { fetchClient } from '../api/clients-api';\nexport { weekdayName } from '../../../lib/format';\nexport { Ltr } from '../../../components/ui/bidi';",
  },
  {
    name: 'a toast whose text comes from the catalog',
    file: 'src/web/features/quotes/components/probe.tsx',
    code: "import { notifications } from '@mantine/notifications';\nimport { i18n } from '../../../lib/i18n';\nexport const saved = () => notifications.show({ title: i18n.t('actions.save'), message: i18n.t('common.saved') });",
  },
];

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages;
}

describe('the lint config enforces the house rules', () => {
  it.each(probes)('fails: $name ($rule)', async ({ file, code, rule }) => {
    const messages = await lint(file, code);
    expect(messages.map((m) => m.ruleId)).toContain(rule);
  });

  it.each(clean)('passes: $name', async ({ file, code }) => {
    const messages = await lint(file, code);
    expect(messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
  });

  // A cycle needs two real files that import each other; they live only for this test.
  const cycle = ['src/server/lib/probe-cycle-a.ts', 'src/server/lib/probe-cycle-b.ts'].map((f) => path.join(root, f));
  afterAll(() => cycle.forEach((f) => fs.rmSync(f, { force: true })));
  it('fails: two modules that import each other (import-x/no-cycle)', async () => {
    fs.writeFileSync(cycle[0]!, "import { b } from './probe-cycle-b.js';\nexport const a = () => b();\n");
    fs.writeFileSync(cycle[1]!, "import { a } from './probe-cycle-a.js';\nexport const b = () => a();\n");
    const [result] = await eslint.lintFiles([cycle[0]!]);
    expect(result!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});
