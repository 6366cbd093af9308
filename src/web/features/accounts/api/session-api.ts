import { type QueryClient, queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type {
  CompleteSignInInput,
  LogInInput,
  Me,
  SecondStepRequired,
  SetUpWorkspaceInput,
  SetupStatus,
} from '../../../../shared/schemas/accounts';
import { apiRequest, apiRequestNoContent, isApiError, setCsrfToken } from '../../../lib/api-client';
import { queryRoots } from '../../../lib/query-keys';

export const sessionKeys = {
  status: [...queryRoots.session, 'status'] as const,
  me: [...queryRoots.session, 'me'] as const,
  /** The workspaces I belong to (the switcher in the user menu). */
  workspaces: [...queryRoots.session, 'workspaces'] as const,
};

// The router asks for the session before any screen shows: its schemas (and zod with them) come as
// a chunk of their own, fetched alongside the first request rather than inside the first script.
const accounts = () => import('../../../../shared/schemas/accounts');
const zMe = () => accounts().then((m) => m.ZMe);

/**
 * Whether this browser had a session when last seen (not the session itself, which is an httpOnly
 * cookie): the start asks for /me and /today before /setup answers only then, so a signed-out
 * visitor never sees refused requests in the console.
 */
const SIGNED_IN_HINT = 'mila.signedIn';

function setSignedInHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SIGNED_IN_HINT, '1');
    else window.localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Blocked storage: the start simply waits for /setup, as without the hint.
  }
}

export function hasSignedInHint(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false;
  }
}

/** The session ended (signed out, expired): the next start waits for /setup before asking for more. */
export function forgetSignedInHint(): void {
  setSignedInHint(false);
}

async function fetchMe(): Promise<Me> {
  const me = await apiRequest('/me', zMe);
  setCsrfToken(me.csrfToken);
  setSignedInHint(true);
  return me;
}

export const setupStatusQuery = queryOptions({
  queryKey: sessionKeys.status,
  queryFn: async () => {
    const status = await apiRequest('/setup', () => accounts().then((m) => m.ZSetupStatus));
    // Signed in on a page that does not load Me (an e-mailed link): its writes need the token too.
    if (status.csrfToken) setCsrfToken(status.csrfToken);
    return status;
  },
  // Changes only through the mutations below, which write it directly.
  staleTime: Number.POSITIVE_INFINITY,
});

export const meQuery = queryOptions({
  queryKey: sessionKeys.me,
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
});

/** Inside the signed-in layout the router has already loaded Me, so this never suspends there. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

/** Keeps a new session: its CSRF token, Me, and the status that says someone is signed in. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    setSignedInHint(true);
    queryClient.setQueryData(sessionKeys.me, me);
    // Another account may have signed in in this browser before (an invitation opened while signed in).
    queryClient.removeQueries({ queryKey: sessionKeys.workspaces });
    queryClient.setQueryData<SetupStatus>(sessionKeys.status, (status) =>
      status ? { ...status, setupDone: true, authenticated: true } : status,
    );
  };
}

/** A right password signs in, or (two-step sign-in on) asks for the code first. */
export const loginAnswer = () => accounts().then((m) => m.ZSignInAnswer);

export function isSecondStep(answer: Me | SecondStepRequired): answer is SecondStepRequired {
  return 'secondStep' in answer;
}

export function useLogin() {
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (input: LogInInput) => apiRequest('/auth/login', loginAnswer, { method: 'POST', body: input }),
    onSuccess: (answer) => {
      if (!isSecondStep(answer)) storeSession(answer);
    },
  });
}

export function useCompleteSignIn() {
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (input: CompleteSignInInput) =>
      apiRequest('/auth/login/second-step', zMe, { method: 'POST', body: input }),
    onSuccess: storeSession,
  });
}

export function useSetup() {
  const storeSession = useStoreSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetUpWorkspaceInput) => apiRequest('/setup', zMe, { method: 'POST', body: input }),
    onSuccess: storeSession,
    onError: (error) => {
      // Someone finished setup in another tab: from now on this is a sign-in.
      if (isApiError(error) && error.code === 'setup_done') {
        queryClient.setQueryData<SetupStatus>(sessionKeys.status, (status) =>
          status ? { ...status, setupDone: true, authenticated: false } : status,
        );
      }
    },
  });
}

/** Hosted mode: a workspace of my own, signed in at once (a confirmation link is e-mailed). */
export function useSignup() {
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (input: SetUpWorkspaceInput) => apiRequest('/signup', zMe, { method: 'POST', body: input }),
    onSuccess: storeSession,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequestNoContent('/auth/logout', { method: 'POST' }),
    // Even if the call fails (session already gone), this browser is signed out from here on.
    onSettled: () => {
      setCsrfToken(null);
      setSignedInHint(false);
      queryClient.setQueryData<SetupStatus>(sessionKeys.status, (status) =>
        status ? { ...status, setupDone: true, authenticated: false } : status,
      );
    },
  });
}

/**
 * Drops everything cached for the signed-out user (clients, Me…). Call it after leaving the
 * signed-in screens, or they would refetch what was just removed.
 */
export function forgetSignedOutData(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== queryRoots.session[0] || query.queryKey[1] !== 'status',
  });
}
