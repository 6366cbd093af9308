import { Group, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWeekday } from '../../lib/format';
import { currentIntlLocale } from '../../lib/i18n';
import { quickDays } from '../../lib/zoned-dates';
import { type Choice, ChoiceChips } from './choice-chips';
import { TimeSelect } from './time-select';
import { DateField } from './date-field';

/** "During the day": a day without a time is due by its end. */
const ANY_TIME = 'any';
const QUICK_TIMES = ['09:00', '12:00', '17:00'] as const;

type Props = {
  day: string;
  time: string | null;
  onDayChange: (day: string) => void;
  onTimeChange: (time: string | null) => void;
  /** Today in the workspace time zone (YYYY-MM-DD). */
  today: string;
  /** Weekdays the business works (0 = Sunday); quick chips skip the others (Friday, Saturday). */
  workDays?: readonly number[];
  minDay?: string;
  dayError?: string | undefined;
  timeError?: string | undefined;
  /** Distinguishes the labels when several pickers share a form ("Promise 2"). */
  labelSuffix?: string;
};

/**
 * A due moment as people say it: "today", "tomorrow", "Thursday", and a time or "during the day".
 * Quick chips for the usual answers, a date and a time field for everything else.
 */
export function DuePicker({
  day,
  time,
  onDayChange,
  onTimeChange,
  today,
  workDays,
  minDay,
  dayError,
  timeError,
  labelSuffix,
}: Props) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const suffix = labelSuffix ? ` (${labelSuffix})` : '';

  const dayOptions = useMemo(
    () =>
      quickDays(today, workDays).map((day, index): Choice<string> => ({
        value: day,
        label:
          index === 0 ? t('duePicker.today') : index === 1 ? t('duePicker.tomorrow') : formatWeekday(day, intlLocale),
      })),
    [today, workDays, intlLocale, t],
  );

  const timeOptions: Choice<string>[] = [
    { value: ANY_TIME, label: t('duePicker.anyTime') },
    ...QUICK_TIMES.map((value) => ({ value, label: value })),
  ];

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div style={{ flex: '1 1 16rem', minInlineSize: 0 }}>
          <ChoiceChips
            label={t('duePicker.day') + suffix}
            value={day}
            options={dayOptions}
            onChange={onDayChange}
            scroll
          />
        </div>
        <DateField
          label={t('duePicker.otherDay') + suffix}
          value={day}
          min={minDay}
          onChange={(value) => onDayChange(value)}
          error={dayError}
          w={170}
          size="sm"
        />
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div style={{ flex: '1 1 16rem', minInlineSize: 0 }}>
          <ChoiceChips
            label={t('duePicker.time') + suffix}
            value={time ?? ANY_TIME}
            options={timeOptions}
            onChange={(value) => onTimeChange(value === ANY_TIME ? null : value)}
            scroll
          />
        </div>
        <div style={{ inlineSize: 170 }}>
          <TimeSelect
            label={t('duePicker.exactTime') + suffix}
            value={time ?? ''}
            onChange={onTimeChange}
            error={timeError}
            visibleLabel
          />
        </div>
      </Group>
    </Stack>
  );
}
