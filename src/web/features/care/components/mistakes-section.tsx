import { Anchor, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../../shared/schemas/care';
import { AlertIcon, PlusIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { formatShortDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useClientIncidents } from '../api/care-queries';
import type { Composer } from '../../../lib/composer-slot';
import { useMistakeDialogs } from './mistake-dialogs';
import { MistakeStatusBadge } from './mistake-labels';

type Props = {
  clientId: string;
  /** On a project's page: its mistakes only, and new ones are recorded on it. */
  projectId?: string | null;
  currency: string;
  timeZone: string;
  /** The message composer for the apology (features/messages), from the page. */
  composer: Composer;
};

export function MistakeRow({
  incident,
  onOpen,
  footer,
}: {
  incident: Incident;
  onOpen: () => void;
  /** Under the button (the client's link in the list of all mistakes). */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <UnstyledButton onClick={onOpen} style={{ inlineSize: '100%' }}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minInlineSize: 0 }}>
            <Text size="sm" fw={500} dir="auto" style={{ overflowWrap: 'anywhere' }}>
              {incident.title}
            </Text>
            {incident.prevention && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {t('care.mistakes.preventionShort')} <bdi>{incident.prevention}</bdi>
              </Text>
            )}
          </Stack>
          <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
            <MistakeStatusBadge status={incident.status} />
            <Text size="xs" c="dimmed">
              {formatShortDay(incident.createdAt.slice(0, 10), intl)}
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
      {footer}
    </Paper>
  );
}

/** A client's (or a project's) mistakes, and the button to record one. */
export function MistakesSection({ clientId, projectId = null, currency, timeZone, composer }: Props) {
  const { t } = useTranslation();
  const incidents = useClientIncidents(clientId, projectId);
  const dialogs = useMistakeDialogs({ currency, timeZone, composer });
  const items = incidents.data ?? [];
  const open = items.filter((i) => i.status === 'open').length;
  return (
    <SectionCard
      id={projectId ? 'project-mistakes' : 'client-mistakes'}
      title={t('care.mistakes.title')}
      icon={<AlertIcon size={20} />}
      {...(open > 0 ? { count: t('care.mistakes.openCount', { count: open }) } : {})}
      actions={
        <Button
          size="compact-sm"
          leftSection={<PlusIcon size={16} />}
          onClick={() => dialogs.record(clientId, projectId)}
        >
          {t('care.mistakes.record')}
        </Button>
      }
    >
      {incidents.isError ? (
        <Text size="sm" c="red.9">
          {incidents.error.message}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('care.mistakes.emptyClient')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('care.mistakes.title')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((incident) => (
            <MistakeRow key={incident.id} incident={incident} onOpen={() => dialogs.view(incident)} />
          ))}
        </Stack>
      )}
      {items.length > 0 && (
        <Anchor
          size="sm"
          mt="sm"
          display="inline-block"
          renderRoot={(props) => <Link to="/insights/mistakes" {...props} />}
        >
          {t('care.mistakes.allLink')}
        </Anchor>
      )}
      {dialogs.dialog}
    </SectionCard>
  );
}
