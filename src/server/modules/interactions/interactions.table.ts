import type { Insertable, Selectable } from 'kysely';
import type { Channel } from '../../../shared/schemas/common.js';
import type { InteractionDirection, InteractionSource } from '../../../shared/schemas/interactions.js';

export type InteractionTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  contact_id: string | null;
  channel: Channel;
  direction: InteractionDirection;
  occurred_at: string;
  summary: string | null;
  agreed: string | null;
  next_steps: string | null;
  /** 1 when an incoming contact came outside the client's agreed service hours. */
  after_hours: number;
  needs_reply: number;
  /** How long a call or meeting took, when logged: effort for client health. */
  duration_minutes: number | null;
  replied_at: string | null;
  source: InteractionSource;
  message_id: string | null;
  created_at: string;
};

/**
 * Per client and UTC month (YYYY-MM of occurred_at): the sums client health reads for whole months,
 * recomputed from the contacts in the same transaction as every contact write (decision 008).
 */
export type InteractionMonthTable = {
  workspace_id: string;
  client_id: string;
  month: string;
  contacts: number;
  after_hours: number;
  minutes: number;
  last_at: string;
};

export type InteractionTables = { interactions: InteractionTable; interaction_months: InteractionMonthTable };
export type InteractionRow = Selectable<InteractionTable>;
export type NewInteractionRow = Insertable<InteractionTable>;
