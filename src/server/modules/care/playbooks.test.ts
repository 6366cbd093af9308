import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import en from '../../../shared/locales/en.json' with { type: 'json' };
import he from '../../../shared/locales/he.json' with { type: 'json' };
import { ZMe } from '../../../shared/schemas/accounts.js';
import {
  type CreateClientTypeInput,
  type UpdatePlaybookInput,
  ZPlaybook,
  ZPlaybookList,
} from '../../../shared/schemas/care.js';
import { personalities } from '../../../shared/schemas/clients.js';
import { setupInput } from '../../testing/factories.js';
import { failingWrites, InjectedFailure, snapshotAll } from '../../testing/failure.js';
import { createTestContext, type ApiClient, type TestContext, noContent } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';
import { createWorkspaceWithOwner } from '../accounts/accounts.service.js';
import { createClientType, deleteClientType } from './playbooks.service.js';

const edit: UpdatePlaybookInput = {
  locale: 'he',
  hint: 'לשאול קודם מה חשוב לו היום',
  tactics: ['לשלוח שתי אפשרויות בלבד', 'לתעד את הבחירה במייל'],
  avoid: ['שיחות טלפון בלי סיכום'],
};

const lateType: CreateClientTypeInput = {
  name: 'משלם באיחור',
  locale: 'he',
  hint: 'לקבוע מקדמה לפני שמתחילים',
  tactics: ['מקדמה של שליש', 'תזכורת יום לפני המועד'],
  avoid: ['להתחיל בלי מקדמה'],
};

