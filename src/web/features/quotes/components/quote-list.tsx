import { Button, EmptyState, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Quote, type QuoteStatus, quoteStatuses } from '../../../../shared/schemas/quotes';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { PlusIcon, QuoteIcon, SearchIcon } from '../../../components/ui/icons';
import { Loading } from '../../../components/ui/loading';
import { formatShortDay, formatAmount } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useQuotes } from '../api/quote-queries';
import classes from './quote-list.module.css';
import { QuoteStatusBadge } from './quote-status';

type Filter = 'all' | QuoteStatus;

/** "Sent 3 Nov · valid until 3 Dec": the dates that matter for this status. */
export function QuoteDates({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const v = quote.current;
  const day = (iso: string) => formatShortDay(iso.slice(0, 10), intl, true);
  const parts = [
    v.decidedAt
      ? t('quotes.dates.decided', { date: day(v.decidedAt) })
      : v.sentAt
        ? t('quotes.dates.sent', { date: day(v.sentAt) })
        : t('quotes.dates.created', { date: day(quote.createdAt) }),
    t('quotes.dates.validUntil', { date: day(v.validUntil) }),
  ];
  return (
    <Text size="xs" c="dimmed">
      {parts.join(t('common.separator'))}
    </Text>
  );
}

export function QuoteTotal({ quote }: { quote: Quote }) {
  return <Ltr>{formatAmount(quote.current.totals.total, quote.current.currency)}</Ltr>;
}

function QuoteRow({ quote, showClient }: { quote: Quote; showClient: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={classes.row}>
      <UnstyledButton
        renderRoot={(props) => <Link to="/quotes/$quoteId" params={{ quoteId: quote.id }} {...props} />}
        className={classes.link}
      >
        <span className={classes.number}>
          <Ltr>{quote.number}</Ltr>
        </span>
        <span className={classes.main}>
          <Text fw={600} size="sm" component="span" className={classes.title}>
            <UserText>{quote.current.title}</UserText>
            {quote.kind === 'change_order' && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({t('quotes.kind.change_order')})
              </Text>
            )}
          </Text>
          {showClient && (
            <Text size="sm" component="span" className={classes.client}>
              <UserText>{quote.clientName}</UserText>
            </Text>
          )}
          <QuoteDates quote={quote} />
        </span>
        <span className={classes.status}>
          <QuoteStatusBadge status={quote.status} />
        </span>
        <span className={classes.total}>
          <Text fw={700} size="sm" component="span">
            <QuoteTotal quote={quote} />
          </Text>
        </span>
      </UnstyledButton>
    </li>
  );
}

/** Quotes as cards on a phone, rows on a desktop; filtered by status with chips. */
export function QuoteList({
  clientId = null,
  newQuoteSearch,
}: {
  clientId?: string | null;
  newQuoteSearch?: { clientId?: string };
}) {
  const { t } = useTranslation();
  const quotes = useQuotes(clientId);
  const [filter, setFilter] = useState<Filter>('all');
  const items = quotes.data;
  const counts = useMemo(() => {
    const map = new Map<QuoteStatus, number>();
    for (const q of items ?? []) map.set(q.status, (map.get(q.status) ?? 0) + 1);
    return map;
  }, [items]);

  if (quotes.isPending) return <Loading label={t('common.loading')} />;
  if (quotes.isError) return <Text c="var(--mantine-color-error)">{quotes.error.message}</Text>;
  const all = quotes.data;
  if (all.length === 0 && clientId) {
    return (
      <Text size="sm" c="dimmed">
        {t('quotes.clientSection.empty')}
      </Text>
    );
  }
  if (all.length === 0) {
    return (
      <EmptyState
        py="lg"
        variant="light"
        color="mila"
        icon={<QuoteIcon size={28} />}
        title={t('quotes.empty.title')}
        description={t('quotes.empty.description')}
      >
        <EmptyState.Actions>
          <Button
            renderRoot={(props) => <Link to="/quotes/new" search={newQuoteSearch ?? {}} {...props} />}
            leftSection={<PlusIcon size={18} />}
          >
            {t('quotes.new')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  const options: Choice<Filter>[] = [
    { value: 'all', label: t('quotes.filters.all', { count: all.length }) },
    ...quoteStatuses
      .filter((s) => counts.has(s))
      .map((s) => ({ value: s, label: `${t(`quotes.status.${s}`)} (${counts.get(s) ?? 0})` })),
  ];
  const shown = filter === 'all' ? all : all.filter((q) => q.status === filter);
  return (
    <Stack gap="sm">
      {!clientId && (
        <ChoiceChips label={t('quotes.filters.label')} value={filter} options={options} onChange={setFilter} scroll />
      )}
      {shown.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <SearchIcon size={18} />
          <Text size="sm">{t('quotes.filters.none')}</Text>
        </Group>
      ) : (
        <Paper withBorder={!clientId} radius="md">
          <ul className={classes.list} aria-label={t('quotes.listLabel')}>
            {shown.map((quote) => (
              <QuoteRow key={quote.id} quote={quote} showClient={!clientId} />
            ))}
          </ul>
        </Paper>
      )}
    </Stack>
  );
}
