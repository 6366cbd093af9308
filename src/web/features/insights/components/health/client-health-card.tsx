import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientHealth, HealthPeriod, HealthSignal } from '../../../../../shared/schemas/insights';
import { AlertIcon, ChartIcon } from '../../../../components/ui/icons';
import { SectionCard } from '../../../../components/ui/section-card';
import { currentIntlLocale } from '../../../../lib/i18n';
import { formatAmount } from '../../../../lib/format';
import { useClientHealth } from '../../api/health-queries';
import { HealthEvidenceLinks } from './health-evidence';
import { badgeText, hoursText, perHour, pointsText, reasonText, severityColor, signalName } from './health-words';
import { PeriodSwitch } from './period-switch';
import { ScoreBadge } from './score-badge';

/** Severity as a colour, an icon and a word. */
export function SeverityBadge({ severity }: { severity: HealthSignal['severity'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={severityColor[severity]}
      c={badgeText(severityColor[severity])}
      radius="sm"
      tt="none"
      leftSection={<AlertIcon size={12} aria-hidden />}
    >
      {t(`health.severity.${severity}`)}
    </Badge>
  );
}

function SignalItem({ signal, health, timeZone }: { signal: HealthSignal; health: ClientHealth; timeZone: string }) {
  const { t } = useTranslation();
  const intl = currentIntlLocale();
  return (
    <Paper component="li" withBorder radius="sm" p="sm">
      <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{signalName(signal.signal, t)}</Text>
          <SeverityBadge severity={signal.severity} />
        </Group>
        {/* One reason already says its points; several add up to the signal's (its cap may stop them). */}
        {signal.reasons.length > 1 && (
          <Text size="sm" fw={600}>
            {pointsText(signal.points, t)}
          </Text>
        )}
      </Group>
      <Stack gap={2} component="ul" mb="xs" style={{ paddingInlineStart: '1.1rem', margin: 0 }}>
        {signal.reasons.map((r) => (
          <Text component="li" size="sm" key={r.reason}>
            {reasonText(r, health.currency, intl, t)}
            <Text span size="sm" c="dimmed">
              {t('common.separator')}
              {pointsText(r.points, t)}
            </Text>
          </Text>
        ))}
      </Stack>
      <HealthEvidenceLinks clientId={health.clientId} evidence={signal.evidence} timeZone={timeZone} />
    </Paper>
  );
}

function Numbers({ health }: { health: ClientHealth }) {
  const { t } = useTranslation();
  const money = (agorot: number) => <bdi>{formatAmount(agorot, health.currency)}</bdi>;
  const rows: [string, React.ReactNode][] = [
    [t('health.numbers.received'), money(health.revenue.received)],
    [t('health.numbers.acceptedUnpaid'), money(health.revenue.acceptedUnpaid)],
    [t('health.numbers.hours'), hoursText(health.effort.totalMinutes, t)],
    [t('health.numbers.rateReceived'), <bdi key="r">{perHour(health.rate.received, health.currency, t)}</bdi>],
    [t('health.numbers.rateWithAccepted'), <bdi key="a">{perHour(health.rate.withAccepted, health.currency, t)}</bdi>],
    [
      t('health.numbers.median'),
      health.rate.workspaceMedian === null ? (
        t('health.noMedian')
      ) : (
        <bdi key="m">{perHour(health.rate.workspaceMedian, health.currency, t)}</bdi>
      ),
    ],
    [
      t('health.numbers.contacts'),
      t('health.numbers.contactsValue', { count: health.contacts.count, perMonth: health.contacts.perMonth }),
    ],
    [t('health.numbers.afterHours'), health.contacts.afterHours],
    [t('health.numbers.outOfScope'), health.outOfScopeRequests],
    [
      t('health.numbers.mine'),
      t('health.numbers.brokenLate', { broken: health.promises.mine.broken, late: health.promises.mine.keptLate }),
    ],
    [
      t('health.numbers.theirs'),
      t('health.numbers.brokenLate', { broken: health.promises.theirs.broken, late: health.promises.theirs.keptLate }),
    ],
    [
      t('health.numbers.latePayments'),
      health.payments.late === 0
        ? 0
        : t('health.numbers.lateValue', { count: health.payments.late, days: health.payments.daysLate }),
    ],
    [
      t('health.numbers.care'),
      t('health.numbers.careValue', { incidents: health.care.openIncidents, conflicts: health.care.openConflicts }),
    ],
    [t('health.numbers.compensation'), money(health.care.compensation)],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 3 }} spacing="xs" verticalSpacing="xs" m={0}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="xs" c="dimmed">
            {term}
          </Text>
          <Text component="dd" size="sm" fw={500} m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/**
 * "Is this client worth it": the score with every point taken and why, the warning signs with
 * their severity and the rows that caused them, and the money against the hours.
 */
/** `timeZone`: the workspace's, for when each evidence row happened. */
export function ClientHealthCard({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<HealthPeriod>('90');
  const health = useClientHealth(clientId, period);
  return (
    <SectionCard
      id="client-health"
      title={t('health.title')}
      icon={<ChartIcon size={20} />}
      actions={<PeriodSwitch value={period} onChange={setPeriod} hideLabel />}
    >
      {health.isPending ? (
        <Skeleton height={160} />
      ) : health.isError ? (
        <Text size="sm" c="red.9">
          {health.error.message}
        </Text>
      ) : (
        <Stack gap="md">
          <Group gap="sm" align="center" wrap="wrap">
            <ScoreBadge score={health.data.score.value} size="lg" />
            <Text size="sm">{t('health.scoreExplained', { score: health.data.score.value })}</Text>
          </Group>
          {health.data.signals.length === 0 ? (
            <Text size="sm">{t('health.noSignals')}</Text>
          ) : (
            <Stack
              gap="xs"
              component="ul"
              aria-label={t('health.signalsLabel')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {health.data.signals.map((s) => (
                <SignalItem key={s.signal} signal={s} health={health.data} timeZone={timeZone} />
              ))}
            </Stack>
          )}
          <Numbers health={health.data} />
        </Stack>
      )}
    </SectionCard>
  );
}
