import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WordKeeping } from '../../../../shared/schemas/commitments';
import { PromiseIcon } from '../../../components/ui/icons';
import { formatNumber, formatShare, formatShortDay } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { useWordKeeping } from '../api/commitment-queries';
import classes from './word-keeping-card.module.css';
import { LabelledSegments } from '../../../components/ui/labelled-segments';

const PERIODS = [30, 90, 365] as const;
type Period = (typeof PERIODS)[number];

/** My word-keeping rate over a period with a 12-week chart; the client's own rate is separate. */
export function WordKeepingCard({ clientId }: { clientId?: string }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<Period>(90);
  const data = useWordKeeping(days, clientId);
  const titleId = useId();

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group gap="xs" c="dimmed" wrap="nowrap">
          <PromiseIcon size={20} />
          <Title order={2} size="h4" id={titleId} c="var(--mantine-color-text)">
            {clientId ? t('commitments.wordKeeping.titleClient') : t('commitments.wordKeeping.title')}
          </Title>
        </Group>
        <LabelledSegments
          label={t('commitments.wordKeeping.period')}
          hideLabel
          size="xs"
          fullWidth
          value={String(days)}
          onChange={(value) => setDays(PERIODS.find((p) => String(p) === value) ?? 90)}
          options={PERIODS.map((p) => ({ value: String(p), label: t(`commitments.wordKeeping.days${p}`) }))}
        />
        {data.data ? (
          <Figures data={data.data} forClient={Boolean(clientId)} />
        ) : data.isError ? (
          <Text size="sm" c="var(--mantine-color-error)">
            {data.error.message}
          </Text>
        ) : (
          <Skeleton height={180} radius="sm" />
        )}
      </Stack>
    </Paper>
  );
}

function Figures({ data, forClient }: { data: WordKeeping; forClient: boolean }) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const n = (value: number) => formatNumber(value, intlLocale);
  const mine = data.mine;
  return (
    <Stack gap="sm">
      <div>
        <Text size="xs" c="dimmed">
          {t('commitments.wordKeeping.mineLabel')}
        </Text>
        {mine.rate === null ? (
          <Text size="sm">{t('commitments.wordKeeping.nothingDue')}</Text>
        ) : (
          <>
            <Text fz={32} fw={700} lh={1.1} c="mila.8">
              {formatShare(mine.rate, intlLocale)}
            </Text>
            <Text size="sm">
              {t('commitments.wordKeeping.keptOf', {
                kept: n(mine.keptOnTime + mine.renegotiatedInTime),
                total: n(mine.due),
              })}
            </Text>
          </>
        )}
      </div>
      {mine.due > 0 && (
        <dl className={classes.figures}>
          <div>
            <dt>{t('commitments.wordKeeping.keptOnTime')}</dt>
            <dd>{n(mine.keptOnTime)}</dd>
          </div>
          <div>
            <dt>{t('commitments.wordKeeping.renegotiatedInTime')}</dt>
            <dd>{n(mine.renegotiatedInTime)}</dd>
          </div>
          <div>
            <dt>{t('commitments.wordKeeping.keptLate')}</dt>
            <dd>{n(mine.keptLate)}</dd>
          </div>
          <div>
            <dt>{t('commitments.wordKeeping.broken')}</dt>
            <dd>{n(mine.broken)}</dd>
          </div>
        </dl>
      )}
      {data.weekly.some((week) => week.due > 0) && <WeeklyChart weekly={data.weekly} />}
      <div>
        <Text size="xs" c="dimmed">
          {forClient ? t('commitments.wordKeeping.theirsLabelClient') : t('commitments.wordKeeping.theirsLabel')}
        </Text>
        {data.theirs.rate === null ? (
          <Text size="sm">{t('commitments.wordKeeping.nothingDueTheirs')}</Text>
        ) : (
          <Text size="sm">
            <Text span fw={700} size="lg">
              {formatShare(data.theirs.rate, intlLocale)}
            </Text>{' '}
            {t('commitments.wordKeeping.keptOf', { kept: n(data.theirs.keptOnTime), total: n(data.theirs.due) })}
          </Text>
        )}
      </div>
    </Stack>
  );
}

/** Twelve weeks of my promises, as bars; the same numbers are in a table for screen readers. */
function WeeklyChart({ weekly }: { weekly: WordKeeping['weekly'] }) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const max = Math.max(1, ...weekly.map((w) => w.due));
  const first = weekly[0];
  const last = weekly[weekly.length - 1];
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text size="xs" c="dimmed" mb={4}>
          {t('commitments.wordKeeping.chartTitle')}
        </Text>
      </figcaption>
      <div className={classes.chart} aria-hidden="true">
        {weekly.map((week) => {
          const missed = week.due - week.keptOnTime;
          const label = t('commitments.wordKeeping.weekBar', {
            week: formatShortDay(week.weekStart, intlLocale),
            kept: week.keptOnTime,
            total: week.due,
          });
          return (
            <div key={week.weekStart} className={classes.week} title={label}>
              {week.due === 0 ? (
                <div className={classes.empty} />
              ) : (
                <>
                  <div className={classes.kept} style={{ blockSize: `${(week.keptOnTime / max) * 100}%` }} />
                  <div className={classes.missed} style={{ blockSize: `${(missed / max) * 100}%` }} />
                </>
              )}
            </div>
          );
        })}
      </div>
      {first && last && (
        <div className={classes.axis} aria-hidden="true">
          <span>{formatShortDay(first.weekStart, intlLocale)}</span>
          <span>{formatShortDay(last.weekStart, intlLocale)}</span>
        </div>
      )}
      <Group gap="md" mt={6} aria-hidden="true">
        <Group gap={4}>
          <span className={classes.swatch} style={{ background: 'var(--mantine-color-mila-7)' }} />
          <Text size="xs">{t('commitments.wordKeeping.legendKept')}</Text>
        </Group>
        <Group gap={4}>
          <span className={`${classes.swatch} ${classes.missed}`} />
          <Text size="xs">{t('commitments.wordKeeping.legendMissed')}</Text>
        </Group>
      </Group>
      <table className="visually-hidden">
        <caption>{t('commitments.wordKeeping.chartTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('commitments.wordKeeping.weekOf')}</th>
            <th scope="col">{t('commitments.wordKeeping.dueColumn')}</th>
            <th scope="col">{t('commitments.wordKeeping.keptColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {weekly.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">{formatShortDay(week.weekStart, intlLocale)}</th>
              <td>{week.due}</td>
              <td>{week.keptOnTime}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
