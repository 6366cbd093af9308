import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/ui/icons';
import { quoteFiltersFrom, quotesSearchPatch, type QuotesSearch } from '../../features/quotes/api/quote-list-search';
import { QuotesBrowser } from '../../features/quotes/components/quote-list';
import { usePageTitle } from '../../lib/use-page-title';

const route = getRouteApi('/_app/quotes');

export function QuotesPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
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
      <QuotesBrowser
        filters={quoteFiltersFrom(search)}
        onChange={(patch, options) =>
          void navigate({
            search: (prev: QuotesSearch) => ({ ...prev, ...quotesSearchPatch(patch) }) as QuotesSearch,
            replace: options?.replace ?? false,
          })
        }
      />
    </Stack>
  );
}
