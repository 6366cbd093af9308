import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ConflictStatus } from '../../../../shared/schemas/care';
import { HandshakeIcon, PlusIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { formatShortDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useClientConflicts } from '../api/care-queries';

const statusColors: Record<ConflictStatus, { color: string; text: string }> = {
  open: { color: 'orange', text: 'dark.7' },
  resolved: { color: 'mila', text: 'mila.9' },
  dropped: { color: 'gray', text: 'dark.7' },
};

export function ConflictStatusBadge({ status }: { status: ConflictStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status].color} c={statusColors[status].text} variant="light" size="sm" radius="sm">
      {t(`care.conflicts.status.${status}`)}
    </Badge>
  );
}

/** The client's conflict cases, each opening its worksheet, and a new worksheet. */
export function ConflictsSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const conflicts = useClientConflicts(clientId);
  const items = conflicts.data ?? [];
  const open = items.filter((c) => c.status === 'open').length;
  return (
    <SectionCard
      id="client-conflicts"
      title={t('care.conflicts.title')}
      icon={<HandshakeIcon size={20} />}
      {...(open > 0 ? { count: t('care.conflicts.openCount', { count: open }) } : {})}
      actions={
        <Button
          size="compact-sm"
          leftSection={<PlusIcon size={16} />}
          renderRoot={(props) => <Link to="/clients/$clientId/conflicts/new" params={{ clientId }} {...props} />}
        >
          {t('care.conflicts.open')}
        </Button>
      }
    >
      {conflicts.isError ? (
        <Text size="sm" c="red.9">
          {conflicts.error.message}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('care.conflicts.empty')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('care.conflicts.title')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {items.map((conflict) => {
            const chosen = conflict.chosenOption === null ? null : conflict.options[conflict.chosenOption];
            return (
              <Paper component="li" key={conflict.id} withBorder radius="sm" p="xs">
                <Link
                  to="/clients/$clientId/conflicts/$conflictId"
                  params={{ clientId, conflictId: conflict.id }}
                  style={{ color: 'inherit', textDecoration: 'none', display: 'block' }}
                >
                  <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                    <Stack gap={2} style={{ minInlineSize: 0 }}>
                      <Text size="xs" c="dimmed">
                        {t(`care.conflicts.topic.${conflict.topic}`)}
                      </Text>
                      <Text size="sm" fw={500} lineClamp={2}>
                        <bdi>{conflict.position}</bdi>
                      </Text>
                      {chosen && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {t('care.conflicts.chosenShort')} <bdi>{chosen.text}</bdi>
                        </Text>
                      )}
                    </Stack>
                    <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                      <ConflictStatusBadge status={conflict.status} />
                      <Text size="xs" c="dimmed">
                        {formatShortDay(conflict.occurredOn, intl)}
                      </Text>
                    </Stack>
                  </Group>
                </Link>
              </Paper>
            );
          })}
        </Stack>
      )}
    </SectionCard>
  );
}
