import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/schemas/clients';
import { UserText } from '../../../components/ui/bidi';
import { formatHebrewDay } from '../../../../shared/time/hebrew-dates';
import { nextDateOccurrence, todayInZone } from '../../../lib/calendar';
import { formatCalendarDate, formatRelativeDays } from '../../../lib/format';
import { currentIntlLocale, currentLanguage } from '../../../lib/i18n';

type Props = { dates: Client['importantDates']; timeZone: string };

/** Soonest first: the point of this list is the greeting that is coming up. */
export function ImportantDatesList({ dates, timeZone }: Props) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const locale = currentLanguage();
  const today = todayInZone(timeZone);
  const rows = dates
    .map((date) => ({ date, next: nextDateOccurrence(date, today) }))
    .sort((a, b) => a.next.daysAway - b.next.daysAway);

  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map(({ date, next }, index) => (
        <li key={index}>
          <Group gap={6} align="baseline">
            <Text fw={600} size="sm">
              {t(`importantDateKinds.${date.kind}`)}
            </Text>
            {date.label && (
              <Text size="sm">
                <UserText>{date.label}</UserText>
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {date.calendar === 'hebrew' && date.hebrewMonth
              ? `${formatHebrewDay({ month: date.hebrewMonth, day: date.day }, locale)}${date.year === null ? '' : ` ${date.year}`}`
              : formatCalendarDate({ ...date, month: date.month ?? 1 }, intlLocale)}
          </Text>
          <Text size="sm">
            <Text span fw={500} c={next.daysAway <= 7 ? 'mila.8' : undefined}>
              {t('clients.page.nextOccurrence', {
                when: formatRelativeDays(next.daysAway, intlLocale),
                date: formatCalendarDate({ ...next, year: null }, intlLocale),
              })}
            </Text>
            {next.years !== null && date.kind !== 'other' && (
              <Text span c="dimmed">
                {t('clients.page.metaSeparator')}
                {date.kind === 'birthday'
                  ? t('clients.page.age', { count: next.years })
                  : t('clients.page.yearsSince', { count: next.years })}
              </Text>
            )}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
