import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, populate, type Ids } from './testing/populate.js';
import { paymentInput, paymentItemInput, projectInput, quoteInput } from './testing/factories.js';
import { snapshotAll } from './testing/failure.js';
import { createTestContext, ZOpenApiDocument, type ApiClient, type TestContext } from './testing/test-app.js';
import { testShapes } from './testing/test-db.js';

/**
 * Tenant isolation: workspace B sends every request it can with one of workspace A's ids in it,
 * in the path and in each body field that is an id. Each must answer 404/422 exactly as it answers
 * for an id that exists nowhere (so the answer reveals nothing), and afterwards A's rows are as
 * they were and none of B's rows holds any of A's ids.
 */

/** Each body field that is an id, sent by B with its own ids elsewhere and `foreign` in that field. */
function bodyAttacks(b: Ids): { name: string; method: string; path: string; body: (foreign: Ids) => unknown }[] {
  const msg = { channel: 'whatsapp', body: 'שלום' };
  return [
    {
      name: 'commitment.clientId',
      method: 'POST',
      path: '/api/v1/commitments',
      body: (a) => ({ clientId: a.client, title: 'x', dueDate: '2026-11-26' }),
    },
    {
      name: 'commitment.interactionId',
      method: 'POST',
      path: '/api/v1/commitments',
      body: (a) => ({ clientId: b.client, title: 'x', dueDate: '2026-11-26', interactionId: a.interaction }),
    },
    {
      name: 'message.clientId',
      method: 'POST',
      path: '/api/v1/messages',
      body: (a) => ({ kind: 'not_forgotten', clientId: a.client, ...msg }),
    },
    {
      name: 'message.commitmentId',
      method: 'POST',
      path: '/api/v1/messages',
      body: (a) => ({ kind: 'not_forgotten', clientId: b.client, commitmentId: a.commitment, ...msg }),
    },
    {
      name: 'message.interactionId',
      method: 'POST',
      path: '/api/v1/messages',
      body: (a) => ({ kind: 'not_forgotten', clientId: b.client, interactionId: a.interaction, ...msg }),
    },
    {
      name: 'compose.clientId',
      method: 'POST',
      path: '/api/v1/messages/compose',
      body: (a) => ({ kind: 'not_forgotten', clientId: a.client }),
    },
    {
      name: 'compose.commitmentId',
      method: 'POST',
      path: '/api/v1/messages/compose',
      body: (a) => ({ kind: 'not_forgotten', clientId: b.client, commitmentId: a.commitment }),
    },
    {
      name: 'compose.interactionId',
      method: 'POST',
      path: '/api/v1/messages/compose',
      body: (a) => ({ kind: 'not_forgotten', clientId: b.client, interactionId: a.interaction }),
    },
    {
      name: 'interaction.clientId',
      method: 'POST',
      path: '/api/v1/interactions',
      body: (a) => ({ clientId: a.client, channel: 'phone', direction: 'in' }),
    },
    {
      name: 'interaction.contactId',
      method: 'POST',
      path: '/api/v1/interactions',
      body: (a) => ({ clientId: b.client, channel: 'phone', direction: 'in', contactId: a.contact }),
    },
    {
      name: 'interaction update.contactId',
      method: 'PATCH',
      path: `/api/v1/interactions/${b.interaction}`,
      body: (a) => ({ contactId: a.contact }),
    },
    {
      name: 'client.referredByClientId',
      method: 'POST',
      path: '/api/v1/clients',
      body: (a) => ({ kind: 'person', name: 'חדש', referredByClientId: a.client }),
    },
    {
      name: 'client update.referredByClientId',
      method: 'PATCH',
      path: `/api/v1/clients/${b.client}`,
      body: (a) => ({ referredByClientId: a.client }),
    },
    {
      name: 'client update.contacts.id',
      method: 'PATCH',
      path: `/api/v1/clients/${b.client}`,
      body: (a) => ({ contacts: [{ id: a.contact, name: 'גנוב' }] }),
    },
    { name: 'quote.clientId', method: 'POST', path: '/api/v1/quotes', body: (a) => quoteInput(a.client) },
    {
      name: 'quote.projectId',
      method: 'POST',
      path: '/api/v1/quotes',
      body: (a) => quoteInput(b.client, { projectId: a.project }),
    },
    {
      name: 'quote.termsTemplateId',
      method: 'POST',
      path: '/api/v1/quotes',
      body: (a) => quoteInput(b.client, { termsTemplateId: a.termsTemplate }),
    },
    {
      name: 'quote.interactionId',
      method: 'POST',
      path: '/api/v1/quotes',
      body: (a) => quoteInput(b.client, { interactionId: a.interaction }),
    },
    {
      name: 'quote.interactionId with notes',
      method: 'POST',
      path: '/api/v1/quotes',
      body: (a) => quoteInput(b.client, { interactionId: a.interaction, notes: 'הערה' }),
    },
    {
      name: 'duplicate.clientId',
      method: 'POST',
      path: `/api/v1/quotes/${b.quote}/duplicate`,
      body: (a) => ({ clientId: a.client }),
    },
    {
      name: 'terms message.termsTemplateId',
      method: 'POST',
      path: `/api/v1/clients/${b.client}/terms-message`,
      body: (a) => ({ termsTemplateId: a.termsTemplate }),
    },
    { name: 'project.clientId', method: 'POST', path: '/api/v1/projects', body: (a) => projectInput(a.client) },
    {
      name: 'payment item.clientId',
      method: 'POST',
      path: '/api/v1/payment-items',
      body: (a) => paymentItemInput(a.client),
    },
    {
      name: 'payment item.projectId',
      method: 'POST',
      path: '/api/v1/payment-items',
      body: (a) => paymentItemInput(b.client, { projectId: a.project }),
    },
    {
      name: 'payment item.quoteId',
      method: 'POST',
      path: '/api/v1/payment-items',
      body: (a) => paymentItemInput(b.client, { quoteId: a.quote }),
    },
    {
      name: 'schedule from quote.quoteId',
      method: 'POST',
      path: '/api/v1/payment-items/from-quote',
      body: (a) => ({ quoteId: a.quote, parts: [{ label: 'הכל', percent: 100, dueDate: '2026-12-01' }] }),
    },
    { name: 'payment.clientId', method: 'POST', path: '/api/v1/payments', body: (a) => paymentInput(a.client) },
    {
      name: 'payment.paymentItemId',
      method: 'POST',
      path: '/api/v1/payments',
      body: (a) => paymentInput(b.client, { paymentItemId: a.paymentItem }),
    },
    {
      name: 'time entry.clientId',
      method: 'POST',
      path: '/api/v1/time-entries',
      body: (a) => ({ clientId: a.client, date: '2026-11-22', minutes: 5 }),
    },
    {
      name: 'time entry.projectId',
      method: 'POST',
      path: '/api/v1/time-entries',
      body: (a) => ({ clientId: b.client, projectId: a.project, date: '2026-11-22', minutes: 5 }),
    },
    {
      name: 'time entry update.projectId',
      method: 'PATCH',
      path: `/api/v1/time-entries/${b.timeEntry}`,
      body: (a) => ({ projectId: a.project }),
    },
    { name: 'timer.clientId', method: 'POST', path: '/api/v1/timer/start', body: (a) => ({ clientId: a.client }) },
    {
      name: 'timer.projectId',
      method: 'POST',
      path: '/api/v1/timer/start',
      body: (a) => ({ clientId: b.client, projectId: a.project }),
    },
    {
      name: 'change request decide.colleagueId',
      method: 'POST',
      path: `/api/v1/change-requests/${b.changeRequest}/decide`,
      body: (a) => ({ inScope: false, decision: 'refer', colleagueId: a.colleague }),
    },
    {
      name: 'change request compose.colleagueId',
      method: 'POST',
      path: `/api/v1/change-requests/${b.changeRequest}/answer`,
      body: (a) => ({ decision: 'refer', colleagueId: a.colleague }),
    },
    {
      name: 'incident.clientId',
      method: 'POST',
      path: '/api/v1/care/incidents',
      body: (a) => ({ clientId: a.client, title: 'x' }),
    },
    {
      name: 'incident.projectId',
      method: 'POST',
      path: '/api/v1/care/incidents',
      body: (a) => ({ clientId: b.client, title: 'x', projectId: a.project }),
    },
    {
      name: 'incident update.projectId',
      method: 'PATCH',
      path: `/api/v1/care/incidents/${b.incident}`,
      body: (a) => ({ projectId: a.project }),
    },
    {
      name: 'conflict.clientId',
      method: 'POST',
      path: '/api/v1/care/conflicts',
      body: (a) => ({ clientId: a.client, topic: 'schedule', position: 'x' }),
    },
    {
      name: 'conflict.stakeholderIds',
      method: 'POST',
      path: '/api/v1/care/conflicts',
      body: (a) => ({ clientId: b.client, topic: 'schedule', position: 'x', stakeholderIds: [a.contact] }),
    },
    {
      name: 'conflict update.stakeholderIds',
      method: 'PATCH',
      path: `/api/v1/care/conflicts/${b.conflict}`,
      body: (a) => ({ stakeholderIds: [a.contact] }),
    },
    {
      name: 'farewell.referToColleagueId',
      method: 'POST',
      path: `/api/v1/care/clients/${b.client}/farewell`,
      body: (a) => ({ referToColleagueId: a.colleague }),
    },
    {
      name: 'end.referToColleagueId',
      method: 'POST',
      path: `/api/v1/care/clients/${b.client}/end`,
      body: (a) => ({ outcome: 'ended', referToColleagueId: a.colleague }),
    },
    {
      name: 'end.decisions.itemId',
      method: 'POST',
      path: `/api/v1/care/clients/${b.client}/end`,
      body: (a) => ({
        outcome: 'ended',
        decisions: [{ itemKind: 'commitment', itemId: a.commitment, decision: 'cancel' }],
      }),
    },
    {
      name: 'holiday greetings.clientId',
      method: 'POST',
      path: '/api/v1/greetings/holidays/send',
      body: (a) => ({ holiday: 'rosh_hashana', items: [{ clientId: a.client, ...msg }] }),
    },
  ];
}

