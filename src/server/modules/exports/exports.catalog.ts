/**
 * What a workspace export holds, in the order a restore inserts it (a table comes after every table
 * its foreign keys point to). Keys are the columns the pages are read in (keyset order). Columns
 * listed in `deferred` point into the same table: restore fills them in a second pass.
 *
 * Every table with a `workspace_id` is either here or in EXCLUDED (a test keeps that true), so a new
 * table cannot silently go missing from the export.
 */
export type ExportTable = { name: string; key: readonly string[]; deferred?: readonly string[] };

export const EXPORT_TABLES: readonly ExportTable[] = [
  { name: 'client_types', key: ['id'] },
  { name: 'colleagues', key: ['id'] },
  { name: 'terms_templates', key: ['id'] },
  { name: 'message_templates', key: ['kind', 'locale'] },
  { name: 'playbooks', key: ['id'] },
  { name: 'quote_counters', key: ['year'] },
  { name: 'clients', key: ['id'], deferred: ['referred_by_client_id'] },
  { name: 'client_contacts', key: ['id'] },
  { name: 'client_dates', key: ['id'] },
  { name: 'client_tags', key: ['client_id', 'tag'] },
  { name: 'interactions', key: ['id'] },
  { name: 'interaction_months', key: ['client_id', 'month'] },
  { name: 'commitments', key: ['id'] },
  { name: 'commitment_changes', key: ['id'] },
  { name: 'messages', key: ['id'] },
  { name: 'projects', key: ['id'] },
  { name: 'project_deliverables', key: ['id'] },
  { name: 'project_reschedules', key: ['id'] },
  { name: 'quotes', key: ['id'] },
  { name: 'quote_versions', key: ['id'] },
  { name: 'change_requests', key: ['id'] },
  { name: 'payment_items', key: ['id'] },
  { name: 'payments', key: ['id'] },
  { name: 'time_entries', key: ['id'] },
  { name: 'incidents', key: ['id'] },
  { name: 'conflicts', key: ['id'] },
  { name: 'conflict_commitments', key: ['conflict_id', 'commitment_id'] },
  { name: 'conflict_stakeholders', key: ['conflict_id', 'contact_id'] },
  { name: 'offboardings', key: ['id'] },
  { name: 'notifications', key: ['id'] },
];

/**
 * Tenant tables left out, and why: credentials (sessions, client links, API tokens), the mail queue
 * (restoring it would send again), the scheduler's bookkeeping, and the WhatsApp import's duplicate
 * keys (after a restore, importing the same chat again would add it twice: to be carried over).
 */
export const EXCLUDED_TABLES: readonly string[] = [
  'sessions',
  'quote_links',
  'outbox',
  'job_runs',
  'api_tokens',
  'chat_import_messages',
  // Webhook endpoints hold their signing secret (a credential, like API tokens), and an endpoint
  // restored without it could not sign: they are set up again after a move. Deliveries are the
  // queue and its log: restoring them would send the events again.
  'webhook_endpoints',
  'webhook_deliveries',
  // The audit log is this install's own record of who did what from where: a restore starts its
  // own record rather than taking on another's (it notes the restore itself).
  'audit_events',
  // Two-step sign-in's recovery codes and sign-in challenges are credentials; the owner turns
  // two-step sign-in on again after a move (the TOTP secret is not exported either).
  'recovery_codes',
  'sign_in_challenges',
  // The team is invited again after a move: memberships name accounts of this installation, and
  // open invitations are credentials (a link that makes an account).
  'memberships',
  'invitations',
  // Rollups of kept promises (decision 016): derived from the promises, so a restore rebuilds them
  // from the promises it restored instead of trusting another install's sums.
  'commitment_days',
  'commitment_late_months',
];

/** The owner's row as exported: who they are, never their password or feed token hashes. */
export const USER_COLUMNS = ['id', 'email', 'name', 'locale', 'address_form', 'created_at'] as const;

/** The business profile as exported and restored (the id and timestamps stay the target's). */
export const WORKSPACE_COLUMNS = [
  'name',
  'dealer_type',
  'business_number',
  'vat_rate_bp',
  'currency',
  'time_zone',
  'locale',
  'service_hours',
  'payment_terms_days',
  'payment_terms_note',
  'preferred_channels',
  'email',
  'phone',
  'address',
  'signature',
  'digest_time',
] as const;

export const EXPORT_FORMAT = 'mila-export';
export const EXPORT_VERSION = 1;
