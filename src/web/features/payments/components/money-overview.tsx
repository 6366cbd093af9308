import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ClientOwed, LatePayment, MoneyOverview as Overview } from '../../../../shared/schemas/money';
import { AlertIcon, ClockIcon, CoinsIcon, InboxIcon } from '../../../components/ui/icons';
import { SectionCard } from '../../../components/ui/section-card';
import { formatAmount, formatShortDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useMoneyOverview } from '../api/payment-queries';
import classes from './money-overview.module.css';

/** Hours with one decimal, in words of the interface language ("1.5 hours", "שעה וחצי" is left to Intl). */
function formatHours(minutes: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(minutes / 60);
}

function Figure({ label, value, detail, danger }: { label: string; value: string; detail: string; danger?: boolean }) {
  return (
    <Paper withBorder radius="md" p="sm" c={danger ? 'red.9' : undefined}>
      <Text size="sm" c={danger ? 'red.9' : 'dimmed'} fw={danger ? 700 : 500}>
        {danger && <AlertIcon size={14} />} {label}
      </Text>
      <Text fw={700} fz="xl" className={classes.figure}>
        {value}
      </Text>
      <Text size="xs" c={danger ? 'red.9' : 'dimmed'}>
        {detail}
      </Text>
    </Paper>
  );
}

/** The four figures at the top: owed, late, received this month, time this week. */
function Figures({ money }: { money: Overview }) {
  const { t } = useTranslation();
  const locale = currentIntlLocale();
  const late = money.late.items.length;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Figure
        label={t('money.overview.owed')}
        value={formatAmount(money.owed.total, money.currency)}
        detail={t('money.overview.clientCount', { count: money.owed.clients.length })}
      />
      <Figure
        label={t('money.overview.late')}
        value={formatAmount(money.late.total, money.currency)}
        detail={t('money.overview.lineCount', { count: late })}
        danger={late > 0}
      />
      <Figure
        label={t('money.overview.receivedThisMonth')}
        value={formatAmount(money.receivedThisMonth.total, money.currency)}
        detail={t('money.overview.paymentCount', { count: money.receivedThisMonth.payments })}
      />
      <Figure
        label={t('money.overview.timeThisWeek')}
        value={formatHours(money.timeThisWeek.minutes, locale)}
        detail={t('money.overview.since', { day: formatShortDay(money.timeThisWeek.from, locale) })}
      />
    </SimpleGrid>
  );
}

function ClientLink({ id, name }: { id: string; name: string }) {
  return (
    <Anchor fw={600} renderRoot={(props) => <Link to="/clients/$clientId" params={{ clientId: id }} {...props} />}>
      <bdi>{name}</bdi>
    </Anchor>
  );
}

function OwedRow({ row, currency }: { row: ClientOwed; currency: string }) {
  const { t } = useTranslation();
  const locale = currentIntlLocale();
  return (
    <li className={classes.row}>
      <Stack gap={2} className={classes.main}>
        <ClientLink id={row.clientId} name={row.clientName} />
        <Text size="sm" c="dimmed">
          {t('money.overview.oldestDue', { day: formatShortDay(row.oldestDueDate, locale, true) })}
          {' · '}
          {t('money.overview.lineCount', { count: row.lines })}
        </Text>
      </Stack>
      <Stack gap={2} align="flex-end" className={classes.side}>
        <Text fw={700} className={classes.figure}>
          {formatAmount(row.outstanding, currency)}
        </Text>
        {row.overdue > 0 && (
          <Text size="sm" c="red.9" fw={600}>
            {t('money.overview.ofWhichLate', { amount: formatAmount(row.overdue, currency) })}
          </Text>
        )}
      </Stack>
    </li>
  );
}

function LateRow({ item, currency }: { item: LatePayment; currency: string }) {
  const { t } = useTranslation();
  const locale = currentIntlLocale();
  return (
    <li className={classes.row}>
      <Stack gap={2} className={classes.main}>
        <ClientLink id={item.clientId} name={item.clientName} />
        <Text size="sm">
          <bdi>{item.label}</bdi>
          <Text span c="dimmed">
            {' · '}
            {t('money.overview.wasDue', { day: formatShortDay(item.dueDate, locale, true) })}
          </Text>
        </Text>
      </Stack>
      <Stack gap={4} align="flex-end" className={classes.side}>
        <Text fw={700} className={classes.figure}>
          {formatAmount(item.outstanding, currency)}
        </Text>
        {/* A badge would cut "12 days late" short on a phone: plain red words, never broken. */}
        <Text size="sm" c="red.9" fw={700} className={classes.daysLate}>
          <AlertIcon size={12} /> {t('money.overview.daysLate', { count: item.daysLate })}
        </Text>
      </Stack>
    </li>
  );
}

/**
 * The Money section: what clients owe me, oldest debt first; what is late and by how many days;
 * what came in this month and the time I logged this week. Empty states say so in plain words.
 */
export function MoneyOverview() {
  const { t } = useTranslation();
  const overview = useMoneyOverview();
  if (overview.isError)
    return (
      <Text c="red.9" role="alert">
        {overview.error.message}
      </Text>
    );
  if (!overview.data)
    return (
      <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={90} />
        <Skeleton height={180} />
      </Stack>
    );
  const money = overview.data;
  return (
    <Stack gap="md">
      <Figures money={money} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionCard
          id="money-owed"
          title={t('money.overview.owedTitle')}
          icon={<CoinsIcon size={18} />}
          count={
            money.owed.clients.length
              ? t('money.overview.clientCount', { count: money.owed.clients.length })
              : undefined
          }
        >
          {money.owed.clients.length ? (
            <ul className={classes.list}>
              {money.owed.clients.map((row) => (
                <OwedRow key={row.clientId} row={row} currency={money.currency} />
              ))}
            </ul>
          ) : (
            <Group gap="xs" c="dimmed" wrap="nowrap">
              <InboxIcon size={18} />
              <Text size="sm">{t('money.overview.owedEmpty')}</Text>
            </Group>
          )}
        </SectionCard>
        <SectionCard
          id="money-late"
          title={t('money.overview.lateTitle')}
          icon={<AlertIcon size={18} />}
          tone={money.late.items.length ? 'danger' : 'default'}
          count={
            money.late.items.length ? t('money.overview.lineCount', { count: money.late.items.length }) : undefined
          }
        >
          {money.late.items.length ? (
            <ul className={classes.list}>
              {money.late.items.map((item) => (
                <LateRow key={item.paymentItemId} item={item} currency={money.currency} />
              ))}
            </ul>
          ) : (
            <Group gap="xs" c="dimmed" wrap="nowrap">
              <ClockIcon size={18} />
              <Text size="sm">{t('money.overview.lateEmpty')}</Text>
            </Group>
          )}
        </SectionCard>
      </SimpleGrid>
      {money.receivedThisMonth.payments === 0 && money.timeThisWeek.entries === 0 && (
        <Text size="sm" c="dimmed">
          {t('money.overview.quietPeriod')}
        </Text>
      )}
    </Stack>
  );
}
