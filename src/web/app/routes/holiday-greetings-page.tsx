import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { greetingHolidays, nextHoliday } from '../../../shared/time/hebrew-dates';
import { useMe } from '../../features/accounts/api/session-api';
import { useClientTags } from '../../features/clients/api/client-queries';
import { HolidayGreetingsView } from '../../features/greetings/components/holiday-greetings-view';
import { usePageTitle } from '../../lib/use-page-title';
import { todayIn } from '../../lib/zoned-dates';

const route = getRouteApi('/_app/greetings/holidays');

/** Rosh Hashana and Pesach greetings to a group of clients (from Today near the holiday, or the client list). */
export function HolidayGreetingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const tags = useClientTags();
  usePageTitle(t('greetings.title'));
  const timeZone = me.workspace.timeZone;
  const today = todayIn(timeZone);
  // Without a choice in the URL: the holiday that comes first.
  const soonest = [...greetingHolidays].sort((a, b) => (nextHoliday(a, today) < nextHoliday(b, today) ? -1 : 1))[0]!;
  const holiday = search.holiday ?? soonest;
  return (
    <Stack gap="md">
      <div>
        <Anchor size="sm" renderRoot={(props) => <Link to="/" {...props} />}>
          {t('today.title')}
        </Anchor>
        <Title order={1} size="h2">
          {t('greetings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('greetings.intro')}
        </Text>
      </div>
      <HolidayGreetingsView
        holiday={holiday}
        onHolidayChange={(next) => void navigate({ search: (prev) => ({ ...prev, holiday: next }), replace: true })}
        tag={search.tag ?? null}
        onTagChange={(tag) => void navigate({ search: (prev) => ({ ...prev, tag: tag ?? undefined }), replace: true })}
        tags={(tags.data ?? []).map((i) => i.tag)}
        timeZone={timeZone}
      />
    </Stack>
  );
}
