import { z } from 'zod';
import { ZId, ZIsoDateTime, ZPageLimit, ZPageOffset } from './common.js';

/**
 * The sensitive actions the owner can look back on (issue 12, ASVS V16.3): who got in or failed to,
 * what changed the account's safety or settings, what data left or arrived, and what was deleted.
 * Each has a label in both catalogs (`audit.action.<action>`).
 */
export const auditActionsByGroup = {
  access: [
    'signed_in',
    'sign_in_failed',
    'other_sessions_ended',
    'password_changed',
    'password_reset',
    'two_factor_on',
    'two_factor_off',
    'recovery_codes_renewed',
    'email_confirmed',
    'password_reset_by_email',
  ],
  team: ['member_invited', 'invitation_withdrawn', 'member_joined', 'member_role_changed', 'member_removed'],
  settings: [
    'account_changed',
    'business_profile_changed',
    'template_changed',
    'calendar_feed_renewed',
    'calendar_feed_revoked',
  ],
  data: ['workspace_exported', 'csv_exported', 'workspace_restored', 'clients_imported', 'chat_imported'],
  keys: ['api_token_created', 'api_token_revoked', 'webhook_created', 'webhook_deleted', 'quote_links_revoked'],
  deletions: [
    'client_archived',
    'contact_deleted',
    'payment_deleted',
    'time_entry_deleted',
    'mistake_deleted',
    'conflict_deleted',
  ],
} as const;

export type AuditGroup = keyof typeof auditActionsByGroup;
export const auditGroups = Object.keys(auditActionsByGroup) as AuditGroup[];
export const auditActions = Object.values(auditActionsByGroup).flat();
export type AuditAction = (typeof auditActionsByGroup)[AuditGroup][number];
export const ZAuditAction = z.enum(auditActions as [AuditAction, ...AuditAction[]], { error: 'invalid_choice' });

export function groupOfAction(action: AuditAction): AuditGroup {
  return auditGroups.find((group) => (auditActionsByGroup[group] as readonly string[]).includes(action))!;
}

/** Small facts about the action (a count, a format, the changed fields): never a secret. */
export const ZAuditDetail = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type AuditDetail = z.infer<typeof ZAuditDetail>;

export const ZAuditEvent = z
  .object({
    id: ZId,
    action: ZAuditAction,
    group: z.enum(auditGroups as [AuditGroup, ...AuditGroup[]]),
    at: ZIsoDateTime,
    actor: z
      .object({ userId: ZId, name: z.string(), viaToken: z.boolean() })
      .nullable()
      .meta({ description: 'Who did it; null for the command line, the scheduler or a failed sign-in' }),
    target: z
      .string()
      .nullable()
      .meta({ description: 'What it was done to, as named at the time (a client, a token, a format)' }),
    client: z.object({ id: ZId, name: z.string() }).nullable().meta({ description: 'The client it concerns' }),
    detail: ZAuditDetail.nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditEventList = z
  .object({ items: z.array(ZAuditEvent), total: z.number().int(), nextOffset: z.number().int().nullable() })
  .meta({ id: 'AuditEventList' });
export type AuditEventList = z.infer<typeof ZAuditEventList>;

export const ZAuditListQuery = z.object({
  group: z.enum(auditGroups as [AuditGroup, ...AuditGroup[]], { error: 'invalid_choice' }).optional(),
  limit: ZPageLimit,
  offset: ZPageOffset,
});
export type AuditListQuery = z.output<typeof ZAuditListQuery>;
export type AuditListQueryInput = z.input<typeof ZAuditListQuery>;
