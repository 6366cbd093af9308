import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors.js';
import type { Client } from '../../../shared/schemas/clients.js';
import type { Interaction, InteractionCreated } from '../../../shared/schemas/interactions.js';
import { clientInput } from '../../testing/factories.js';
import { createTestContext, type ApiClient, type TestContext } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-db.js';

describe.each(testDialects())('durations of calls and meetings on $label', ({ dialect, skip }) => {
  let ctx: TestContext;
  let api: ApiClient;
  let client: Client;
  beforeEach(async () => {
    if (skip) return;
    ctx = await createTestContext(dialect);
    api = await ctx.owner();
    client = (await api.post<Client>('/api/v1/clients', clientInput({ name: 'מסעדת הגפן' }))).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('stores, returns, corrects and clears how long a call took', async () => {
    const call = await api.post<InteractionCreated>('/api/v1/interactions', {
      clientId: client.id,
      channel: 'phone',
      direction: 'in',
      occurredAt: '2026-11-23T07:00:00.000Z',
      durationMinutes: 45,
    });
    expect(call.status).toBe(201);
    expect(call.body.interaction.durationMinutes).toBe(45);
    const id = call.body.interaction.id;
    expect((await api.get<Interaction>(`/api/v1/interactions/${id}`)).body.durationMinutes).toBe(45);

    const corrected = await api.patch<Interaction>(`/api/v1/interactions/${id}`, { durationMinutes: 50 });
    expect(corrected.body.durationMinutes).toBe(50);
    const untouched = await api.patch<Interaction>(`/api/v1/interactions/${id}`, { summary: 'תיאום' });
    expect(untouched.body.durationMinutes).toBe(50);
    const cleared = await api.patch<Interaction>(`/api/v1/interactions/${id}`, { durationMinutes: null });
    expect(cleared.body.durationMinutes).toBeNull();

    const message = await api.post<InteractionCreated>('/api/v1/interactions', {
      clientId: client.id,
      channel: 'whatsapp',
      direction: 'out',
    });
    expect(message.body.interaction.durationMinutes).toBeNull();
  });

  it.skipIf(skip)('refuses a duration that is not 1–1440 whole minutes', async () => {
    for (const [durationMinutes, code] of [
      [0, 'too_small'],
      [1441, 'too_big'],
      [12.5, 'invalid_number'],
    ] as const) {
      const res = await api.post<ApiError>('/api/v1/interactions', {
        clientId: client.id,
        channel: 'meeting',
        direction: 'out',
        durationMinutes,
      });
      expect(res.status).toBe(422);
      expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'durationMinutes', code })]);
    }
  });
});
