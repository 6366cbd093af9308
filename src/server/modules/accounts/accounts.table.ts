import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AddressForm, DealerType, MemberRole } from '../../../shared/schemas/accounts.js';
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

/**
 * A person who signs in. User-level rows (this one, two-step secrets, recovery codes, e-mail links)
 * belong to the person, not to a workspace; `workspace_id` is their home workspace, the one the
 * account was made in (its deletion takes the account along when it is their only one). What they
 * may do in a workspace is their membership's role (decision 010).
 */
export type UserTable = {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  password_hash: string;
  /** When the address was confirmed by a link sent to it; null until then (hosted sign-up). */
  email_confirmed_at: string | null;
  locale: Locale;
  address_form: AddressForm;
  /** SHA-256 of the private calendar feed token (the URL itself is shown once). */
  calendar_token_hash: string | null;
  /** The last successful sign-in (or setup): failed attempts after it are told at the next one. */
  last_sign_in_at: string | null;
  /**
   * Two-step sign-in: the TOTP secret (base32) once confirmed, null when off. Kept as is: Mila has
   * no key to encrypt it with yet (docs/security.md, not covered yet).
   */
  totp_secret: string | null;
  /** A secret being set up, until a code from the app confirms it. */
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  /** The time step of the last code accepted: a code of that step or an earlier one is refused (replay). */
  totp_last_step: number | null;
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

/** One-time recovery codes: SHA-256 of each (the codes are high-entropy), used once. */
export type RecoveryCodeTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
};

/** What a right password earns when two-step sign-in is on: single use, 5 minutes, hashed. */
export type SignInChallengeTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
};

export type MembershipTable = {
  workspace_id: string;
  user_id: string;
  role: MemberRole;
  created_at: string;
};

/** An owner's invitation to an e-mail address; only the link token's hash is kept. */
export type InvitationTable = {
  id: string;
  workspace_id: string;
  email: string;
  role: MemberRole;
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
};

export type EmailTokenPurpose = 'confirm_email' | 'reset_password';

/** A single-use link sent to the user's own address. */
export type EmailTokenTable = {
  id: string;
  user_id: string;
  purpose: EmailTokenPurpose;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};

export type AccountTables = {
  memberships: MembershipTable;
  invitations: InvitationTable;
  email_tokens: EmailTokenTable;
  workspaces: WorkspaceTable;
  users: UserTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  recovery_codes: RecoveryCodeTable;
  sign_in_challenges: SignInChallengeTable;
};

export type WorkspaceRow = Selectable<WorkspaceTable>;
export type NewWorkspaceRow = Insertable<WorkspaceTable>;
export type WorkspaceUpdate = Updateable<WorkspaceTable>;
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type NewSessionRow = Insertable<SessionTable>;
export type NewLoginFailureRow = Insertable<LoginFailureTable>;
export type NewRecoveryCodeRow = Insertable<RecoveryCodeTable>;
export type SignInChallengeRow = Selectable<SignInChallengeTable>;
export type NewSignInChallengeRow = Insertable<SignInChallengeTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type NewInvitationRow = Insertable<InvitationTable>;
export type EmailTokenRow = Selectable<EmailTokenTable>;
export type NewEmailTokenRow = Insertable<EmailTokenTable>;
