import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ConflictStatus, ConflictTopic, IncidentCause, IncidentStatus } from '../../../shared/schemas/care.js';
import type { Locale } from '../../../shared/schemas/common.js';

/**
 * A type the user adds. For now it is a playbook only: clients still store `personality` as the
 * built-in union, so no client can carry one yet; the clients module will reference these ids later.
 */
export type ClientTypeTable = {
  id: string;
  workspace_id: string;
  name: string;
  created_at: string;
  updated_at: string;
};

/** The workspace's text of one type in one language; without a row the built-in text applies. */
export type PlaybookTable = {
  id: string;
  workspace_id: string;
  /** A built-in personality, or a client_types id. */
  type_key: string;
  locale: Locale;
  hint: string;
  /** JSON string[] (read through ZPlaybookText). */
  tactics: string;
  /** JSON string[]. */
  avoid: string;
  updated_at: string;
};

export type IncidentTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  project_id: string | null;
  title: string;
  outline: string | null;
  cause: IncidentCause;
  cause_details: string | null;
  prevention: string | null;
  fix: string | null;
  compensation: string | null;
  /** Minor units (agorot) of `currency`, the business currency when recorded. */
  compensation_amount: number;
  currency: string;
  status: IncidentStatus;
  client_reaction: string | null;
  /** A local date (YYYY-MM-DD) in the workspace zone. */
  fix_by: string | null;
  fixed_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
};

export type ConflictTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  topic: ConflictTopic;
  position: string;
  question: string | null;
  interest: string | null;
  reflection: string | null;
  /** JSON ConflictOption[], smallest problem first. */
  options: string;
  chosen_option: number | null;
  outcome: string | null;
  occurred_on: string;
  status: ConflictStatus;
  created_at: string;
  updated_at: string;
};

export type ConflictStakeholderTable = {
  workspace_id: string;
  conflict_id: string;
  contact_id: string;
  position: number;
};

export type CareTables = {
  client_types: ClientTypeTable;
  playbooks: PlaybookTable;
  incidents: IncidentTable;
  conflicts: ConflictTable;
  conflict_stakeholders: ConflictStakeholderTable;
};

export type ClientTypeRow = Selectable<ClientTypeTable>;
export type NewClientTypeRow = Insertable<ClientTypeTable>;
export type PlaybookRow = Selectable<PlaybookTable>;
export type NewPlaybookRow = Insertable<PlaybookTable>;
export type IncidentRow = Selectable<IncidentTable>;
export type NewIncidentRow = Insertable<IncidentTable>;
export type IncidentUpdate = Updateable<IncidentTable>;
export type ConflictRow = Selectable<ConflictTable>;
export type NewConflictRow = Insertable<ConflictTable>;
export type ConflictUpdate = Updateable<ConflictTable>;
export type NewConflictStakeholderRow = Insertable<ConflictStakeholderTable>;
