import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecentLessons } from '../../features/care/components/recent-lessons';
import { StubbornClients } from '../../features/care/components/stubborn-clients';
import { InsightsHealth } from '../../features/insights/components/health/insights-health';
import { usePageTitle } from '../../lib/use-page-title';

/** Insights: who is worth it (charts, energy, health), who needs the conflict principles most, and what the mistakes taught. */
export function InsightsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.insights'));
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('nav.insights')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('care.insights.intro')}
        </Text>
      </div>
      <InsightsHealth />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <StubbornClients />
        <RecentLessons />
      </SimpleGrid>
    </Stack>
  );
}
