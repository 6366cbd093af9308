import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZCommitment } from '../shared/schemas/commitments.js';
import { createClient, createQuote, portalPath, sendQuote } from './testing/api-helpers.js';
import { quoteInput } from './testing/factories.js';
import { snapshotAll } from './testing/failure.js';
import { ok, populate, type Ids } from './testing/populate.js';
import { createTestContext, ZOpenApiDocument, type ApiClient, type TestContext } from './testing/test-app.js';
import { testDialects } from './testing/test-db.js';

/**
 * Hostile input never makes a 500: the four causes the fuzzer found (an unknown interaction, PATCH
 * with nothing to set, a date past the calendar's range), then every write operation of the OpenAPI
 * document with bodies that are wrong in every way, and a short fast-check run of random JSON.
 */

/** The path with this workspace's own ids in it; null where a parameter is not an id we hold. */
function fillPath(template: string, ids: Ids): string | null {
  const byPrefix: [string, keyof Ids][] = [
    ['/clients/', 'client'],
    ['/care/clients/', 'client'],
    ['/insights/clients/', 'client'],
    ['/care/referrals/', 'client'],
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
  ];
  let path = template;
  for (const [, param = ''] of template.matchAll(/\{(\w+)\}/g)) {
    const special: Record<string, string> = { kind: 'not_forgotten', locale: 'he', type: 'regular' };
    const key = byPrefix.find(([prefix]) => template.startsWith(prefix))?.[1];
    const value = param === 'deliverableId' ? ids.deliverable : (special[param] ?? (key ? ids[key] : undefined));
    if (!value) return null;
    path = path.replace(`{${param}}`, value);
  }
  return `/api/v1${path}`;
}

const FAR = '9999-12-31';
/** `npm run test:fuzz` raises the runs and draws a new seed; `npm test` keeps the short, fixed run. */
const FUZZ_RUNS = Number(process.env.MILA_FUZZ_RUNS ?? 150);
const FUZZ_SEED = Number(process.env.MILA_FUZZ_SEED ?? 12);
const hostileStrings = ['\u0000', "' OR 1=1 --", '<script>alert(1)</script>', '\u202Eevil', 'x'.repeat(20_000), FAR];
const hostileValues: unknown[] = [
  null,
  -1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  0.5,
  true,
  [],
  {},
  ...hostileStrings,
  `${FAR}T23:59:59Z`,
];
const fieldNames = [
  'clientId',
  'projectId',
  'title',
  'name',
  'dueDate',
  'dueTime',
  'date',
  'targetDate',
  'receivedOn',
  'validUntil',
  'occurredAt',
  'requestedAt',
  'completedAt',
  'fixBy',
  'occurredOn',
  'minutes',
  'amount',
  'status',
  'items',
  'channel',
  'body',
  'kind',
  'direction',
  'what',
  'parts',
  'decisions',
];

