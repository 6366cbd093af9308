import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type WeeklyHours, type Weekday, weekdays } from '../../../shared/schemas/common';
import { weekdayName } from '../../lib/format';
import { currentIntlLocale } from '../../lib/i18n';
import { Ltr } from './bidi';

type Group = { first: Weekday; last: Weekday; ranges: WeeklyHours[Weekday] };

/** Runs of consecutive days with the same hours, so a week reads as "Sun–Thu 09:00–18:00". */
export function groupWeek(hours: WeeklyHours): Group[] {
  const groups: Group[] = [];
  for (const day of weekdays) {
    const ranges = hours[day];
    const previous = groups[groups.length - 1];
    if (previous && JSON.stringify(previous.ranges) === JSON.stringify(ranges)) previous.last = day;
    else groups.push({ first: day, last: day, ranges });
  }
  return groups;
}

export function WeeklyHoursSummary({ hours, size = 'sm' }: { hours: WeeklyHours; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const dayName = (day: Weekday) => weekdayName(day, intlLocale, 'short');
  return (
    <Stack gap={2}>
      {groupWeek(hours).map((group) => (
        <Text key={group.first} size={size}>
          {group.first === group.last
            ? dayName(group.first)
            : t('hours.dayRange', { from: dayName(group.first), to: dayName(group.last) })}
          {t('hours.separator')}
          {group.ranges.length === 0
            ? t('hours.closed')
            : group.ranges.map((r, i) => (
                <span key={i}>
                  {i > 0 && t('hours.rangeJoiner')}
                  <Ltr>{`${r.from}–${r.to}`}</Ltr>
                </span>
              ))}
        </Text>
      ))}
    </Stack>
  );
}
