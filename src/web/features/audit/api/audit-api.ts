import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { ZAuditEventList, type AuditGroup } from '../../../../shared/schemas/audit';
import { apiRequest, toQuery } from '../../../lib/api-client';

const PAGE_SIZE = 30;

/** The audit log newest first, a page at a time, optionally one group of actions. */
export function useAuditEvents(group: AuditGroup | null) {
  return useInfiniteQuery({
    queryKey: ['audit-events', group] as const,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(
        `/audit-events?${toQuery({ group: group ?? '', limit: PAGE_SIZE, offset: pageParam })}`,
        ZAuditEventList,
        {
          signal,
        },
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });
}