/** The id of A's that a path parameter names, by the path it is in; null for parameters that are not ids. */
function pathId(path: string, param: string, a: Ids): string | null {
  if (param === 'deliverableId') return a.deliverable;
  if (param === 'clientId') return a.client;
  if (param !== 'id') return null;
  const byPrefix: [string, keyof Ids][] = [
    ['/clients/', 'client'],
    ['/care/clients/', 'client'],
    ['/insights/clients/', 'client'],
    ['/commitments/', 'commitment'],
    ['/interactions/', 'interaction'],
    ['/quotes/', 'quote'],
    ['/projects/', 'project'],
    ['/payment-items/', 'paymentItem'],
    ['/payments/', 'payment'],
    ['/time-entries/', 'timeEntry'],
    ['/change-requests/', 'changeRequest'],
    ['/colleagues/', 'colleague'],
    ['/terms-templates/', 'termsTemplate'],
    ['/care/incidents/', 'incident'],
    ['/care/conflicts/', 'conflict'],
    ['/webhooks/', 'webhook'],
  ];
  const found = byPrefix.find(([prefix]) => path.startsWith(prefix));
  return found ? a[found[1]] : null;
}

const nowhere = (): Ids => {
  const id = () => randomUUID();
  return {
    client: id(),
    contact: id(),
    interaction: id(),
    commitment: id(),
    project: id(),
    deliverable: id(),
    quote: id(),
    termsTemplate: id(),
    colleague: id(),
    paymentItem: id(),
    payment: id(),
    timeEntry: id(),
    incident: id(),
    conflict: id(),
    changeRequest: id(),
    webhook: id(),
  };
};

