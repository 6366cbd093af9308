import type { Insertable, Selectable } from 'kysely';
import type { CommitmentDirection, DelayCause } from '../../../shared/schemas/commitments.js';

export type CommitmentTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  interaction_id: string | null;
  /** The quote or project this promise belongs to (sending the quote keeps "quote by Thursday"). */
  quote_id: string | null;
  project_id: string | null;
  direction: CommitmentDirection;
  title: string;
  notes: string | null;
  /** As the person said it, in the workspace zone: the day and, unless "during the day", the time. */
  due_date: string;
  due_time: string | null;
  /** The deadline instant (UTC): the due time, or the end of the due day. */
  due_at: string;
  original_due_at: string;
  /** 1 once the due time was moved after it had already passed (the word was broken first). */
  late_change: number;
  /**
   * The deadline my word was first held to and missed: the old deadline of the first move that counts
   * against me (moved once late, or a project delay of mine). Late from that moment until kept.
   */
  late_at: string | null;
  change_count: number;
  completed_at: string | null;
  cancelled_at: string | null;
  /** Why it was closed without being kept (a client let go, the work handed over); null otherwise. */
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
};

export type CommitmentChangeTable = {
  id: string;
  workspace_id: string;
  commitment_id: string;
  from_due_at: string;
  to_due_at: string;
  changed_at: string;
  in_time: number;
  reason: string | null;
  message_id: string | null;
  /** Set for project delays: mine · client · external (only mine counts against my word). */
  cause: DelayCause | null;
};

/**
 * Per UTC day of `completed_at` and direction, the kept promises (not cancelled) by outcome: the
 * workspace's word-keeping reads these instead of every promise (decision 016). Recounted from the
 * promises in the transaction of every write that keeps or reopens one.
 */
export type CommitmentDayTable = {
  workspace_id: string;
  day: string;
  direction: CommitmentDirection;
  kept: number;
  renegotiated: number;
  kept_late: number;
};

/** Per client, UTC month of `completed_at` and direction, the promises kept late (no row for none): client health. */
export type CommitmentLateMonthTable = {
  workspace_id: string;
  client_id: string;
  month: string;
  direction: CommitmentDirection;
  kept_late: number;
};

export type CommitmentTables = {
  commitments: CommitmentTable;
  commitment_changes: CommitmentChangeTable;
  commitment_days: CommitmentDayTable;
  commitment_late_months: CommitmentLateMonthTable;
};
export type CommitmentRow = Selectable<CommitmentTable>;
export type NewCommitmentRow = Insertable<CommitmentTable>;
export type CommitmentChangeRow = Selectable<CommitmentChangeTable>;
export type NewCommitmentChangeRow = Insertable<CommitmentChangeTable>;
