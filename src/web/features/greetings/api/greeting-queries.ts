import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GreetingHoliday } from '../../../../shared/time/hebrew-dates';
import { queryRoots } from '../../../lib/query-keys';
import { fetchHolidayGreetings, sendHolidayGreetings } from './greetings-api';

/** The greetings to review are composed on the server in each client's language; nothing is sent. */
export function useHolidayGreetings(holiday: GreetingHoliday, tag: string | null) {
  return useQuery({
    queryKey: [...queryRoots.messages, 'holiday-greetings', holiday, tag ?? ''],
    queryFn: ({ signal }) => fetchHolidayGreetings(holiday, tag, signal),
  });
}

/** Sent greetings are messages and contacts: the logs and timelines change. */
export function useSendHolidayGreetings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendHolidayGreetings,
    onSuccess: () =>
      Promise.all(
        [queryRoots.messages, queryRoots.interactions, queryRoots.timeline, queryRoots.today].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