describe.each(testDialects())('care playbooks on $label', ({ dialect, skip }) => {
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

  it.skipIf(skip)('gives the five built-in playbooks in Hebrew and in English, from the catalogs', async () => {
    const hebrew = await api.get('/api/v1/care/playbooks', ZPlaybookList);
    expect(hebrew.status).toBe(200);
    expect(hebrew.body.locale).toBe('he');
    expect(hebrew.body.items.map((p) => p.type)).toEqual([...personalities]);
    for (const item of hebrew.body.items) {
      expect(item).toMatchObject({ builtIn: true, edited: false, locale: 'he', updatedAt: null });
      expect(item.tactics.length).toBeGreaterThanOrEqual(3);
      expect(item.tactics.length).toBeLessThanOrEqual(5);
      expect(item.avoid.length).toBeGreaterThanOrEqual(2);
      expect(item.avoid.length).toBeLessThanOrEqual(3);
      // Neutral Hebrew: no "את/ה" style slashes.
      expect([item.hint, ...item.tactics, ...item.avoid].join(' ')).not.toMatch(/[\u0590-\u05FF]\/[\u0590-\u05FF]/);
    }
    const unsatisfied = hebrew.body.items.find((p) => p.type === 'unsatisfied')!;
    expect(unsatisfied.name).toBe(he.care.playbooks.unsatisfied.name);
    expect(unsatisfied.tactics[0]).toBe(he.care.playbooks.unsatisfied.tactics[0]);

    const english = await api.get('/api/v1/care/playbooks?locale=en', ZPlaybookList);
    expect(english.body.items.find((p) => p.type === 'unsatisfied')).toMatchObject({
      name: 'Never satisfied',
      locale: 'en',
      tactics: en.care.playbooks.unsatisfied.tactics,
    });
    // The caller's language is the default.
    const byHeader = await api.get('/api/v1/care/playbooks', ZPlaybookList, { 'accept-language': 'en' });
    expect(byHeader.body.locale).toBe('en');
    const one = await api.get('/api/v1/care/playbooks/demanding?locale=en', ZPlaybook);
    expect(one.body).toMatchObject({
      type: 'demanding',
      personality: 'demanding',
      hint: en.care.playbooks.demanding.hint,
    });
    expect((await api.get('/api/v1/care/playbooks/grumpy', ZPlaybook)).status).toBe(404);
    const badLocale = await api.get('/api/v1/care/playbooks?locale=fr', ZPlaybookList);
    expect(badLocale.status).toBe(422);
    expect(badLocale.error.fields?.[0]).toMatchObject({ path: 'locale', code: 'invalid_choice' });
  });

  it.skipIf(skip)('edits a built-in playbook per language and resets it to the default', async () => {
    const put = await api.put('/api/v1/care/playbooks/unsatisfied', edit, ZPlaybook);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ type: 'unsatisfied', edited: true, ...edit });
    expect(put.body.updatedAt).toBe('2026-11-23T08:00:00.000Z');
    // A second edit replaces the first; English is untouched.
    const again = await api.put(
      '/api/v1/care/playbooks/unsatisfied',
      {
        ...edit,
        hint: 'רמז שני',
      },
      ZPlaybook,
    );
    expect(again.body.hint).toBe('רמז שני');
    const english = await api.get('/api/v1/care/playbooks/unsatisfied?locale=en', ZPlaybook);
    expect(english.body).toMatchObject({ edited: false, hint: en.care.playbooks.unsatisfied.hint });
    await api.put('/api/v1/care/playbooks/unsatisfied', { ...edit, locale: 'en', hint: 'Ask first' }, ZPlaybook);

    // Reset one language, then all.
    const resetHe = await api.post('/api/v1/care/playbooks/unsatisfied/reset', { locale: 'he' }, ZPlaybook);
    expect(resetHe.status).toBe(200);
    expect(resetHe.body).toMatchObject({ edited: false, locale: 'he', hint: he.care.playbooks.unsatisfied.hint });
    expect((await api.get('/api/v1/care/playbooks/unsatisfied?locale=en', ZPlaybook)).body.hint).toBe('Ask first');
    const resetAll = await api.post('/api/v1/care/playbooks/unsatisfied/reset', {}, ZPlaybook, {
      'accept-language': 'en',
    });
    expect(resetAll.body).toMatchObject({ edited: false, locale: 'en', hint: en.care.playbooks.unsatisfied.hint });
    const list = await api.get('/api/v1/care/playbooks', ZPlaybookList);
    expect(list.body.items.every((p) => !p.edited)).toBe(true);
    // The body is optional: no body resets every language too.
    await api.put('/api/v1/care/playbooks/lovely', edit, ZPlaybook);
    const bare = await api.checked('POST', '/api/v1/care/playbooks/lovely/reset', ZPlaybook);
    expect(bare.status).toBe(200);
    expect(bare.body).toMatchObject({ edited: false, locale: 'he', hint: he.care.playbooks.lovely.hint });
  });

  it.skipIf(skip)('refuses bad playbook text with field errors in Hebrew (and English)', async () => {
    const bad = await api.put(
      '/api/v1/care/playbooks/blunt',
      {
        locale: 'he',
        hint: '   ',
        tactics: [],
        avoid: Array.from({ length: 9 }, () => 'x'),
      },
      ZPlaybook,
    );
    expect(bad.status).toBe(422);
    const fields = Object.fromEntries((bad.error.fields ?? []).map((f) => [f.path, f]));
    expect(fields.hint).toMatchObject({ code: 'required', message: he.validation.required });
    expect(fields.tactics).toMatchObject({ code: 'required' });
    expect(fields.avoid).toMatchObject({ code: 'too_many', message: he.validation.too_many });
    const inEnglish = await api.put(
      '/api/v1/care/playbooks/blunt',
      { locale: 'he', hint: 'x', tactics: ['x'], avoid: [] },
      ZPlaybook,
      { 'accept-language': 'en' },
    );
    expect(inEnglish.status).toBe(200);
    const missingLocale = await api.put(
      '/api/v1/care/playbooks/blunt',
      { hint: 'x', tactics: ['x'], avoid: [] },
      ZPlaybook,
      { 'accept-language': 'en' },
    );
    expect(missingLocale.error.fields?.[0]).toMatchObject({
      path: 'locale',
      message: en.validation.invalid_choice,
    });
    expect((await api.put('/api/v1/care/playbooks/grumpy', edit, ZPlaybook)).status).toBe(404);
  });

  it.skipIf(skip)('adds a custom type with its playbook, lists it after the built-in ones and deletes it', async () => {
    const created = await api.post('/api/v1/care/types', lateType, ZPlaybook);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      builtIn: false,
      personality: null,
      name: 'משלם באיחור',
      locale: 'he',
      hint: lateType.hint,
      tactics: lateType.tactics,
      edited: true,
    });
    const list = await api.get('/api/v1/care/playbooks?locale=en', ZPlaybookList);
    expect(list.body.items).toHaveLength(6);
    // Written in Hebrew only: the English list shows the Hebrew text, and says so.
    expect(list.body.items[5]).toMatchObject({ type: created.body.type, locale: 'he', hint: lateType.hint });
    const english = await api.put(
      `/api/v1/care/playbooks/${created.body.type}`,
      {
        locale: 'en',
        hint: 'Take a deposit first',
        tactics: ['A third up front'],
        avoid: [],
      },
      ZPlaybook,
    );
    expect(english.body).toMatchObject({ locale: 'en', hint: 'Take a deposit first' });
    const noDefault = await api.post(`/api/v1/care/playbooks/${created.body.type}/reset`, {}, ZPlaybook);
    expect(noDefault.status).toBe(422);
    expect(noDefault.error.fields?.[0]).toMatchObject({ code: 'no_default', message: he.validation.no_default });

    const duplicate = await api.post('/api/v1/care/types', { ...lateType, name: ' משלם באיחור ' }, ZPlaybook);
    expect(duplicate.error.fields?.[0]).toMatchObject({ path: 'name', code: 'type_name_taken' });
    const builtInName = await api.post('/api/v1/care/types', { ...lateType, name: 'Demanding' }, ZPlaybook);
    expect(builtInName.error.fields?.[0]).toMatchObject({ path: 'name', code: 'type_name_taken' });

    expect((await api.delete(`/api/v1/care/types/${created.body.type}`, noContent)).status).toBe(204);
    expect((await api.get(`/api/v1/care/playbooks/${created.body.type}`, ZPlaybook)).status).toBe(404);
    expect((await api.get('/api/v1/care/playbooks', ZPlaybookList)).body.items).toHaveLength(5);
    expect(await ctx.db.kysely.selectFrom('playbooks').selectAll().execute()).toEqual([]);
    expect((await api.delete(`/api/v1/care/types/${created.body.type}`, noContent)).status).toBe(404);
    // Built-in types are not deletable (they are not ids).
    expect((await api.delete('/api/v1/care/types/lovely', noContent)).status).toBe(422);
  });

  it.skipIf(skip)('keeps each workspace’s playbooks and types to itself', async () => {
    const created = await api.post('/api/v1/care/types', lateType, ZPlaybook);
    await api.put('/api/v1/care/playbooks/lovely', edit, ZPlaybook);
    await createWorkspaceWithOwner(ctx.deps, setupInput({ owner: { email: 'other@example.com' } }));
    const other = ctx.client();
    await other.post('/api/v1/auth/login', { email: 'other@example.com', password: 'correct horse battery' }, ZMe);
    const theirs = await other.get('/api/v1/care/playbooks', ZPlaybookList);
    expect(theirs.body.items).toHaveLength(5);
    expect(theirs.body.items.find((p) => p.type === 'lovely')).toMatchObject({ edited: false });
    expect((await other.get(`/api/v1/care/playbooks/${created.body.type}`, ZPlaybook)).status).toBe(404);
    expect((await other.put(`/api/v1/care/playbooks/${created.body.type}`, edit, ZPlaybook)).status).toBe(404);
    expect((await other.delete(`/api/v1/care/types/${created.body.type}`, noContent)).status).toBe(404);
    expect((await api.get(`/api/v1/care/playbooks/${created.body.type}`, ZPlaybook)).status).toBe(200);
  });

  it.skipIf(skip)('adds or deletes a type with its playbook atomically', async () => {
    const scope = {
      workspaceId: (await ctx.db.kysely.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id,
    };
    const before = await snapshotAll(ctx.db);
    const failing = failingWrites(ctx.deps, { table: 'playbooks' });
    await expect(createClientType(failing, scope, { ...lateType, locale: 'he' })).rejects.toBeInstanceOf(
      InjectedFailure,
    );
    expect(await snapshotAll(ctx.db)).toEqual(before);

    const created = await createClientType(ctx.deps, scope, { ...lateType, locale: 'he' });
    const withType = await snapshotAll(ctx.db);
    await expect(
      deleteClientType(failingWrites(ctx.deps, { table: 'client_types', kind: 'delete' }), scope, created.type),
    ).rejects.toBeInstanceOf(InjectedFailure);
    expect(await snapshotAll(ctx.db)).toEqual(withType);
  });
});
