import { Anchor, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHealthList } from '../../api/health-queries';
import { signalName } from './health-words';
import { ScoreBadge } from './score-badge';

const PAGE = 50;

/**
 * The client list by health (the clients page shows it when its health filter is chosen): every
 * active client worst first, or only those at risk; sorted, filtered and paged by the server.
 */
export function HealthClientList({ view }: { view: 'worst' | 'at_risk' }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [shownView, setShownView] = useState(view);
  // A new choice starts again from the first page.
  if (shownView !== view) {
    setShownView(view);
    setOffset(0);
  }
  const list = useHealthList({
    period: '90',
    filter: view === 'at_risk' ? 'at_risk' : 'all',
    sort: 'score',
    limit: PAGE,
    offset,
  });
  const data = list.data;
  if (!data)
    return list.isError ? (
      <Text size="sm" c="red.9">
        {list.error.message}
      </Text>
    ) : (
      <Stack gap="xs" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height={56} radius="sm" />
        ))}
      </Stack>
    );
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" aria-live="polite" aria-atomic="true">
        {t(`clients.health.count_${view}`, { count: data.total })}
      </Text>
      {data.items.length === 0 ? (
        <Text size="sm">{t('health.table.empty')}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t(`clients.health.${view}`)}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {data.items.map((r) => (
            <Paper component="li" key={r.clientId} withBorder radius="sm" p="sm">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor
                    fw={600}
                    renderRoot={(p) => <Link to="/clients/$clientId" params={{ clientId: r.clientId }} {...p} />}
                  >
                    <bdi>{r.clientName}</bdi>
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {r.signals.length === 0
                      ? t('clients.health.noSigns')
                      : r.signals.map((s) => signalName(s.signal, t)).join(t('common.separator'))}
                  </Text>
                </Stack>
                {/* The badge keeps its whole text; a long name wraps instead. */}
                <div style={{ flexShrink: 0 }}>
                  <ScoreBadge score={r.score} size="sm" />
                </div>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {data.total > PAGE && (
        <Group justify="space-between" mt="xs" wrap="wrap">
          <Text size="sm">
            {t('health.table.range', { from: offset + 1, to: Math.min(offset + PAGE, data.total), total: data.total })}
          </Text>
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="default"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('health.table.previous')}
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              disabled={offset + PAGE >= data.total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('health.table.next')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
