import { describe, expect, it } from 'vitest';
import type { Conflict, Incident } from '../../../../shared/schemas/care';
import type { Commitment } from '../../../../shared/schemas/commitments';
import type { Interaction } from '../../../../shared/schemas/interactions';
import { buildTimeline } from './timeline-entries';

const TZ = 'Asia/Jerusalem';

function interaction(id: string, occurredAt: string): Interaction {
  return {
    id,
    clientId: 'c',
    clientName: 'דנה',
    contactId: null,
    channel: 'whatsapp',
    direction: 'out',
    occurredAt,
    summary: null,
    agreed: null,
    nextSteps: null,
    afterHours: false,
    needsReply: false,
    repliedAt: null,
    source: 'message',
    messageId: null,
    createdAt: occurredAt,
  };
}

function commitment(patch: Partial<Commitment>): Commitment {
  return {
    id: 'p',
    clientId: 'c',
    clientName: 'דנה',
    interactionId: null,
    direction: 'mine',
    title: 'הצעת מחיר',
    notes: null,
    dueDate: '2026-11-24',
    dueTime: '12:00',
    dueAt: '2026-11-24T10:00:00.000Z',
    originalDueAt: '2026-11-23T10:00:00.000Z',
    status: 'open',
    overdue: false,
    completedAt: null,
    cancelledAt: null,
    changes: [],
    createdAt: '2026-11-20T08:00:00.000Z',
    ...patch,
  };
}

describe('client timeline', () => {
  it('merges contacts and promise events newest first, grouped by local day', () => {
    // Built loosely and cast: the change record gains fields as later issues add them.
    const change = {
      id: 'ch',
      fromDueAt: '2026-11-23T10:00:00.000Z',
      toDueAt: '2026-11-24T10:00:00.000Z',
      changedAt: '2026-11-23T09:00:00.000Z',
      inTime: true,
      reason: null,
      messageId: 'm',
      cause: null,
    };
    const moved = commitment({ changes: [change as Commitment['changes'][number]] });
    const days = buildTimeline(
      [interaction('i1', '2026-11-23T09:00:01.000Z'), interaction('i0', '2026-11-19T23:30:00.000Z')],
      [moved],
      false,
      TZ,
    );
    // 23:30 UTC on the 19th is already the 20th in Jerusalem.
    expect(days.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-20']);
    expect(days[0]?.entries.map((e) => (e.type === 'interaction' ? e.interaction.id : e.event.kind))).toEqual([
      'i1',
      'moved',
    ]);
    expect(days[1]?.entries.map((e) => (e.type === 'interaction' ? e.interaction.id : e.event.kind))).toEqual([
      'created',
      'i0',
    ]);
  });

  it('holds back promise events older than the loaded contacts while more pages remain', () => {
    const kept = commitment({
      createdAt: '2026-10-01T08:00:00.000Z',
      completedAt: '2026-10-02T08:00:00.000Z',
      status: 'kept',
    });
    const loaded = [interaction('i1', '2026-11-23T09:00:00.000Z')];
    expect(buildTimeline(loaded, [kept], true, TZ).flatMap((d) => d.entries)).toHaveLength(1);
    expect(
      buildTimeline(loaded, [kept], false, TZ)
        .flatMap((d) => d.entries)
        .map((e) => (e.type === 'commitment' ? e.event.kind : 'contact')),
    ).toEqual(['contact', 'completed', 'created']);
  });

  it('shows a mistake recorded and fixed, and a conflict opened and resolved, in their places', () => {
    // Only the fields the timeline reads are set; the rest of the record does not matter here.
    const incident = {
      id: 'm1',
      clientId: 'c',
      title: 'ההדמיות נשלחו באיחור',
      prevention: 'תזכורת יומיים לפני',
      createdAt: '2026-11-21T08:00:00.000Z',
      fixedAt: '2026-11-24T08:00:00.000Z',
      closedAt: null,
    } as Incident;
    const conflict = {
      id: 'k1',
      clientId: 'c',
      topic: 'schedule',
      outcome: 'נשלח ישר לתערוכה',
      createdAt: '2026-11-22T08:00:00.000Z',
      resolvedAt: null,
    } as Conflict;
    const loaded = [interaction('i1', '2026-11-23T09:00:00.000Z'), interaction('i0', '2026-11-20T09:00:00.000Z')];
    const steps = (moreToLoad: boolean) =>
      buildTimeline(loaded, [], moreToLoad, TZ, { incidents: [incident], conflicts: [conflict] })
        .flatMap((d) => d.entries)
        .map((e) => (e.type === 'care' ? `${e.event.kind}:${e.event.step}` : e.type));
    expect(steps(false)).toEqual([
      'mistake:fixed',
      'interaction',
      'conflict:opened',
      'mistake:recorded',
      'interaction',
    ]);
    // Held back like promise events: nothing older than the oldest contact loaded while pages remain.
    expect(
      buildTimeline([loaded[0]!], [], true, TZ, { incidents: [incident], conflicts: [conflict] })
        .flatMap((d) => d.entries)
        .map((e) => (e.type === 'care' ? `${e.event.kind}:${e.event.step}` : e.type)),
    ).toEqual(['mistake:fixed', 'interaction']);
  });
});
