import type { TFunction } from 'i18next';
import type { AuditEvent } from '../../../../shared/schemas/audit';
import { conflictTopics } from '../../../../shared/schemas/care';
import { channels, locales } from '../../../../shared/schemas/common';
import { messageKinds } from '../../../../shared/schemas/messages';
import { tokenScopes } from '../../../../shared/schemas/tokens';
import { formatAmount, formatDateTime, formatLongDay, formatNumber } from '../../../lib/format';

type Detail = NonNullable<AuditEvent['detail']>;
const text = (detail: Detail, key: string): string => (typeof detail[key] === 'string' ? detail[key] : '');
const num = (detail: Detail, key: string): number => (typeof detail[key] === 'number' ? detail[key] : 0);
/** The stored text when it is one of the known values (so it has a label), else null. */
function oneOf<V extends string>(values: readonly V[], detail: Detail, key: string): V | null {
  const value = text(detail, key);
  return (values as readonly string[]).includes(value) ? (value as V) : null;
}
const csvLists = ['clients', 'payments'] as const;
const signInMethods = ['password', 'totp', 'recovery_code'] as const;
const failureReasons = ['password', 'code'] as const;

/**
 * What an event's detail says, in words: the facts the record kept (an amount, a format, how many
 * rows), never the raw JSON. Unknown or missing facts say nothing rather than guess.
 */
export function describeDetail(event: AuditEvent, t: TFunction, intl: string, timeZone: string): string | null {
  const d = event.detail;
  if (!d) return null;
  switch (event.action) {
    case 'payment_deleted':
      return t('audit.detail.payment', {
        amount: formatAmount(num(d, 'amount'), text(d, 'currency') || 'ILS'),
        day: text(d, 'receivedOn') ? formatLongDay(text(d, 'receivedOn'), intl) : '',
      });
    case 'time_entry_deleted':
      return t('audit.detail.minutes', { count: num(d, 'minutes'), formatted: formatNumber(num(d, 'minutes'), intl) });
    case 'contact_deleted': {
      const channel = oneOf(channels, d, 'channel');
      const at = text(d, 'occurredAt');
      return [channel ? t(`channels.${channel}`) : '', at ? formatDateTime(at, intl, timeZone) : '']
        .filter(Boolean)
        .join(' · ');
    }
    case 'conflict_deleted': {
      const topic = oneOf(conflictTopics, d, 'topic');
      return topic ? t(`care.conflicts.topic.${topic}`) : null;
    }
    case 'workspace_exported':
      return text(d, 'format').toUpperCase();
    case 'csv_exported': {
      const list = oneOf(csvLists, d, 'list');
      return t('audit.detail.csv', {
        list: list ? t(`audit.lists.${list}`) : '',
        count: num(d, 'rows'),
        formatted: formatNumber(num(d, 'rows'), intl),
      });
    }
    case 'workspace_restored':
      return t('audit.detail.rows', { count: num(d, 'rows'), formatted: formatNumber(num(d, 'rows'), intl) });
    case 'clients_imported':
      return t('audit.detail.imported', {
        created: num(d, 'created'),
        merged: num(d, 'merged'),
        skipped: num(d, 'skipped'),
      });
    case 'chat_imported':
      return t('audit.detail.chat', { messages: num(d, 'messages'), commitments: num(d, 'commitments') });
    case 'template_changed': {
      const kind = oneOf(messageKinds, d, 'kind');
      const locale = oneOf(locales, d, 'locale');
      return [kind ? t(`messages.kinds.${kind}`) : '', locale ? t(`languages.${locale}`) : '']
        .filter(Boolean)
        .join(' · ');
    }
    case 'signed_in':
    case 'two_factor_off': {
      const method = oneOf(signInMethods, d, event.action === 'signed_in' ? 'method' : 'with');
      return method ? t(`audit.method.${method}`) : null;
    }
    case 'sign_in_failed': {
      const reason = oneOf(failureReasons, d, 'reason');
      return reason ? t(`audit.failure.${reason}`) : null;
    }
    case 'api_token_created': {
      const scope = oneOf(tokenScopes, d, 'scope');
      return scope ? t(`audit.scope.${scope}`) : null;
    }
    default:
      return null;
  }
}
