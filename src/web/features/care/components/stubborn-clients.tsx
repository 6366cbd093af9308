import { Anchor, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { HandshakeIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { useStubbornClients } from '../api/care-queries';

/**
 * Seed 002's exercise: work through the principles with your five most stubborn clients. Ranked
 * by open conflicts, open mistakes and requests beyond the agreed scope; each opens a worksheet.
 */
export function StubbornClients() {
  const { t } = useTranslation();
  const list = useStubbornClients();
  return (
    <SectionCard id="insights-stubborn" title={t('care.stubborn.title')} icon={<HandshakeIcon size={20} />}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('care.stubborn.intro')}
      </Text>
      {list.isPending ? (
        <Skeleton height={120} />
      ) : list.isError ? (
        <Text size="sm" c="red.9">
          {list.error.message}
        </Text>
      ) : list.data.length === 0 ? (
        <Text size="sm">{t('care.stubborn.empty')}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ol"
          aria-label={t('care.stubborn.title')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {list.data.map((client, index) => {
            const reasons = [
              client.openConflicts > 0 && t('care.stubborn.conflicts', { count: client.openConflicts }),
              client.openIncidents > 0 && t('care.stubborn.mistakes', { count: client.openIncidents }),
              client.changeRequests > 0 && t('care.stubborn.changes', { count: client.changeRequests }),
            ].filter((r): r is string => Boolean(r));
            return (
              <Paper component="li" key={client.clientId} withBorder radius="sm" p="sm">
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <Group gap="sm" wrap="nowrap" style={{ minInlineSize: 0 }}>
                    <Text fw={700} c="dimmed" aria-hidden>
                      {index + 1}
                    </Text>
                    <Stack gap={2} style={{ minInlineSize: 0 }}>
                      <Anchor
                        fw={500}
                        renderRoot={(props) => (
                          <Link to="/clients/$clientId" params={{ clientId: client.clientId }} {...props} />
                        )}
                      >
                        <bdi>{client.clientName}</bdi>
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {reasons.join(t('common.separator'))}
                      </Text>
                    </Stack>
                  </Group>
                  <Button
                    size="compact-sm"
                    variant="light"
                    renderRoot={(props) => (
                      <Link to="/clients/$clientId/conflicts/new" params={{ clientId: client.clientId }} {...props} />
                    )}
                  >
                    {t('care.stubborn.openWorksheet')}
                    <span className="visually-hidden"> {client.clientName}</span>
                  </Button>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </SectionCard>
  );
}
