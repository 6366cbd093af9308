import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZClient, type Client } from '../../../shared/schemas/clients.js';
import { ZCreateInteraction, ZInteractionCreated } from '../../../shared/schemas/interactions.js';
import { clientInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { createInteraction } from './interactions.service.js';

describe.each(testDialects())('logging a contact is atomic on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let scope: { workspaceId: string };
  let client: Client;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    client = (await api.post('/api/v1/clients', clientInput({ name: 'מרכז הדר' }), ZClient)).body;
    // Something the client waits for, so an outgoing contact has a reply to mark too.
    await api.post(
      '/api/v1/interactions',
      { clientId: client.id, channel: 'phone', direction: 'in' },
      ZInteractionCreated,
    );
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('a contact with its promises writes nothing when the last promise fails', async () => {
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'commitments', kind: 'insert', nth: 2 });
    const input = ZCreateInteraction.parse({
      clientId: client.id,
      channel: 'phone',
      direction: 'out',
      summary: 'סיכמנו על לוח זמנים',
      commitments: [
        { title: 'לשלוח הצעת מחיר', dueDate: '2026-11-26' },
        { direction: 'theirs', title: 'לשלוח את הלוגו', dueDate: '2026-11-25', dueTime: '12:00' },
      ],
    });
    await expect(createInteraction(failing, scope, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });
});
