import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AddressForm, DealerType, UserRole } from '../../../shared/schemas/accounts.js';
import type { Locale } from '../../../shared/schemas/common.js';

/**
 * Timestamps are ISO-8601 UTC strings in both dialects (see docs/decisions/002); JSON columns
 * are text; flags are integers. That keeps every row type identical on SQLite and PostgreSQL.
 */
export type WorkspaceTable = {
  id: string;
  name: string;
  dealer_type: DealerType;
  business_number: string | null;
  vat_rate_bp: number;
  currency: string;
  time_zone: string;
  locale: Locale;
  /** JSON WeeklyHours (read through ZWeeklyHours). */
  service_hours: string;
  payment_terms_days: number;
  payment_terms_note: string | null;
  /** JSON Channel[]. */
  preferred_channels: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  signature: string | null;
  /** Local time (HH:mm) of the morning digest e-mail; null = no digest. */
  digest_time: string | null;
  created_at: string;
  updated_at: string;
};

export type UserTable = {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: UserRole;
  locale: Locale;
  address_form: AddressForm;
  /** SHA-256 of the private calendar feed token (the URL itself is shown once). */
  calendar_token_hash: string | null;
  /** The last successful sign-in (or setup): failed attempts after it are told at the next one. */
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
};

export type SessionTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
  /** Failed sign-ins to the account between the previous sign-in and this one. */
  failed_sign_ins: number;
  last_failed_sign_in_at: string | null;
};

/** Failed sign-ins, kept in the database so throttling holds across processes and restarts. */
export type LoginFailureTable = {
  id: string;
  email: string;
  ip: string;
  created_at: string;
};

export type AccountTables = {
  workspaces: WorkspaceTable;
  users: UserTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
};

export type WorkspaceRow = Selectable<WorkspaceTable>;
export type NewWorkspaceRow = Insertable<WorkspaceTable>;
export type WorkspaceUpdate = Updateable<WorkspaceTable>;
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type NewSessionRow = Insertable<SessionTable>;
export type NewLoginFailureRow = Insertable<LoginFailureTable>;