describe.each(testShapes())('isolation between workspaces ($label)', ({ dialect, skip, hosted }) => {
  let ctx: TestContext;
  let a: Ids;
  let b: Ids;
  let apiB: ApiClient;
  let workspaceB: string;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect, hosted ? { config: { mode: 'hosted' } } : {});
    const apiA = await ctx.owner();
    a = await populate(apiA);
    const other = await ctx.otherWorkspace();
    apiB = other.api;
    workspaceB = other.workspaceId;
    b = await populate(apiB);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  /** A's rows, and whether any row outside A holds one of A's ids. */
  async function state() {
    const all = await snapshotAll(ctx.db);
    const aIds = Object.values(a);
    const ownRows: string[] = [];
    const leaks: string[] = [];
    for (const [table, rows] of Object.entries(all)) {
      for (const raw of rows as string[]) {
        const row = JSON.parse(raw) as Record<string, unknown>;
        if (row.workspace_id !== workspaceB) ownRows.push(`${table}:${raw}`);
        else if (aIds.some((id) => raw.includes(id))) leaks.push(`${table}:${raw}`);
      }
    }
    return { ownRows: ownRows.sort(), leaks };
  }

  it.skipIf(skip)(
    'refuses each body field that names another workspace’s row, as for an id that exists nowhere',
    async () => {
      const before = await state();
      expect(before.leaks).toEqual([]);
      const failures: string[] = [];
      for (const attack of bodyAttacks(b)) {
        const foreign = await apiB.request(attack.method, attack.path, attack.body(a));
        const unknown = await apiB.request(attack.method, attack.path, attack.body(nowhere()));
        if (foreign.status !== 404 && foreign.status !== 422)
          failures.push(`${attack.name}: ${foreign.status} ${JSON.stringify(foreign.body)}`);
        else if (foreign.status !== unknown.status)
          failures.push(`${attack.name}: ${foreign.status} for A's id but ${unknown.status} for an unknown one`);
        else if (JSON.stringify(foreign.body) !== JSON.stringify(unknown.body))
          failures.push(
            `${attack.name}: answers differ: ${JSON.stringify(foreign.body)} / ${JSON.stringify(unknown.body)}`,
          );
      }
      expect(failures).toEqual([]);
      const after = await state();
      expect(after.leaks).toEqual([]);
      expect(after.ownRows).toEqual(before.ownRows);
    },
  );

  it.skipIf(skip)(
    'answers 404 or 422 to every path that names another workspace’s row, and changes nothing',
    async () => {
      const doc = ok(await apiB.get('/api/v1/openapi.json', ZOpenApiDocument), 'openapi');
      const before = await state();
      const failures: string[] = [];
      let tried = 0;
      for (const [template, operations] of Object.entries(doc.paths)) {
        const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        if (!params.length) continue;
        const fill = (ids: Ids) => {
          let path = template;
          for (const p of params) {
            const id = pathId(template, p, ids);
            if (id === null) return null;
            path = path.replace(`{${p}}`, id);
          }
          return `/api/v1${path}`;
        };
        const foreignPath = fill(a);
        const unknownPath = fill(nowhere());
        if (!foreignPath || !unknownPath) continue;
        for (const method of Object.keys(operations)) {
          const upper = method.toUpperCase();
          const body = upper === 'GET' || upper === 'DELETE' ? undefined : {};
          const foreign = await apiB.request(upper, foreignPath, body);
          const unknown = await apiB.request(upper, unknownPath, body);
          tried += 1;
          if (foreign.status !== 404 && foreign.status !== 422)
            failures.push(`${upper} ${template}: ${foreign.status} ${JSON.stringify(foreign.body).slice(0, 200)}`);
          else if (foreign.status !== unknown.status || JSON.stringify(foreign.body) !== JSON.stringify(unknown.body))
            failures.push(`${upper} ${template}: A's id ${foreign.status}, an unknown id ${unknown.status}`);
        }
      }
      expect(failures).toEqual([]);
      expect(tried).toBeGreaterThan(60);
      const after = await state();
      expect(after.leaks).toEqual([]);
      expect(after.ownRows).toEqual(before.ownRows);
    },
  );

  it.skipIf(skip)('holds under random requests mixed from three workspaces (fast-check)', async () => {
    const third = await ctx.otherWorkspace({ owner: { email: 'third@example.com' } });
    const c = await populate(third.api);
    const parties = [
      { ids: b, api: apiB, workspaceId: workspaceB },
      { ids: c, api: third.api, workspaceId: third.workspaceId },
    ];
    const attacks = bodyAttacks(b).length;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: 1 }), fc.nat({ max: attacks - 1 }), fc.boolean()), {
          minLength: 1,
          maxLength: 12,
        }),
        async (steps) => {
          for (const [who, which, fromA] of steps) {
            const actor = parties[who]!;
            const victim = fromA ? a : parties[1 - who]!.ids;
            const attack = bodyAttacks(actor.ids)[which]!;
            const res = await actor.api.request(attack.method, attack.path, attack.body(victim));
            expect([404, 422], `${attack.name}: ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
          }
        },
      ),
      { numRuns: 15, seed: 3 },
    );
    // No row of any workspace holds an id of another's.
    const all = await snapshotAll(ctx.db);
    const clientRow = (all.clients as string[])
      .map((r) => JSON.parse(r) as Record<string, unknown>)
      .find((r) => r.id === a.client);
    const owners = [
      { workspaceId: String(clientRow?.workspace_id), ids: Object.values(a) },
      { workspaceId: workspaceB, ids: Object.values(b) },
      { workspaceId: third.workspaceId, ids: Object.values(c) },
    ];
    const leaks: string[] = [];
    for (const [table, rows] of Object.entries(all)) {
      for (const raw of rows as string[]) {
        const row = JSON.parse(raw) as Record<string, unknown>;
        for (const other of owners) {
          if (row.workspace_id === undefined || row.workspace_id === other.workspaceId) continue;
          if (other.ids.some((id) => raw.includes(id))) leaks.push(`${table}:${raw.slice(0, 200)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
