import type { Insertable, Selectable } from 'kysely';
import type { AuditAction } from '../../../shared/schemas/audit.js';

export type AuditEventTable = {
  id: string;
  workspace_id: string;
  user_id: string | null;
  token_id: string | null;
  action: AuditAction;
  /** The client it concerns, if any (named as the client is named now). */
  client_id: string | null;
  /** What it was done to, named as it was then: the row itself may be gone later. */
  target: string | null;
  /** JSON of ZAuditDetail. */
  detail: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
};

export type AuditTables = { audit_events: AuditEventTable };
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEventRow = Insertable<AuditEventTable>;
