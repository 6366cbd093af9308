import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/schemas/care';
import type { Commitment } from '../../../../shared/schemas/commitments';
import { Ltr } from '../../../components/ui/bidi';
import { CheckIcon, EditIcon, PromiseIcon } from '../../../components/ui/icons';
import { formatAmount, formatDateTime, formatLongDay, formatTime } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { ApologyChecklist } from './apology-checklist';
import { MistakeStatusBadge } from './mistake-labels';

type Props = {
  incident: Incident;
  timeZone: string;
  /** Shown where the client is not obvious (the list of all mistakes). */
  showClient?: boolean;
  onEdit: () => void;
  /** The fix promise just made with the apology (its time too); later the record's own day. */
  fixPromise?: Commitment | null;
  /** What follows a record: preparing the apology (with the fix-by promise). */
  actions?: ReactNode;
};

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** A recorded mistake: what to say on the call (the checklist), and everything written about it. */
export function MistakeView({ incident, timeZone, showClient = false, onEdit, fixPromise = null, actions }: Props) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h4" dir="auto" style={{ overflowWrap: 'anywhere' }}>
          {incident.title}
        </Title>
        <Group gap="xs" mt={4}>
          <MistakeStatusBadge status={incident.status} />
          <Badge variant="outline" color="gray" c="dark.7" size="sm" radius="sm">
            {t(`care.mistakes.cause.${incident.cause}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(incident.createdAt, intl, timeZone)}
          </Text>
          {showClient && (
            <Link
              to="/clients/$clientId"
              params={{ clientId: incident.clientId }}
              style={{ fontSize: 'var(--mantine-font-size-sm)' }}
            >
              <bdi>{incident.clientName}</bdi>
            </Link>
          )}
        </Group>
      </div>
      {(incident.apologyMessageId || incident.fixCommitmentId) && (
        <Stack gap={4} role="status">
          {incident.apologyMessageId && (
            <Group gap={6} c="mila.9" wrap="nowrap">
              <CheckIcon size={16} />
              <Text size="sm" fw={600}>
                {t('care.apology.wasSent')}
              </Text>
            </Group>
          )}
          {incident.fixCommitmentId && (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <PromiseIcon size={16} style={{ flexShrink: 0, marginBlockStart: 2 }} />
              <Text size="sm">
                {fixPromise?.dueTime
                  ? t('care.apology.fixPromisedAt', {
                      day: formatLongDay(fixPromise.dueDate, intl),
                      time: formatTime(fixPromise.dueAt, intl, timeZone),
                    })
                  : incident.fixBy
                    ? t('care.apology.fixPromised', { day: formatLongDay(incident.fixBy, intl) })
                    : t('care.apology.fixPromisedNoDay')}
              </Text>
            </Group>
          )}
        </Stack>
      )}
      {incident.status === 'open' && !incident.apologyMessageId && <ApologyChecklist />}
      {incident.outline && <Field label={t('care.mistakes.fields.outline')}>{incident.outline}</Field>}
      {incident.causeDetails && <Field label={t('care.mistakes.fields.causeDetails')}>{incident.causeDetails}</Field>}
      {incident.fix && <Field label={t('care.mistakes.fields.fix')}>{incident.fix}</Field>}
      {incident.fixBy && !incident.fixCommitmentId && (
        <Field label={t('care.mistakes.fields.fixBy')}>
          <bdi>{formatLongDay(incident.fixBy, intl)}</bdi>
        </Field>
      )}
      {incident.prevention && <Field label={t('care.mistakes.fields.prevention')}>{incident.prevention}</Field>}
      {(incident.compensation || incident.compensationAmount > 0) && (
        <Field label={t('care.mistakes.compensationTitle')}>
          {incident.compensation}
          {incident.compensation && incident.compensationAmount > 0 && ' · '}
          {incident.compensationAmount > 0 && <Ltr>{formatAmount(incident.compensationAmount, incident.currency)}</Ltr>}
        </Field>
      )}
      {incident.clientReaction && (
        <Field label={t('care.mistakes.fields.clientReaction')}>{incident.clientReaction}</Field>
      )}
      <Group justify="flex-end" gap="sm">
        {actions}
        <Button variant="light" leftSection={<EditIcon size={16} />} onClick={onEdit}>
          {t('actions.edit')}
        </Button>
      </Group>
    </Stack>
  );
}
