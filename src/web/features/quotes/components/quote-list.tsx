import { Button, EmptyState, Group, Paper, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type QuoteSort,
  type QuoteStatus,
  type QuoteSummary,
  quoteSorts,
  quoteStatuses,
} from '../../../../shared/schemas/quotes';
import { Ltr, UserText } from '../../../components/ui/bidi';
import { type Choice, ChoiceChips } from '../../../components/ui/choice-chips';
import { DebouncedSearch } from '../../../components/ui/debounced-search';
import { ShowMore } from '../../../components/ui/show-more';
import { PlusIcon, QuoteIcon, SearchIcon } from '../../../components/ui/icons';
import { Loading } from '../../../components/ui/loading';
import { formatShortDay, formatAmount } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { type QuoteFilters, useQuotePages, useQuotes } from '../api/quote-queries';
import classes from './quote-list.module.css';
import { QuoteStatusBadge } from './quote-status';

type Filter = 'all' | QuoteStatus;
type QuoteDays = { createdAt: string; sentAt: string | null; decidedAt: string | null; validUntil: string };

/** "Sent 3 Nov · valid until 3 Dec": the dates that matter for this status. */
export function QuoteDates({ dates }: { dates: QuoteDays }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const day = (iso: string) => formatShortDay(iso.slice(0, 10), intl, true);
  const parts = [
    dates.decidedAt
      ? t('quotes.dates.decided', { date: day(dates.decidedAt) })
      : dates.sentAt
        ? t('quotes.dates.sent', { date: day(dates.sentAt) })
        : t('quotes.dates.created', { date: day(dates.createdAt) }),
    t('quotes.dates.validUntil', { date: day(dates.validUntil) }),
  ];
  return (
    <Text size="xs" c="dimmed">
      {parts.join(t('common.separator'))}
    </Text>
  );
}

export function QuoteTotal({ total, currency }: { total: number; currency: string }) {
  return <Ltr>{formatAmount(total, currency)}</Ltr>;
}

function QuoteRow({ quote, showClient }: { quote: QuoteSummary; showClient: boolean }) {
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
            <UserText>{quote.title}</UserText>
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
          <QuoteDates dates={quote} />
        </span>
        <span className={classes.status}>
          <QuoteStatusBadge status={quote.status} />
        </span>
        <span className={classes.total}>
          <Text fw={700} size="sm" component="span">
            <QuoteTotal total={quote.total} currency={quote.currency} />
          </Text>
        </span>
      </UnstyledButton>
    </li>
  );
}

function Rows({ items, showClient, framed }: { items: QuoteSummary[]; showClient: boolean; framed: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder={framed} radius="md">
      <ul className={classes.list} aria-label={t('quotes.listLabel')}>
        {items.map((quote) => (
          <QuoteRow key={quote.id} quote={quote} showClient={showClient} />
        ))}
      </ul>
    </Paper>
  );
}

function NoQuotesYet({ newQuoteSearch }: { newQuoteSearch?: { clientId?: string } }) {
  const { t } = useTranslation();
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

/** One client's quotes on their page: all of them (a client has tens), newest first. */
export function ClientQuoteList({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const quotes = useQuotes(clientId);
  if (quotes.isPending) return <Loading label={t('common.loading')} />;
  if (quotes.isError) return <Text c="var(--mantine-color-error)">{quotes.error.message}</Text>;
  if (quotes.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('quotes.clientSection.empty')}
      </Text>
    );
  return <Rows items={quotes.data} showClient={false} framed={false} />;
}

/**
 * The workspace's quotes: search by number, title or client; status chips with the server's
 * counts; a sort; a page at a time. The filters live in the URL (the page passes them in).
 */
export function QuotesBrowser({
  filters,
  onChange,
}: {
  filters: QuoteFilters;
  onChange: (patch: Partial<QuoteFilters>, options?: { replace?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const pages = useQuotePages(filters);

  if (pages.isPending) return <Loading label={t('common.loading')} />;
  if (pages.isError) return <Text c="var(--mantine-color-error)">{pages.error.message}</Text>;
  const first = pages.data.pages[0]!;
  const items = pages.data.pages.flatMap((p) => p.items);
  const everything = first.counts.reduce((sum, c) => sum + c.count, 0);
  if (everything === 0 && !filters.q && !filters.status) return <NoQuotesYet />;
  const count = (s: QuoteStatus) => first.counts.find((c) => c.status === s)?.count ?? 0;
  const options: Choice<Filter>[] = [
    { value: 'all', label: t('quotes.filters.all', { count: everything }) },
    ...quoteStatuses
      .filter((s) => count(s) > 0 || filters.status === s)
      .map((s) => ({ value: s, label: `${t(`quotes.status.${s}`)} (${count(s)})` })),
  ];
  return (
    <Stack gap="sm">
      <Group gap="sm" align="end" wrap="wrap">
        <DebouncedSearch
          label={t('quotes.search.label')}
          placeholder={t('quotes.search.placeholder')}
          value={filters.q}
          onCommit={(q) => onChange({ q }, { replace: true })}
        />
        <Select
          style={{ flex: '0 1 12rem' }}
          label={t('quotes.sort.label')}
          data={quoteSorts.map((s) => ({ value: s, label: t(`quotes.sort.${s}`) }))}
          value={filters.sort}
          allowDeselect={false}
          onChange={(v) => v && onChange({ sort: v as QuoteSort })}
        />
      </Group>
      <ChoiceChips
        label={t('quotes.filters.label')}
        value={filters.status ?? 'all'}
        options={options}
        onChange={(v) => onChange({ status: v === 'all' ? null : v })}
        scroll
      />
      {items.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <SearchIcon size={18} />
          <Text size="sm">{filters.q ? t('quotes.search.none') : t('quotes.filters.none')}</Text>
        </Group>
      ) : (
        <Rows items={items} showClient framed />
      )}
      {pages.hasNextPage && (
        <ShowMore
          label={t('quotes.showMore', { shown: items.length, total: first.total })}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      )}
    </Stack>
  );
}
