import { Group, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthPeriod } from '../../../../../shared/schemas/insights';
import { useInsightsOverview } from '../../api/health-queries';
import { EnergyList } from './energy-list';
import { HealthTable } from './health-table';
import { PeriodSwitch } from './period-switch';

const OverviewCharts = lazy(() => import('./insights-charts').then((m) => ({ default: m.OverviewCharts })));

/** "Is this client worth it" across clients: the charts, who costs the most energy, and every client's health. */
export function InsightsHealth() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<HealthPeriod>('90');
  const overview = useInsightsOverview(period);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" c="dimmed" style={{ flex: 1, minInlineSize: 200 }}>
          {t('health.charts.intro')}
        </Text>
        <PeriodSwitch value={period} onChange={setPeriod} />
      </Group>
      {overview.isError && !overview.data ? (
        <Text size="sm" c="red.9">
          {overview.error.message}
        </Text>
      ) : !overview.data ? (
        <Skeleton height={260} />
      ) : (
        <>
          <Suspense fallback={<Skeleton height={260} />}>
            <OverviewCharts overview={overview.data} period={period} />
          </Suspense>
          <EnergyList overview={overview.data} />
        </>
      )}
      <HealthTable period={period} />
    </Stack>
  );
}
