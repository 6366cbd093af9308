import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HealthPeriod } from '../../../../shared/schemas/insights';
import { queryRoots } from '../../../lib/query-keys';
import { fetchClientHealth, fetchHealthList, fetchInsightsOverview, type HealthListParams } from './health-api';

/** Health reads everything a client did; it is cheap to ask again, so it is fresh when opened. */
const HEALTH_STALE_MS = 30_000;

export const healthKeys = {
  client: (clientId: string, period: HealthPeriod) => [...queryRoots.health, 'client', clientId, period] as const,
  list: (params: HealthListParams) => [...queryRoots.health, 'list', params] as const,
  overview: (period: HealthPeriod) => [...queryRoots.health, 'overview', period] as const,
};

export function useClientHealth(clientId: string, period: HealthPeriod) {
  return useQuery({
    queryKey: healthKeys.client(clientId, period),
    queryFn: ({ signal }) => fetchClientHealth(clientId, period, signal),
    staleTime: HEALTH_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function useHealthList(params: HealthListParams) {
  return useQuery({
    queryKey: healthKeys.list(params),
    queryFn: ({ signal }) => fetchHealthList(params, signal),
    staleTime: HEALTH_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function useInsightsOverview(period: HealthPeriod) {
  return useQuery({
    queryKey: healthKeys.overview(period),
    queryFn: ({ signal }) => fetchInsightsOverview(period, signal),
    staleTime: HEALTH_STALE_MS,
    placeholderData: keepPreviousData,
  });
}
