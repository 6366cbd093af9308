import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/schemas/care';
import { Ltr } from '../../../components/ui/bidi';
import { EditIcon } from '../../../components/ui/icons';
import { formatAmount, formatDateTime, formatLongDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { ApologyChecklist } from './apology-checklist';
import { MistakeStatusBadge } from './mistake-labels';

type Props = {
  incident: Incident;
  timeZone: string;
  /** Shown where the client is not obvious (the list of all mistakes). */
  showClient?: boolean;
  onEdit: () => void;
  /**
   * Where what follows a record goes: composing the apology (with the fix-by promise) joins here
   * when the messages endpoint for it exists.
   */
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
export function MistakeView({ incident, timeZone, showClient = false, onEdit, actions }: Props) {
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
      {incident.status === 'open' && <ApologyChecklist />}
      {incident.outline && <Field label={t('care.mistakes.fields.outline')}>{incident.outline}</Field>}
      {incident.causeDetails && <Field label={t('care.mistakes.fields.causeDetails')}>{incident.causeDetails}</Field>}
      {incident.fix && <Field label={t('care.mistakes.fields.fix')}>{incident.fix}</Field>}
      {incident.fixBy && (
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
