import type { z } from 'zod';

/** A field error before translation: the code picks the message, params fill it in. */
export type FieldIssue = { path: string; code: string; params: Record<string, string | number> };

const KNOWN_CODES = new Set([
  'required',
  'too_long',
  'too_short',
  'too_small',
  'too_big',
  'too_many',
  'invalid_email',
  'invalid_phone',
  'invalid_id_number',
  'invalid_choice',
  'invalid_date',
  'invalid_time',
  'time_range',
  'invalid_timezone',
  'invalid_currency',
  'invalid_number',
  'invalid_type',
  'invalid_encoding',
  'invalid_id',
  'password_too_short',
  'choose_one',
  'unknown_field',
  'unknown_client',
  'self_reference',
  'email_taken',
  'in_future',
  'in_past',
  'commitment_closed',
  'unknown_contact',
  'no_recipient',
  'unknown_commitment',
  'email_not_configured',
  'unknown_interaction',
  'unknown_template',
  'unknown_project',
  'same_date',
  'use_reschedule',
  'unknown_colleague',
  'needs_decision',
  'already_decided',
  'parts_sum',
  'different_currency',
  'quote_not_accepted',
  'unknown_quote',
  'unknown_payment_item',
  'duplicate_client',
  'date_out_of_range',
  'password_too_long',
  'password_weak',
  'wrong_password',
  'invalid_url',
  'webhook_url_https',
  'invalid_totp_code',
  'invalid_recovery_code',
  'wrong_totp_code',
  'totp_code_used',
  'wrong_recovery_code',
  'unknown_user',
]);

/**
 * Maps zod issues to our codes. Our schemas put the code in the message; zod's own issues
 * (wrong type, unknown key…) are mapped by their kind so no English text from zod leaks out.
 */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (KNOWN_CODES.has(issue.message)) {
      const params: Record<string, string | number> = {};
      if (issue.code === 'too_small' || issue.code === 'too_big') {
        const limit = 'minimum' in issue ? issue.minimum : 'maximum' in issue ? issue.maximum : undefined;
        if (typeof limit === 'number' || typeof limit === 'bigint') params.limit = Number(limit);
      }
      return { path, code: issue.message, params };
    }
    switch (issue.code) {
      case 'invalid_type':
        return { path, code: issue.input === undefined ? 'required' : 'invalid_type', params: {} };
      case 'too_small':
        return {
          path,
          code: issue.origin === 'string' ? 'too_short' : 'too_small',
          params: { limit: Number(issue.minimum) },
        };
      case 'too_big':
        return {
          path,
          code: issue.origin === 'string' ? 'too_long' : 'too_big',
          params: { limit: Number(issue.maximum) },
        };
      case 'invalid_value':
        return { path, code: 'invalid_choice', params: {} };
      case 'unrecognized_keys':
        return { path: [path, ...issue.keys].filter(Boolean).join('.'), code: 'unknown_field', params: {} };
      case 'invalid_format':
        return { path, code: issue.format === 'email' ? 'invalid_email' : 'invalid_type', params: {} };
      default:
        return { path, code: 'invalid_type', params: {} };
    }
  });
}
