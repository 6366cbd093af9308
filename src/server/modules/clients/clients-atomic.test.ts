import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZClient, ZCreateClient, ZUpdateClient } from '../../../shared/schemas/clients.js';
import { clientInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { createClient, updateClient } from './clients.service.js';

describe.each(testDialects())('client writes are atomic on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let scope: { workspaceId: string };

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  const full = {
    contacts: [{ name: 'דנה', role: 'מנכ"לית', phone: '050-1234567' }, { name: 'יואב' }],
    importantDates: [{ kind: 'birthday' as const, month: 3, day: 14 }],
    tags: ['VIP', 'עיצוב'],
  };

  it.skipIf(skip)('a new client with contacts, dates and tags is written whole or not at all', async () => {
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'client_tags', kind: 'insert' });
    const input = ZCreateClient.parse(clientInput({ name: 'גלריית הגפן', ...full }));
    await expect(createClient(failing, scope, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('a change to contacts, dates and tags leaves the client as it was when it fails', async () => {
    const client = (await api.post('/api/v1/clients', clientInput({ name: 'גלריית הגפן', ...full }), ZClient)).body;
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'clients', kind: 'update' });
    const input = ZUpdateClient.parse({
      name: 'גלריית הגפן בע"מ',
      contacts: [{ id: client.contacts[0]!.id, name: 'דנה לוי' }, { name: 'רותם' }],
      importantDates: [{ kind: 'anniversary', month: 6, day: 1, year: 2015 }],
      tags: ['לקוח ותיק'],
    });
    await expect(updateClient(failing, scope, client.id, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });
});
