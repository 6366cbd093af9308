import type { Selectable } from 'kysely';

/** The start of the projects module: an accepted quote opens one (the projects issue fills it out). */
export type ProjectTable = {
  id: string;
  workspace_id: string;
  client_id: string;
  title: string;
  /** planned · active · waiting_for_client · delivered · closed */
  status: string;
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
  cause: string;
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
  status: string;
};

export type ProjectTables = { projects: ProjectTable; project_deliverables: ProjectDeliverableTable; project_reschedules: ProjectRescheduleTable };
export type ProjectRow = Selectable<ProjectTable>;
