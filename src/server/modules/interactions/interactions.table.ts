import type { Selectable } from 'kysely';

export type InteractionTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  contact_id: string | null;
  channel: string;
  direction: string;
  occurred_at: string;
  summary: string | null;
  agreed: string | null;
  next_steps: string | null;
  /** 1 when an incoming contact came outside the client's agreed service hours. */
  after_hours: number;
  needs_reply: number;
  replied_at: string | null;
  source: string;
  message_id: string | null;
  created_at: string;
};

export type InteractionTables = { interactions: InteractionTable };
export type InteractionRow = Selectable<InteractionTable>;
