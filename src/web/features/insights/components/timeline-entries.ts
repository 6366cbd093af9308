import type { z } from 'zod';
import type { Conflict, Incident } from '../../../../shared/schemas/care';
import type { Commitment, ZCommitmentChange } from '../../../../shared/schemas/commitments';
import type { Interaction } from '../../../../shared/schemas/interactions';
import { localDayOf } from '../../../lib/zoned-dates';

export type TimelineCommitmentEvent =
  | { kind: 'created' }
  | { kind: 'moved'; change: z.infer<typeof ZCommitmentChange> }
  | { kind: 'completed' }
  | { kind: 'cancelled' };

/** A mistake recorded, fixed or closed; a conflict opened or resolved (seeds 002, 003). */
export type TimelineCareEvent =
  | { kind: 'mistake'; incident: Incident; step: 'recorded' | 'fixed' | 'closed' }
  | { kind: 'conflict'; conflict: Conflict; step: 'opened' | 'resolved' };

export type TimelineEntry =
  | { key: string; at: string; type: 'interaction'; interaction: Interaction }
  | { key: string; at: string; type: 'commitment'; commitment: Commitment; event: TimelineCommitmentEvent }
  | { key: string; at: string; type: 'care'; event: TimelineCareEvent };

export type CareCases = { incidents: Incident[]; conflicts: Conflict[] };

/** Each mistake and conflict as its dated steps. */
function careEntries({ incidents, conflicts }: CareCases): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (key: string, at: string | null, event: TimelineCareEvent) => {
    if (at) entries.push({ key, at, type: 'care', event });
  };
  for (const incident of incidents) {
    add(`${incident.id}-recorded`, incident.createdAt, { kind: 'mistake', incident, step: 'recorded' });
    add(`${incident.id}-fixed`, incident.fixedAt, { kind: 'mistake', incident, step: 'fixed' });
    add(`${incident.id}-closed`, incident.closedAt, { kind: 'mistake', incident, step: 'closed' });
  }
  for (const conflict of conflicts) {
    add(`${conflict.id}-opened`, conflict.createdAt, { kind: 'conflict', conflict, step: 'opened' });
    add(`${conflict.id}-resolved`, conflict.resolvedAt, { kind: 'conflict', conflict, step: 'resolved' });
  }
  return entries;
}

/** Each promise's life as dated events: made, moved, kept, cancelled. */
function commitmentEntries(commitment: Commitment): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    {
      key: `${commitment.id}-created`,
      at: commitment.createdAt,
      type: 'commitment',
      commitment,
      event: { kind: 'created' },
    },
  ];
  for (const change of commitment.changes) {
    entries.push({
      key: change.id,
      at: change.changedAt,
      type: 'commitment',
      commitment,
      event: { kind: 'moved', change },
    });
  }
  if (commitment.completedAt)
    entries.push({
      key: `${commitment.id}-done`,
      at: commitment.completedAt,
      type: 'commitment',
      commitment,
      event: { kind: 'completed' },
    });
  if (commitment.cancelledAt)
    entries.push({
      key: `${commitment.id}-cancelled`,
      at: commitment.cancelledAt,
      type: 'commitment',
      commitment,
      event: { kind: 'cancelled' },
    });
  return entries;
}

/**
 * Contacts, promise events and care cases (mistakes, conflicts), newest first, grouped by day in the workspace zone. Contacts come
 * in pages: while older ones remain, promise and care events older than the oldest contact loaded wait for
 * the next page, so the list never shows a gap that later fills in the middle.
 */
export function buildTimeline(
  interactions: Interaction[],
  commitments: Commitment[],
  moreToLoad: boolean,
  timeZone: string,
  care: CareCases = { incidents: [], conflicts: [] },
): { day: string; entries: TimelineEntry[] }[] {
  const oldestLoaded = moreToLoad ? interactions[interactions.length - 1]?.occurredAt : undefined;
  const entries: TimelineEntry[] = [
    ...interactions.map((interaction): TimelineEntry => ({
      key: interaction.id,
      at: interaction.occurredAt,
      type: 'interaction',
      interaction,
    })),
    ...[...commitments.flatMap(commitmentEntries), ...careEntries(care)].filter(
      (entry) => !oldestLoaded || entry.at >= oldestLoaded,
    ),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const grouped: { day: string; entries: TimelineEntry[] }[] = [];
  for (const entry of entries) {
    const day = localDayOf(entry.at, timeZone);
    const last = grouped[grouped.length - 1];
    if (last && last.day === day) last.entries.push(entry);
    else grouped.push({ day, entries: [entry] });
  }
  return grouped;
}
