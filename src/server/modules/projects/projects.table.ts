import type { Insertable, Selectable } from 'kysely';
import type { Channel } from '../../../shared/schemas/common.js';
import type { DelayCause } from '../../../shared/schemas/commitments.js';
import type { DeliverableStatus, ProjectStatus, ScopeDecision } from '../../../shared/schemas/projects.js';

/** The start of the projects module: an accepted quote opens one (the projects issue fills it out). */
export type ProjectTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  title: string;
  status: ProjectStatus;
  target_date: string | null;
  /** My promise to deliver by the target date: reschedules move it, and word-keeping counts it. */
  delivery_commitment_id: string | null;
  created_at: string;
  updated_at: string;
};

export type ProjectRescheduleTable = {
  id: string;
  workspace_id: string;
  project_id: string;
  cause: DelayCause;
  status_text: string;
  from_date: string | null;
  to_date: string;
  message_id: string | null;
  created_at: string;
};

export type ProjectDeliverableTable = {
  id: string;
  workspace_id: string;
  project_id: string;
  position: number;
  title: string;
  target_date: string | null;
  status: DeliverableStatus;
};

export type ColleagueTable = {
  id: string;
  workspace_id: string;
  name: string;
  does: string;
  phone: string | null;
  email: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
};

/** A request beyond what was agreed (scope creep) and what was decided about it. */
export type ChangeRequestTable = {
  id: string;
  workspace_id: string;
  project_id: string;
  client_id: string;
  what: string;
  requested_at: string;
  channel: Channel;
  interaction_id: string | null;
  /** 1 in scope, 0 out of scope, null not yet judged. */
  in_scope: number | null;
  /** Out of scope only. */
  decision: ScopeDecision | null;
  /** Agorot: the goodwill's value, or the (deterrent) price quoted. */
  value: number | null;
  colleague_id: string | null;
  quote_id: string | null;
  commitment_id: string | null;
  message_id: string | null;
  decided_at: string | null;
  created_at: string;
};

export type ProjectTables = {
  projects: ProjectTable;
  project_deliverables: ProjectDeliverableTable;
  project_reschedules: ProjectRescheduleTable;
  colleagues: ColleagueTable;
  change_requests: ChangeRequestTable;
};
export type ProjectRow = Selectable<ProjectTable>;
export type NewProjectRow = Insertable<ProjectTable>;
export type NewDeliverableRow = Insertable<ProjectDeliverableTable>;
export type NewRescheduleRow = Insertable<ProjectRescheduleTable>;
export type DeliverableUpdate = Partial<Pick<ProjectDeliverableTable, 'status' | 'target_date'>>;
export type ChangeRequestRow = Selectable<ChangeRequestTable>;
export type ColleagueRow = Selectable<ColleagueTable>;
export type NewChangeRequestRow = Insertable<ChangeRequestTable>;
export type NewColleagueRow = Insertable<ColleagueTable>;
