import { Button, Group, Paper, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { greetingHolidays, nextHoliday } from '../../../../shared/time/hebrew-dates';
import { CalendarIcon } from '../../../components/ui/icons';
import { formatRelativeDays } from '../../../lib/format';
import { currentIntlLocale } from '../../../lib/i18n';
import { daysBetween, todayIn } from '../../../lib/zoned-dates';

/** Greetings are worth sending in the weeks before the holiday, not on it. */
const NOTICE_DAYS = 21;

/** On Today, in the three weeks before Rosh Hashana or Pesach: a way to greet a group of clients. */
export function HolidayGreetingsNotice({ timeZone, now }: { timeZone: string; now?: Date }) {
  const { t } = useTranslation();
  const intlLocale = currentIntlLocale();
  const today = todayIn(timeZone, now);
  const coming = greetingHolidays
    .map((holiday) => {
      const date = nextHoliday(holiday, today);
      return { holiday, days: daysBetween(today, date) };
    })
    .find((h) => h.days > 0 && h.days <= NOTICE_DAYS);
  if (!coming) return null;
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-mila-0)">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          <CalendarIcon size={20} />
          <Text size="sm" fw={500}>
            {t('greetings.notice', {
              holiday: t(`greetings.holidays.${coming.holiday}`),
              relative: formatRelativeDays(coming.days, intlLocale),
            })}
          </Text>
        </Group>
        <Button
          size="xs"
          variant="light"
          renderRoot={(props) => <Link to="/greetings/holidays" search={{ holiday: coming.holiday }} {...props} />}
        >
          {t('greetings.open')}
        </Button>
      </Group>
    </Paper>
  );
}