function deep(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

describe.each(testDialects())('hostile input ($label)', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let ids: Ids;

  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    ids = await populate(api);
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function writeOperations(): Promise<{ method: string; path: string }[]> {
    const doc = ok(await api.get('/api/v1/openapi.json', ZOpenApiDocument), 'openapi');
    return Object.entries(doc.paths).flatMap(([template, operations]) => {
      const path = fillPath(template, ids);
      if (!path || path.endsWith('/auth/logout')) return [];
      return Object.keys(operations)
        .map((m) => m.toUpperCase())
        .filter((m) => m === 'POST' || m === 'PUT' || m === 'PATCH')
        .map((method) => ({ method, path }));
    });
  }

  it.skipIf(skip)('refuses a promise from an unknown contact entry with a field error', async () => {
    const before = await snapshotAll(ctx.db);
    const res = await api.post(
      '/api/v1/commitments',
      {
        clientId: ids.client,
        title: 'x',
        dueDate: '2026-11-26',
        interactionId: '0197a4c2-7b1e-7c3a-9f10-2a4b6c8d0e1f',
      },
      ZCommitment,
    );
    expect(res.status).toBe(422);
    expect(res.error.fields?.map((f) => f.path)).toEqual(['interactionId']);
    expect(await snapshotAll(ctx.db)).toEqual(before);
  });

  it.skipIf(skip)('answers PATCH with nothing to set (every PATCH operation) with a 4xx, never a 500', async () => {
    const patches = (await writeOperations()).filter((o) => o.method === 'PATCH');
    expect(patches.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        `/api/v1/time-entries/${ids.timeEntry}`,
        `/api/v1/projects/${ids.project}/deliverables/${ids.deliverable}`,
      ]),
    );
    const failures: string[] = [];
    for (const { path } of patches) {
      const res = await api.request('PATCH', path, {});
      if (res.status >= 500) failures.push(`PATCH ${path}: ${res.status}`);
    }
    expect(failures).toEqual([]);
    const timeEntry = await api.request('PATCH', `/api/v1/time-entries/${ids.timeEntry}`, {});
    expect(timeEntry.status).toBe(422);
    const deliverable = await api.request(
      'PATCH',
      `/api/v1/projects/${ids.project}/deliverables/${ids.deliverable}`,
      {},
    );
    expect(deliverable.status).toBe(422);
  });

  it.skipIf(skip)('refuses dates past the calendar’s range in every date field with a field error', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/v1/commitments', { clientId: ids.client, title: 'x', dueDate: FAR }, 'dueDate'],
      ['POST', `/api/v1/commitments/${ids.commitment}/renegotiate`, { dueDate: FAR }, 'dueDate'],
      ['POST', '/api/v1/projects', { clientId: ids.client, title: 'x', targetDate: FAR }, 'targetDate'],
      ['POST', `/api/v1/projects/${ids.project}/target`, { targetDate: FAR }, 'targetDate'],
      ['POST', `/api/v1/projects/${ids.project}/materials`, { what: 'x', dueDate: FAR }, 'dueDate'],
      [
        'PATCH',
        `/api/v1/projects/${ids.project}/deliverables/${ids.deliverable}`,
        { targetDate: '0001-01-01' },
        'targetDate',
      ],
      ['POST', '/api/v1/payment-items', { clientId: ids.client, label: 'x', amount: 1, dueDate: FAR }, 'dueDate'],
      ['POST', '/api/v1/payments', { clientId: ids.client, amount: 1, receivedOn: FAR, method: 'x' }, 'receivedOn'],
      ['POST', '/api/v1/time-entries', { clientId: ids.client, date: FAR, minutes: 5 }, 'date'],
      ['POST', '/api/v1/quotes', { clientId: ids.client, title: 'x', items: [], validUntil: FAR }, 'validUntil'],
      [
        'POST',
        '/api/v1/interactions',
        { clientId: ids.client, channel: 'phone', direction: 'in', occurredAt: `${FAR}T10:00:00Z` },
        'occurredAt',
      ],
      [
        'POST',
        `/api/v1/projects/${ids.project}/change-requests`,
        { what: 'x', channel: 'email', requestedAt: `${FAR}T10:00:00Z` },
        'requestedAt',
      ],
      ['POST', `/api/v1/commitments/${ids.commitment}/complete`, { completedAt: `${FAR}T10:00:00Z` }, 'completedAt'],
      ['POST', '/api/v1/care/incidents', { clientId: ids.client, title: 'x', fixBy: FAR }, 'fixBy'],
      [
        'POST',
        '/api/v1/care/conflicts',
        { clientId: ids.client, topic: 'schedule', position: 'x', occurredOn: FAR },
        'occurredOn',
      ],
    ];
    const failures: string[] = [];
    for (const [method, path, body, field] of cases) {
      const res = await api.request(method, path, body);
      const fields = (res.body as { error?: { fields?: { path: string; code: string }[] } }).error?.fields ?? [];
      if (res.status !== 422 || !fields.some((f) => f.path === field && f.code === 'date_out_of_range'))
        failures.push(`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
  });

  it.skipIf(skip)('answers every write operation with a 4xx for bodies wrong in every way', async () => {
    const operations = await writeOperations();
    expect(operations.length).toBeGreaterThan(60);
    const bodies: unknown[] = [
      {},
      [],
      'a string',
      42,
      null,
      deep(2000),
      Object.fromEntries(fieldNames.map((f) => [f, FAR])),
      Object.fromEntries(fieldNames.map((f) => [f, '\u0000\u202E<script>'])),
      Object.fromEntries(fieldNames.map((f) => [f, 1e308])),
      Object.fromEntries(fieldNames.map((f) => [f, -1])),
      Object.fromEntries(fieldNames.map((f) => [f, [{}]])),
    ];
    const failures: string[] = [];
    for (const { method, path } of operations) {
      for (const body of [...bodies, '{"broken": ', '\uDC00']) {
        const res = await api.request(method, path, body);
        if (res.status >= 500) failures.push(`${method} ${path} ${JSON.stringify(body).slice(0, 60)}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.skipIf(skip)(
    'never answers 500 to random JSON bodies (a short fast-check run)',
    { timeout: 20_000 + FUZZ_RUNS * 50 },
    async () => {
      const operations = await writeOperations();
      const value = fc.oneof(fc.constantFrom(...hostileValues), fc.jsonValue({ maxDepth: 3 }));
      const body = fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 8 });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...operations), body, async ({ method, path }, b) => {
          const res = await api.request(method, path, b);
          expect(res.status, `${method} ${path} ${JSON.stringify(b).slice(0, 200)}`).toBeLessThan(500);
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
      );
    },
  );

  it.skipIf(skip)('keeps bidi overrides and control characters out of the client’s quote page', async () => {
    const client = await createClient(api, { name: 'קפה \u202Eהגפן\u0007' });
    expect(client.name).toBe('קפה הגפן');
    const quote = await createQuote(
      api,
      client.id,
      quoteInput(client.id, {
        title: 'מיתוג \u202Dfdp.exe',
        items: [{ description: 'לוגו\u202E\u2067', quantity: 1, unit: 'פרויקט', unitPrice: 100_000 }],
        notes: 'שורה\u0000 ראשונה\nשורה \u2068שנייה\u2069',
      }),
    );
    const sent = await sendQuote(api, quote.id);
    const page = await ctx.app.request(portalPath(sent.url!));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('fdp.exe');
    for (const ch of ['\u202A', '\u202B', '\u202D', '\u202E', '\u0000', '\u0007'])
      expect(html.includes(ch), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(false);
  });
});
