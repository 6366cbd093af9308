import { describe, expect, it } from 'vitest';
import { ZCreateInteraction } from '../../../../shared/schemas/interactions';
import { type LogContactValues, emptyPromise, toInteractionInput } from './log-contact-values';

const TZ = 'Asia/Jerusalem';
const client = '0197a4c2-7b1e-7c3a-9f10-2a4b6c8d0e1f';

function values(patch: Partial<LogContactValues> = {}): LogContactValues {
  return {
    clientId: client,
    clientName: 'דנה',
    channel: 'phone',
    direction: 'in',
    day: '2026-11-23',
    time: '09:15',
    summary: 'שיחה ראשונה',
    agreed: 'לא אמור להישלח',
    nextSteps: '',
    needsReply: true,
    commitments: [],
    ...patch,
  };
}

describe('log a contact: form values to the API', () => {
  it('a call with two promises passes the shared schema, in one body', () => {
    const input = toInteractionInput(
      values({
        commitments: [
          { ...emptyPromise('2026-11-23'), title: 'הצעת מחיר', dueTime: '12:00' },
          { ...emptyPromise('2026-11-23'), title: 'לוגו', direction: 'theirs' },
        ],
      }),
      TZ,
    );
    const parsed = ZCreateInteraction.parse(input);
    expect(parsed.occurredAt).toBe('2026-11-23T07:15:00.000Z');
    expect(parsed.commitments).toEqual([
      { direction: 'mine', title: 'הצעת מחיר', dueDate: '2026-11-23', dueTime: '12:00', notes: null },
      { direction: 'theirs', title: 'לוגו', dueDate: '2026-11-23', dueTime: null, notes: null },
    ]);
    expect(input.commitments[0]).not.toHaveProperty('key');
  });

  it('keeps meeting notes only for meetings, and a reply is awaited only for incoming contacts', () => {
    expect(toInteractionInput(values(), TZ).agreed).toBeNull();
    expect(toInteractionInput(values({ channel: 'meeting' }), TZ).agreed).toBe('לא אמור להישלח');
    expect(toInteractionInput(values({ direction: 'out' }), TZ).needsReply).toBe(false);
  });

  it('reports a missing client and an empty promise at their fields', () => {
    const result = ZCreateInteraction.safeParse(
      toInteractionInput(values({ clientId: null, commitments: [emptyPromise('2026-11-23')] }), TZ),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['clientId', 'commitments.0.title']),
    );
  });

  it('reports an unreadable date at occurredAt', () => {
    const result = ZCreateInteraction.safeParse(toInteractionInput(values({ day: '' }), TZ));
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('occurredAt');
  });
});
