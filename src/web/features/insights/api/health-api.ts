import {
  type ClientHealthListQuery,
  type HealthPeriod,
  ZClientHealth,
  ZClientHealthList,
  ZInsightsOverview,
} from '../../../../shared/schemas/insights';
import { apiRequest } from '../../../lib/api-client';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export function fetchClientHealth(clientId: string, period: HealthPeriod, signal?: AbortSignal) {
  const query = new URLSearchParams({ period });
  return apiRequest(`/insights/clients/${encodeURIComponent(clientId)}/health`, ZClientHealth, {
    query,
    ...withSignal(signal),
  });
}

export type HealthListParams = Pick<ClientHealthListQuery, 'period' | 'sort' | 'filter' | 'limit' | 'offset'> & {
  dir?: 'asc' | 'desc' | undefined;
};

export function fetchHealthList(params: HealthListParams, signal?: AbortSignal) {
  const query = new URLSearchParams({
    period: params.period,
    sort: params.sort,
    filter: params.filter,
    limit: String(params.limit),
    offset: String(params.offset),
  });
  if (params.dir) query.set('dir', params.dir);
  return apiRequest('/insights/health', ZClientHealthList, { query, ...withSignal(signal) });
}

export function fetchInsightsOverview(period: HealthPeriod, signal?: AbortSignal) {
  return apiRequest('/insights/overview', ZInsightsOverview, {
    query: new URLSearchParams({ period }),
    ...withSignal(signal),
  });
}
