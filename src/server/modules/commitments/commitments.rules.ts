import type { CommitmentStatus } from '../../../shared/schemas/commitments.js';
import { dayBounds, fromLocal, parseDate } from '../../../shared/time/zoned.js';

/** The deadline instant: the due time that day, or the last moment of the day when no time was said. */
export function deadline(dueDate: string, dueTime: string | null, timeZone: string): string {
  if (dueTime) {
    const [hour, minute] = dueTime.split(':').map(Number) as [number, number];
    return fromLocal({ ...parseDate(dueDate), hour, minute }, timeZone).toISOString();
  }
  return new Date(dayBounds(dueDate, timeZone).end.getTime() - 1).toISOString();
}

export type StatusFacts = {
  dueAt: string;
  completedAt: string | null;
  cancelledAt: string | null;
  changeCount: number;
  /** The deadline my word was first held to and missed by a move that counts against me (see the table). */
  lateAt: string | null;
};

/**
 * Derived, never typed by hand: done by the deadline is kept (or renegotiated, when the deadline
 * was moved in time); done after it is kept late; past the deadline and not done is broken (late,
 * still open). A move that counts against me (made once already late, or a delay of my own) does
 * not reset the clock: past the deadline it missed, the promise is late — broken while open, kept
 * late once done — whatever its new date.
 */
export function commitmentStatus(f: StatusFacts, now: Date): CommitmentStatus {
  if (f.cancelledAt) return 'cancelled';
  const missed = (at: string) => at > f.dueAt || (f.lateAt !== null && at > f.lateAt);
  if (f.completedAt) {
    if (missed(f.completedAt)) return 'kept_late';
    return f.changeCount > 0 ? 'renegotiated' : 'kept';
  }
  if (missed(now.toISOString())) return 'broken';
  return f.changeCount > 0 ? 'renegotiated' : 'open';
}

/** Kept on time for the word-keeping rate: kept, or renegotiated in time and then kept. */
export function keptOnTime(status: CommitmentStatus): boolean {
  return status === 'kept' || status === 'renegotiated';
}
