import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZMe } from '../../../shared/schemas/accounts.js';
import { ZClient, ZClientList, ZTagList, type Client } from '../../../shared/schemas/clients.js';
import { clientInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('clients on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  async function create(overrides: Parameters<typeof clientInput>[0] = {}): Promise<Client> {
    const res = await api.post('/api/v1/clients', clientInput(overrides), ZClient);
    expect(res.status, JSON.stringify(res.raw)).toBe(201);
    return res.body;
  }

  async function names(query: string): Promise<string[]> {
    const res = await api.get(`/api/v1/clients?${query}`, ZClientList);
    expect(res.status, JSON.stringify(res.raw)).toBe(200);
    return res.body.items.map((c) => c.name);
  }

  it.skipIf(skip)('creates an organisation with contacts, dates, tags and inherited service hours', async () => {
    const client = await create({
      kind: 'organization',
      name: 'אלפא תקשורת בע"מ',
      status: 'lead',
      personality: 'demanding',
      channel: 'email',
      phone: '03-555-1234',
      email: 'Office@Alpha.co.il',
      businessNumber: '51-6123452',
      tags: ['VIP', ' VIP ', 'תל אביב'],
      contacts: [
        { name: 'רונית לוי', role: 'מנכ"לית', phone: '054-7654321', email: 'ronit@alpha.co.il' },
        { name: 'Avi Cohen', role: 'CFO' },
      ],
      importantDates: [{ kind: 'business_founded', month: 3, day: 14, year: 2011 }],
      notes: 'מעדיפים פגישות בבוקר',
    });
    expect(client).toMatchObject({
      kind: 'organization',
      status: 'lead',
      personality: 'demanding',
      phone: '+97235551234',
      email: 'office@alpha.co.il',
      businessNumber: '516123452',
      language: 'he',
      serviceHours: null,
      tags: ['VIP', 'תל אביב'],
      importantDates: [{ kind: 'business_founded', label: null, month: 3, day: 14, year: 2011 }],
    });
    expect(client.effectiveServiceHours.sun).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(client.contacts.map((c) => [c.name, c.role, c.phone])).toEqual([
      ['רונית לוי', 'מנכ"לית', '+972547654321'],
      ['Avi Cohen', 'CFO', null],
    ]);
    expect((await api.get(`/api/v1/clients/${client.id}`, ZClient)).body).toEqual(client);
  });

  it.skipIf(skip)('rejects bad client input with field errors and stores nothing', async () => {
    const res = await api.post(
      '/api/v1/clients',
      {
        name: '',
        status: 'vip',
        phone: '123',
        email: 'nope',
        contacts: [{ name: 'ok', email: 'bad@' }],
        importantDates: [{ kind: 'birthday', month: 2, day: 30 }],
        serviceHours: { sun: [{ from: '25:00', to: '26:00' }], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
      },
      ZClient,
    );
    expect(res.status).toBe(422);
    expect(res.error.fields?.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'contacts.0.email:invalid_email',
      'email:invalid_email',
      'importantDates.0.day:invalid_date',
      'name:required',
      'phone:invalid_phone',
      'serviceHours.sun.0.from:invalid_time',
      'serviceHours.sun.0.to:invalid_time',
      'status:invalid_choice',
    ]);
    expect((await api.get('/api/v1/clients', ZClientList)).body.total).toBe(0);
  });

  it.skipIf(skip)('updates fields, keeps contacts sent back with their id, and replaces lists', async () => {
    const client = await create({ contacts: [{ name: 'דנה' }, { name: 'יוסי' }], tags: ['a', 'b'] });
    const [dana] = client.contacts;
    const res = await api.patch(
      `/api/v1/clients/${client.id}`,
      {
        status: 'active',
        contacts: [{ id: dana!.id, name: 'דנה ברק', role: 'שיווק' }, { name: 'מיכל' }],
        tags: ['c'],
        serviceHours: { sun: [{ from: '10:00', to: '14:00' }], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
      },
      ZClient,
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('active');
    expect(res.body.contacts.map((c) => c.name)).toEqual(['דנה ברק', 'מיכל']);
    expect(res.body.contacts[0]!.id).toBe(dana!.id);
    expect(res.body.tags).toEqual(['c']);
    expect(res.body.effectiveServiceHours.sun).toEqual([{ from: '10:00', to: '14:00' }]);
    expect(res.body.name).toBe(client.name);
    // The search index follows the change.
    expect(await names('q=מיכל')).toEqual([client.name]);
    expect(await names('q=יוסי')).toEqual([]);
  });

  it.skipIf(skip)('links a referral to another client and refuses unknown or self referrals', async () => {
    const referrer = await create({ name: 'שרה מזרחי' });
    const referred = await create({ name: 'בן מזרחי', referredByClientId: referrer.id });
    expect(referred.referredByName).toBe('שרה מזרחי');
    const self = await api.patch(`/api/v1/clients/${referred.id}`, { referredByClientId: referred.id }, ZClient);
    expect(self.error.fields?.[0]).toMatchObject({ path: 'referredByClientId', code: 'self_reference' });
    const unknown = await api.post(
      '/api/v1/clients',
      clientInput({ referredByClientId: '01a20000-0000-7000-8000-000000000000' }),
      ZClient,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.error.fields?.[0]).toMatchObject({ path: 'referredByClientId', code: 'unknown_client' });
  });

  it.skipIf(skip)('archives and restores; archived clients leave the default list', async () => {
    const client = await create({ name: 'ארכיון' });
    const archived = await api.delete(`/api/v1/clients/${client.id}`, ZClient);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(await names('')).toEqual([]);
    expect(await names('archived=only')).toEqual(['ארכיון']);
    const restored = await api.post(`/api/v1/clients/${client.id}/restore`, undefined, ZClient);
    expect(restored.body.archivedAt).toBeNull();
    expect(await names('')).toEqual(['ארכיון']);
  });

  describe('search', () => {
    beforeEach(async () => {
      if (skip) return;
      await create({ name: 'דנה לוי', email: 'dana@levi.co.il', phone: '052-1234567' });
      await create({ name: 'ללקוח הוותיק שלנו' });
      await create({ name: 'והלקוחות של רמי' });
      await create({ name: 'שָׁלוֹם עִיצוּב', tags: ['גרפיקה'] });
      await create({ name: 'ACME Studio', kind: 'organization', contacts: [{ name: "Jane O'Brien", role: 'מנכ"ל' }] });
      await create({ name: 'דני דין' });
    });

    it.skipIf(skip)('finds a word inside one with Hebrew prefix letters', async () => {
      expect((await names('q=לקוח')).sort()).toEqual(['והלקוחות של רמי', 'ללקוח הוותיק שלנו']);
    });

    it.skipIf(skip)('ignores niqqud on both sides', async () => {
      expect(await names('q=שלום')).toEqual(['שָׁלוֹם עִיצוּב']);
      expect(await names(`q=${encodeURIComponent('עִיצוּב')}`)).toEqual(['שָׁלוֹם עִיצוּב']);
    });

    it.skipIf(skip)('finds names by their first letters', async () => {
      expect(await names('q=דנ')).toEqual(['דנה לוי', 'דני דין']);
      expect(await names('q=דנה')).toEqual(['דנה לוי']);
    });

    it.skipIf(skip)('is case-insensitive in English and searches contacts, emails, phones and tags', async () => {
      expect(await names('q=acme')).toEqual(['ACME Studio']);
      expect(await names('q=o%27brien')).toEqual(['ACME Studio']);
      expect(await names(`q=${encodeURIComponent('מנכ״ל')}`)).toEqual(['ACME Studio']);
      expect(await names('q=DANA%40LEVI')).toEqual(['דנה לוי']);
      expect(await names('q=052-123')).toEqual(['דנה לוי']);
      expect(await names('q=97252123')).toEqual(['דנה לוי']);
      expect(await names('q=גרפיקה')).toEqual(['שָׁלוֹם עִיצוּב']);
    });

    it.skipIf(skip)('combines terms with AND and treats LIKE wildcards as plain text', async () => {
      expect(await names('q=דנה%20לוי')).toEqual(['דנה לוי']);
      expect(await names('q=דנה%20רמי')).toEqual([]);
      expect(await names('q=%25')).toEqual([]);
      expect(await names('q=___')).toEqual([]);
    });
  });

  it.skipIf(skip)('filters by status, type and tag; sorts; pages', async () => {
    const bet = await create({ name: 'בית', status: 'lead', personality: 'lovely', tags: ['x'] });
    ctx.clock.advance(1000);
    await create({ name: 'אלף', status: 'active', personality: 'blunt', tags: ['x', 'y'] });
    ctx.clock.advance(1000);
    await create({ name: 'גימל', status: 'paused', personality: 'lovely' });
    expect(await names('sort=name')).toEqual(['אלף', 'בית', 'גימל']);
    expect(await names('sort=created')).toEqual(['גימל', 'אלף', 'בית']);
    ctx.clock.advance(1000);
    await api.patch(`/api/v1/clients/${bet.id}`, { notes: 'עודכן' }, ZClient);
    expect(await names('sort=recent')).toEqual(['בית', 'גימל', 'אלף']);
    expect(await names('status=lead&status=paused')).toEqual(['בית', 'גימל']);
    expect(await names('personality=lovely')).toEqual(['בית', 'גימל']);
    expect(await names('tag=y')).toEqual(['אלף']);
    expect(await names('tag=x&personality=lovely')).toEqual(['בית']);

    const page1 = await api.get('/api/v1/clients?limit=2', ZClientList);
    expect(page1.body).toMatchObject({ total: 3, nextOffset: 2 });
    const page2 = await api.get('/api/v1/clients?limit=2&offset=2', ZClientList);
    expect(page2.body.items.map((c) => c.name)).toEqual(['גימל']);
    expect(page2.body.nextOffset).toBeNull();

    const tags = await api.get('/api/v1/clients/tags', ZTagList);
    expect(tags.body.items).toEqual([
      { tag: 'x', count: 2 },
      { tag: 'y', count: 1 },
    ]);

    const bad = await api.get('/api/v1/clients?status=vip&limit=1000', ZClientList);
    expect(bad.status).toBe(422);
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['limit', 'status']);
  });

  it.skipIf(skip)('never shows or touches another workspace’s clients', async () => {
    const mine = await create({ name: 'הלקוח שלי' });
    // Its owner signs in (otherWorkspace fails unless the sign-in answers 200).
    const other = await ctx.otherWorkspace({ business: { name: 'עסק אחר' } });
    const otherApi = other.api;
    expect((await otherApi.get('/api/v1/me', ZMe)).body.workspace.name).toBe('עסק אחר');
    expect(other.workspaceId).not.toBe(mine.id);

    expect((await otherApi.get('/api/v1/clients', ZClientList)).body.total).toBe(0);
    expect((await otherApi.get('/api/v1/clients?q=שלי', ZClientList)).body.items).toEqual([]);
    expect((await otherApi.get(`/api/v1/clients/${mine.id}`, ZClient)).status).toBe(404);
    expect((await otherApi.patch(`/api/v1/clients/${mine.id}`, { name: 'נחטף' }, ZClient)).status).toBe(404);
    expect((await otherApi.delete(`/api/v1/clients/${mine.id}`, ZClient)).status).toBe(404);
    const steal = await otherApi.post('/api/v1/clients', clientInput({ referredByClientId: mine.id }), ZClient);
    expect(steal.error.fields?.[0]?.code).toBe('unknown_client');
    expect((await otherApi.get('/api/v1/clients/tags', ZTagList)).body).toEqual({ items: [] });

    expect((await api.get(`/api/v1/clients/${mine.id}`, ZClient)).body).toMatchObject({
      name: 'הלקוח שלי',
      archivedAt: null,
    });
  });
});
