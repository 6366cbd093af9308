import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';

/**
 * One place reacts to an expired session: whichever request notices it, the app forgets the
 * session and goes to the sign-in page (wrong-password answers are 401 too, but another code).
 */
export function createAppQueryClient(onSessionExpired: () => void): QueryClient {
  const handle = (error: unknown) => {
    if (isApiError(error) && error.code === 'unauthenticated') onSessionExpired();
  };
  return new QueryClient({
    // A request started before the session was known (meta.early, see startEarly) may find no session:
    // the router's own check then decides where to go (first-run setup or sign-in), not this handler.
    queryCache: new QueryCache({ onError: (error, query) => (query.meta?.early ? undefined : handle(error)) }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Only a lost connection or a server hiccup is worth repeating; a refusal will not change.
        retry: (failureCount, error) =>
          isApiError(error) && (error.status === 0 || error.status >= 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}
