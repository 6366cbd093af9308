import '@mantine/charts/styles.css';
import { AreaChart, LineChart, ScatterChart } from '@mantine/charts';
import { Anchor, SimpleGrid } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { HealthPeriod, InsightsOverview } from '../../../../../shared/schemas/insights';
import { currentIntlLocale } from '../../../../lib/i18n';
import { formatAmount, formatNumber, formatShare, formatShortDay } from '../../../../lib/format';
import { ChartCard, ChartTable } from './chart-parts';
import { bandColor, perHour, scoreBand } from './health-words';

/**
 * The charts read in the page's direction: in Hebrew the origin sits on the right (the y axis on
 * the right, values and time growing leftwards), as the text around them reads. The drawing is laid
 * out left-to-right and mirrored through the axes, so recharts' text anchors stay right.
 */
function useAxes() {
  const { i18n } = useTranslation();
  const rtl = i18n.dir() === 'rtl';
  return {
    rtl,
    xAxisProps: { reversed: rtl },
    yAxisProps: { orientation: rtl ? ('right' as const) : ('left' as const), width: 72 },
    tooltipProps: { wrapperStyle: { direction: rtl ? ('rtl' as const) : ('ltr' as const) } },
  };
}

function compactMoney(major: number, currency: string, intl: string): string {
  return new Intl.NumberFormat(intl, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(major);
}

function monthLabel(month: string, intl: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intl, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(y ?? 2000, (m ?? 1) - 1, 15),
  );
}

type Props = { overview: InsightsOverview; period: HealthPeriod };

/** Who pays for the energy they take: hours across, money received up; each client a dot in its health colour. */
export function RevenueVsEffortChart({ overview, period }: Props) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const axes = useAxes();
  const rows = overview.revenueVsEffort;
  const money = (v: number) => compactMoney(v, overview.currency, intl);
  return (
    <ChartCard
      id="insights-revenue"
      title={t('health.charts.revenue.title')}
      empty={rows.length === 0}
      chart={
        <ScatterChart
          h={260}
          data={rows.map((r) => ({
            name: r.clientName,
            color: `${bandColor[scoreBand(r.score)]}.7`,
            data: [{ hours: r.hours, received: r.received / 100 }],
          }))}
          dataKey={{ x: 'hours', y: 'received' }}
          labels={{ x: t('health.charts.revenue.hours'), y: t('health.charts.revenue.received') }}
          xAxisLabel={t('health.charts.revenue.hours')}
          valueFormatter={{ x: (v) => formatNumber(v, intl), y: money }}
          xAxisProps={axes.xAxisProps}
          yAxisProps={axes.yAxisProps}
          tooltipProps={axes.tooltipProps}
          accessibilityLayer={false}
        />
      }
      table={
        <ChartTable
          caption={t('health.charts.revenue.caption', { period: t(`health.period.${period}`) })}
          rows={rows}
          rowKey={(r) => r.clientId}
          columns={[
            {
              key: 'client',
              header: t('health.table.columns.client'),
              cell: (r) => (
                <Anchor
                  size="sm"
                  renderRoot={(p) => <Link to="/clients/$clientId" params={{ clientId: r.clientId }} {...p} />}
                >
                  <bdi>{r.clientName}</bdi>
                </Anchor>
              ),
            },
            {
              key: 'hours',
              header: t('health.charts.revenue.hours'),
              numeric: true,
              cell: (r) => formatNumber(r.hours, intl),
            },
            {
              key: 'received',
              header: t('health.charts.revenue.received'),
              numeric: true,
              cell: (r) => <bdi>{formatAmount(r.received, overview.currency)}</bdi>,
            },
            {
              key: 'accepted',
              header: t('health.charts.revenue.acceptedUnpaid'),
              numeric: true,
              cell: (r) => <bdi>{formatAmount(r.acceptedUnpaid, overview.currency)}</bdi>,
            },
            {
              key: 'rate',
              header: t('health.charts.revenue.rate'),
              numeric: true,
              cell: (r) => <bdi>{perHour(r.rate, overview.currency, t)}</bdi>,
            },
            {
              key: 'score',
              header: t('health.charts.revenue.score'),
              numeric: true,
              cell: (r) => formatNumber(r.score, intl),
            },
          ]}
        />
      }
    />
  );
}

