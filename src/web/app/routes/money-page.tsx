import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoneyOverview } from '../../features/payments/components/money-overview';
import { usePageTitle } from '../../lib/use-page-title';

/** Money: what clients owe (oldest first), what is late, what came in this month, the week's hours. */
export function MoneyPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.money'));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('nav.money')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('money.overview.intro')}
          </Text>
        </div>
        <Button component="a" href="/api/v1/exports/payments.csv" download variant="default">
          {t('money.exportCsv')}
        </Button>
      </Group>
      <MoneyOverview />
    </Stack>
  );
}
