import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

/**
 * Today's query without a static schema import: the start of the app asks for /today while the
 * first script is still settling the session (see startEarly in app/router.tsx), and the schema
 * arrives with the Today chunk's shared schemas.
 */
export const todayQuery = queryOptions({
  queryKey: queryRoots.today,
  queryFn: ({ signal }) =>
    apiRequest('/today', () => import('../../../../shared/schemas/insights').then((m) => m.ZToday), { signal }),
});