/** The share of promises kept on time, week by week. */
export function WordKeepingChart({ overview }: Props) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const axes = useAxes();
  const weeks = overview.wordKeeping.weekly;
  const data = weeks.map((w) => ({
    week: formatShortDay(w.weekStart, intl),
    share: w.due > 0 ? Math.round((w.keptOnTime / w.due) * 100) : null,
  }));
  return (
    <ChartCard
      id="insights-word"
      title={t('health.charts.word.title')}
      {...(overview.wordKeeping.rate === null
        ? {}
        : { intro: t('health.charts.word.rate', { rate: formatShare(overview.wordKeeping.rate, intl) }) })}
      empty={weeks.every((w) => w.due === 0)}
      chart={
        <LineChart
          h={220}
          data={data}
          dataKey="week"
          series={[{ name: 'share', label: t('health.charts.word.share'), color: 'teal.7' }]}
          connectNulls
          curveType="monotone"
          valueFormatter={(v) => formatShare(v / 100, intl)}
          xAxisProps={axes.xAxisProps}
          yAxisProps={{ ...axes.yAxisProps, domain: [0, 100] }}
          tooltipProps={axes.tooltipProps}
          accessibilityLayer={false}
        />
      }
      table={
        <ChartTable
          caption={t('health.charts.word.caption')}
          rows={weeks}
          rowKey={(w) => w.weekStart}
          columns={[
            { key: 'week', header: t('health.charts.word.week'), cell: (w) => formatShortDay(w.weekStart, intl, true) },
            { key: 'due', header: t('health.charts.word.due'), numeric: true, cell: (w) => formatNumber(w.due, intl) },
            {
              key: 'kept',
              header: t('health.charts.word.kept'),
              numeric: true,
              cell: (w) => formatNumber(w.keptOnTime, intl),
            },
          ]}
        />
      }
    />
  );
}

/** Still owed at each month's end, against what was received that month. */
export function MoneyOwedChart({ overview }: Props) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  const axes = useAxes();
  const months = overview.moneyOwed;
  const money = (v: number) => compactMoney(v, overview.currency, intl);
  return (
    <ChartCard
      id="insights-owed"
      title={t('health.charts.owed.title')}
      empty={months.every((m) => m.owed === 0 && m.received === 0 && m.accepted === 0)}
      chart={
        <AreaChart
          h={220}
          data={months.map((m) => ({
            month: monthLabel(m.month, intl),
            owed: m.owed / 100,
            received: m.received / 100,
          }))}
          dataKey="month"
          series={[
            { name: 'owed', label: t('health.charts.owed.owed'), color: 'red.7' },
            { name: 'received', label: t('health.charts.owed.received'), color: 'teal.7' },
          ]}
          withLegend
          valueFormatter={money}
          xAxisProps={axes.xAxisProps}
          yAxisProps={axes.yAxisProps}
          tooltipProps={axes.tooltipProps}
          accessibilityLayer={false}
        />
      }
      table={
        <ChartTable
          caption={t('health.charts.owed.caption')}
          rows={months}
          rowKey={(m) => m.month}
          columns={[
            { key: 'month', header: t('health.charts.owed.month'), cell: (m) => monthLabel(m.month, intl) },
            {
              key: 'accepted',
              header: t('health.charts.owed.accepted'),
              numeric: true,
              cell: (m) => <bdi>{formatAmount(m.accepted, overview.currency)}</bdi>,
            },
            {
              key: 'received',
              header: t('health.charts.owed.received'),
              numeric: true,
              cell: (m) => <bdi>{formatAmount(m.received, overview.currency)}</bdi>,
            },
            {
              key: 'owed',
              header: t('health.charts.owed.owed'),
              numeric: true,
              cell: (m) => <bdi>{formatAmount(m.owed, overview.currency)}</bdi>,
            },
          ]}
        />
      }
    />
  );
}

/** The three charts, loaded on their own (recharts is the heaviest thing on the Insights page). */
export function OverviewCharts(props: Props) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
      <RevenueVsEffortChart {...props} />
      <MoneyOwedChart {...props} />
      <WordKeepingChart {...props} />
    </SimpleGrid>
  );
}
