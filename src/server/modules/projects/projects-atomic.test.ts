import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import type { Client } from '../../../shared/schemas/clients.js';
import {
  ZChangeRequest,
  ZCreateChangeRequest,
  ZCreateProject,
  ZDecideChangeRequest,
  ZProject,
  ZRescheduled,
  ZRescheduleProject,
  type ChangeRequest,
  type Project,
} from '../../../shared/schemas/projects.js';
import { createClient } from '../../testing/api-helpers.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { createChangeRequest, decideChangeRequest } from './change-requests.service.js';
import { createProject, reschedule } from './projects.service.js';

/**
 * Each multi-step project action, with its last write made to fail: the database must be exactly
 * as it was before (decision 006). The same actions succeed in projects.test.ts.
 */
describe.each(testDialects())('project actions are atomic on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let scope: { workspaceId: string };
  let client: Client;
  let project: Project;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ctx.clock.set('2026-11-23T08:00:00.000Z');
    scope = { workspaceId: (await api.get('/api/v1/me', ZMe)).body.workspace.id };
    client = await createClient(api, { name: 'סטודיו מיכל', email: 'michal@example.co.il', phone: '050-1234567' });
    project = (
      await api.post(
        '/api/v1/projects',
        {
          clientId: client.id,
          title: 'אתר תדמית',
          targetDate: '2026-12-10',
          deliverables: ['דף הבית'],
        },
        ZProject,
      )
    ).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function changeRequest(): Promise<ChangeRequest> {
    return (
      await api.post(
        `/api/v1/projects/${project.id}/change-requests`,
        {
          what: 'עוד דף בלוג',
          channel: 'whatsapp',
        },
        ZChangeRequest,
      )
    ).body;
  }

  it.skipIf(skip)('a reschedule with its notice writes nothing when the notice’s log entry fails', async () => {
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'interactions', kind: 'insert' });
    const input = ZRescheduleProject.parse({
      cause: 'mine',
      statusText: 'העיצוב מוכן, התכנות באמצע',
      newTargetDate: '2026-12-20',
      message: { channel: 'whatsapp', body: 'עדכון: האתר יעלה ב־20 בדצמבר' },
    });
    await expect(reschedule(failing, scope, project.id, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('a reschedule whose e-mail cannot be sent (no mailer) changes nothing', async () => {
    const before = await snapshotAll(ctx.db);
    const res = await api.post(
      `/api/v1/projects/${project.id}/reschedule`,
      {
        cause: 'client',
        statusText: 'מחכים לתכנים',
        newTargetDate: '2026-12-24',
        message: { channel: 'email', body: 'עדכון לוח זמנים' },
      },
      ZRescheduled,
    );
    expect(res.status).toBe(422);
    expect(res.error.fields?.[0]).toMatchObject({ path: 'channel', code: 'email_not_configured' });
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)(
    'a change order (quote, promise of a formal quote, message) writes nothing when the decision fails',
    async () => {
      const request = await changeRequest();
      const before = await snapshotAll(ctx.db);
      const failing = failingWrites(ctx.deps, { table: 'change_requests', kind: 'update' });
      const input = ZDecideChangeRequest.parse({
        inScope: false,
        decision: 'change_order',
        value: 120_000,
        formalQuoteBy: { dueDate: '2026-11-26', dueTime: '12:00' },
        message: { channel: 'whatsapp', body: 'אשלח הצעת מחיר מסודרת עד יום חמישי' },
      });
      await expect(decideChangeRequest(failing, scope, request.id, input)).rejects.toBeInstanceOf(InjectedFailure);
      expect(await snapshotAll(ctx.db)).toEqual(before);
    },
  );

  it.skipIf(skip)('a decision with its answer writes nothing when the decision fails', async () => {
    const request = await changeRequest();
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'change_requests', kind: 'update' });
    const input = ZDecideChangeRequest.parse({
      inScope: false,
      decision: 'goodwill',
      value: 30_000,
      message: { channel: 'whatsapp', body: 'הפעם זה עליי' },
    });
    await expect(decideChangeRequest(failing, scope, request.id, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('a change request and its contact entry are written together or not at all', async () => {
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'change_requests', kind: 'insert' });
    const input = ZCreateChangeRequest.parse({ what: 'גם חנות', channel: 'phone' });
    await expect(createChangeRequest(failing, scope, project.id, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('a project with deliverables and a delivery promise is written whole or not at all', async () => {
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'projects', kind: 'update' });
    const input = ZCreateProject.parse({
      clientId: client.id,
      title: 'קטלוג',
      targetDate: '2027-01-15',
      deliverables: ['עימוד', 'הכנה לדפוס'],
    });
    await expect(createProject(failing, scope, input)).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('answers an empty deliverable change with a field error, not an empty UPDATE', async () => {
    const [deliverable] = project.deliverables;
    const res = await api.patch(`/api/v1/projects/${project.id}/deliverables/${deliverable!.id}`, {}, ZProject);
    expect(res.status).toBe(422);
    expect(res.error.fields).toEqual([expect.objectContaining({ path: 'status', code: 'choose_one' })]);
  });
});
