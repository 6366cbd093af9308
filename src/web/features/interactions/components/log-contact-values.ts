import type { CommitmentDirection } from '../../../../shared/schemas/commitments';
import type { Channel } from '../../../../shared/schemas/common';
import { instantOf } from '../../../lib/zoned-dates';

/** `key` only keeps React rows stable while editing; it never reaches the API. */
export type PromiseValues = {
  key: string;
  direction: CommitmentDirection;
  title: string;
  dueDate: string;
  dueTime: string | null;
};

/** What the log-a-contact inputs hold: the day and time as typed, in the workspace zone. */
export type LogContactValues = {
  clientId: string | null;
  clientName: string | null;
  channel: Channel;
  direction: 'in' | 'out';
  day: string;
  time: string;
  summary: string;
  agreed: string;
  nextSteps: string;
  needsReply: boolean;
  commitments: PromiseValues[];
};

export const MAX_PROMISES = 10;

export function emptyPromise(today: string): PromiseValues {
  return { key: crypto.randomUUID(), direction: 'mine', title: '', dueDate: today, dueTime: null };
}

/**
 * The API body: the local day and time become an instant in the workspace zone; meeting notes
 * only for meetings; only an incoming contact can wait for a reply.
 */
export function toInteractionInput(v: LogContactValues, timeZone: string) {
  const meeting = v.channel === 'meeting';
  const at = instantOf(v.day, v.time, timeZone);
  return {
    clientId: v.clientId ?? undefined,
    channel: v.channel,
    direction: v.direction,
    // An unreadable date is passed on as is, so the schema reports it at this field.
    occurredAt: at ? at.toISOString() : v.day,
    summary: v.summary,
    agreed: meeting ? v.agreed : null,
    nextSteps: meeting ? v.nextSteps : null,
    needsReply: v.direction === 'in' ? v.needsReply : false,
    commitments: v.commitments.map(({ key: _key, ...draft }) => draft),
  };
}
