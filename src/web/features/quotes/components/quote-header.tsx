import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/schemas/quotes';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { QuoteDates, QuoteTotal } from './quote-list';
import { QuoteStatusBadge } from './quote-status';

/** Number, status, client, title, total and dates: the quote at a glance. */
export function QuoteHeader({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Anchor renderRoot={(props) => <Link to="/quotes" {...props} />} size="sm">
        {t('quotes.backToList')}
      </Anchor>
      <Group gap="sm" wrap="wrap" align="center">
        <Title order={1} size="h2">
          {t('quotes.view.heading')} <Ltr>{quote.number}</Ltr>
        </Title>
        <QuoteStatusBadge status={quote.status} />
        {quote.kind === 'change_order' && (
          <Text size="sm" c="dimmed">
            {t('quotes.kind.change_order')}
          </Text>
        )}
      </Group>
      <Text size="sm">
        <Anchor
          renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId: quote.clientId }} {...props} />}
        >
          <UserText>{quote.clientName}</UserText>
        </Anchor>
        {t('common.separator')}
        <UserText>{quote.current.title}</UserText>
        {t('common.separator')}
        <Text span fw={700}>
          <QuoteTotal total={quote.current.totals.total} currency={quote.current.currency} />
        </Text>
      </Text>
      <QuoteDates dates={{ ...quote.current, createdAt: quote.createdAt }} />
    </Stack>
  );
}
