import type { z } from 'zod';
import type { Commitment, ZCommitmentChange } from '../../../../shared/schemas/commitments';
import type { Interaction } from '../../../../shared/schemas/interactions';
import { localDayOf } from '../../../lib/zoned-dates';

export type TimelineCommitmentEvent =
  | { kind: 'created' }
  | { kind: 'moved'; change: z.infer<typeof ZCommitmentChange> }
  | { kind: 'completed' }
  | { kind: 'cancelled' };

export type TimelineEntry =
  | { key: string; at: string; type: 'interaction'; interaction: Interaction }
  | { key: string; at: string; type: 'commitment'; commitment: Commitment; event: TimelineCommitmentEvent };

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
 * Contacts and promise events, newest first, grouped by day in the workspace zone. Contacts come
 * in pages: while older ones remain, promise events older than the oldest contact loaded wait for
 * the next page, so the list never shows a gap that later fills in the middle.
 */
export function buildTimeline(
  interactions: Interaction[],
  commitments: Commitment[],
  moreToLoad: boolean,
  timeZone: string,
): { day: string; entries: TimelineEntry[] }[] {
  const oldestLoaded = moreToLoad ? interactions[interactions.length - 1]?.occurredAt : undefined;
  const entries: TimelineEntry[] = [
    ...interactions.map((interaction): TimelineEntry => ({
      key: interaction.id,
      at: interaction.occurredAt,
      type: 'interaction',
      interaction,
    })),
    ...commitments.flatMap(commitmentEntries).filter((entry) => !oldestLoaded || entry.at >= oldestLoaded),
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
