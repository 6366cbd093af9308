import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZClient, type Client } from '../../../shared/schemas/clients.js';
import { ZInteraction, ZInteractionCreated } from '../../../shared/schemas/interactions.js';
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
    client = (await api.post('/api/v1/clients', clientInput({ name: 'מסעדת הגפן' }), ZClient)).body;
  });
  afterEach(async () => {
    if (!skip) await ctx.close();
  });

  it.skipIf(skip)('stores, returns, corrects and clears how long a call took', async () => {
    const call = await api.post(
      '/api/v1/interactions',
      {
        clientId: client.id,
        channel: 'phone',
        direction: 'in',
        occurredAt: '2026-11-23T07:00:00.000Z',
        durationMinutes: 45,
      },
      ZInteractionCreated,
    );
    expect(call.status).toBe(201);
    expect(call.body.interaction.durationMinutes).toBe(45);
    const id = call.body.interaction.id;
    expect((await api.get(`/api/v1/interactions/${id}`, ZInteraction)).body.durationMinutes).toBe(45);

    const corrected = await api.patch(`/api/v1/interactions/${id}`, { durationMinutes: 50 }, ZInteraction);
    expect(corrected.body.durationMinutes).toBe(50);
    const untouched = await api.patch(`/api/v1/interactions/${id}`, { summary: 'תיאום' }, ZInteraction);
    expect(untouched.body.durationMinutes).toBe(50);
    const cleared = await api.patch(`/api/v1/interactions/${id}`, { durationMinutes: null }, ZInteraction);
    expect(cleared.body.durationMinutes).toBeNull();

    const message = await api.post(
      '/api/v1/interactions',
      { clientId: client.id, channel: 'whatsapp', direction: 'out' },
      ZInteractionCreated,
    );
    expect(message.body.interaction.durationMinutes).toBeNull();
  });

  it.skipIf(skip)('refuses a duration that is not 1–1440 whole minutes', async () => {
    for (const [durationMinutes, code] of [
      [0, 'too_small'],
      [1441, 'too_big'],
      [12.5, 'invalid_number'],
    ] as const) {
      const res = await api.post(
        '/api/v1/interactions',
        { clientId: client.id, channel: 'meeting', direction: 'out', durationMinutes },
        ZInteractionCreated,
      );
      expect(res.status).toBe(422);
      expect(res.error.code).toBe('validation_failed');
      expect(res.error.fields).toEqual([expect.objectContaining({ path: 'durationMinutes', code })]);
    }
  });
});
