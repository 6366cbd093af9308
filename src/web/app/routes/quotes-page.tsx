import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/ui/icons';
import { QuoteList } from '../../features/quotes/components/quote-list';
import { usePageTitle } from '../../lib/use-page-title';

export function QuotesPage() {
  const { t } = useTranslation();
  usePageTitle(t('quotes.title'));
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('quotes.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('quotes.subtitle')}
          </Text>
        </div>
        <Button component={Link} to="/quotes/new" leftSection={<PlusIcon size={18} />}>
          {t('quotes.new')}
        </Button>
      </Group>
      <QuoteList />
    </Stack>
  );
}
