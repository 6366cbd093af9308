import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import type { SetupStatus } from '../../shared/schemas/accounts';
import {
  forgetSignedInHint,
  hasSignedInHint,
  meQuery,
  sessionKeys,
  setupStatusQuery,
} from '../features/accounts/api/session-api';
import { validateClientsSearch } from '../features/clients/api/client-list-filters';
import { todayQuery } from '../features/insights/api/today-query';
import { validateProjectsSearch } from '../features/projects/api/project-list-search';
import { validateQuotesSearch } from '../features/quotes/api/quote-list-search';
import { isApiError, setCsrfToken } from '../lib/api-client';
import { parseSearch, stringifySearch } from '../lib/search-params';
import { createAppQueryClient } from './query-client';
import { validateSettingsSearch } from './shell/settings-tabs';
import { validateGreetingsSearch } from './shell/greetings-search';
import { validateMistakesSearch } from './shell/mistakes-search';
import { NotFoundPage } from './routes/not-found-page';
import { PendingPage } from './routes/pending-page';
import { RouteErrorPage } from './routes/route-error-page';

type RouterContext = { queryClient: QueryClient };

// Screens load on first visit (and on link hover). The signed-in frame is a chunk too, fetched with
// the session: the first script holds the router, the providers and the Hebrew catalogs, no zod.
// The route chunks are named here once, so the start (see startEarly) can fetch them early.
const loadAppLayout = () => import('./shell/app-layout');
const loadTodayPage = () => import('./routes/today-page');

/** Only same-site paths are honoured after sign-in (no open redirect to another origin). */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.setupDone) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./routes/setup-page'), 'SetupPage'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: async ({ context, search }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (!status.setupDone) throw redirect({ to: '/setup' });
    if (status.authenticated) throw redirect({ to: search.redirect ?? '/' });
  },
  component: lazyRouteComponent(() => import('./routes/login-page'), 'LoginPage'),
});

/** Hosted mode only: a workspace of one's own (self-hosted Mila has the first-run setup instead). */
const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'signup',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (status.mode !== 'hosted') throw redirect({ to: status.setupDone ? '/login' : '/setup' });
    if (status.authenticated) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./routes/signup-page'), 'SignupPage'),
});

// The pages e-mailed links open (the server writes these paths): public, outside the signed-in shell.
// Opened in a browser that is signed in, their one write rides on the session cookie and must echo
// its CSRF token, which the setup status carries (these pages never load Me).
const withSessionToken = async ({ context }: { context: RouterContext }) => {
  await context.queryClient.ensureQueryData(setupStatusQuery);
};

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invite/$token',
  beforeLoad: withSessionToken,
  component: lazyRouteComponent(() => import('./routes/invite-page'), 'InvitePage'),
});

const confirmEmailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'confirm-email/$token',
  beforeLoad: withSessionToken,
  component: lazyRouteComponent(() => import('./routes/email-link-pages'), 'ConfirmEmailPage'),
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'forgot-password',
  beforeLoad: async ({ context }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (!status.passwordResetByEmail) throw redirect({ to: '/login' });
  },
  component: lazyRouteComponent(() => import('./routes/email-link-pages'), 'ForgotPasswordPage'),
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'reset-password/$token',
  beforeLoad: withSessionToken,
  component: lazyRouteComponent(() => import('./routes/email-link-pages'), 'ResetPasswordPage'),
});

/** Everything behind sign-in: checks the session once, then loads Me (user, workspace, CSRF). */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQuery);
    if (!status.setupDone) throw redirect({ to: '/setup' });
    const toLogin = () => redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
    if (!status.authenticated) throw toLogin();
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isApiError(error) && error.code === 'unauthenticated') throw toLogin();
      throw error;
    }
  },
  component: lazyRouteComponent(loadAppLayout, 'AppLayout'),
});

const todayRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(loadTodayPage, 'TodayPage'),
});

const clientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients',
  validateSearch: validateClientsSearch,
  component: lazyRouteComponent(() => import('./routes/clients-page'), 'ClientsPage'),
});

const newClientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/new',
  validateSearch: (search: Record<string, unknown>): { name?: string } =>
    typeof search.name === 'string' && search.name.trim() ? { name: search.name.slice(0, 200) } : {},
  component: lazyRouteComponent(() => import('./routes/client-new-page'), 'ClientNewPage'),
});

const importClientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/import',
  component: lazyRouteComponent(() => import('./routes/clients-import-page'), 'ClientsImportPage'),
});

const clientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId',
  // ?thank=<referred client>: the referral notification opens the thank-you on the referrer's page.
  validateSearch: (search: Record<string, unknown>): { thank?: string } =>
    typeof search.thank === 'string' && search.thank ? { thank: search.thank.slice(0, 100) } : {},
  // Start fetching on hover/focus of a link; the page shows its own loading and error states.
  loader: ({ context, params }) => {
    void import('../features/clients/api/client-queries').then(({ clientQuery }) =>
      context.queryClient.prefetchQuery(clientQuery(params.clientId)),
    );
  },
  component: lazyRouteComponent(() => import('./routes/client-page'), 'ClientPage'),
});

const editClientRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId/edit',
  component: lazyRouteComponent(() => import('./routes/client-edit-page'), 'ClientEditPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings',
  validateSearch: validateSettingsSearch,
  component: lazyRouteComponent(() => import('./routes/settings-page'), 'SettingsPage'),
});

const quotesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'quotes',
  validateSearch: validateQuotesSearch,
  component: lazyRouteComponent(() => import('./routes/quotes-page'), 'QuotesPage'),
});

const newQuoteRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'quotes/new',
  validateSearch: (search: Record<string, unknown>): { clientId?: string; interactionId?: string } => ({
    ...(typeof search.clientId === 'string' && search.clientId ? { clientId: search.clientId } : {}),
    ...(typeof search.interactionId === 'string' && search.interactionId
      ? { interactionId: search.interactionId }
      : {}),
  }),
  component: lazyRouteComponent(() => import('./routes/quote-new-page'), 'QuoteNewPage'),
});

const quoteRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'quotes/$quoteId',
  loader: ({ context, params }) => {
    void import('../features/quotes/api/quote-queries').then(({ quoteQuery }) =>
      context.queryClient.prefetchQuery(quoteQuery(params.quoteId)),
    );
  },
  component: lazyRouteComponent(() => import('./routes/quote-page'), 'QuotePage'),
});

const projectsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'projects',
  validateSearch: validateProjectsSearch,
  component: lazyRouteComponent(() => import('./routes/projects-page'), 'ProjectsPage'),
});

const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'projects/$projectId',
  component: lazyRouteComponent(() => import('./routes/project-page'), 'ProjectPage'),
});

const moneyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'money',
  component: lazyRouteComponent(() => import('./routes/money-page'), 'MoneyPage'),
});

const insightsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'insights',
  component: lazyRouteComponent(() => import('./routes/insights-page'), 'InsightsPage'),
});

const mistakesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'insights/mistakes',
  validateSearch: validateMistakesSearch,
  component: lazyRouteComponent(() => import('./routes/mistakes-page'), 'MistakesPage'),
});

const holidayGreetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'greetings/holidays',
  validateSearch: validateGreetingsSearch,
  component: lazyRouteComponent(() => import('./routes/holiday-greetings-page'), 'HolidayGreetingsPage'),
});

const newConflictRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId/conflicts/new',
  component: lazyRouteComponent(() => import('./routes/conflict-page'), 'ConflictNewPage'),
});

const conflictRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId/conflicts/$conflictId',
  component: lazyRouteComponent(() => import('./routes/conflict-page'), 'ConflictPage'),
});

const chatImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'clients/$clientId/import-whatsapp',
  component: lazyRouteComponent(() => import('./routes/chat-import-page'), 'ChatImportPage'),
});

/** Where the phone's share sheet lands (decision 012): ?shared=<one-time token>, or none when nothing came. */
const sharedChatRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'imports/whatsapp',
  validateSearch: (search: Record<string, unknown>): { shared?: string } =>
    typeof search.shared === 'string' && search.shared ? { shared: search.shared.slice(0, 100) } : {},
  component: lazyRouteComponent(() => import('./routes/chat-import-page'), 'SharedChatPage'),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  signupRoute,
  inviteRoute,
  confirmEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  appRoute.addChildren([
    todayRoute,
    clientsRoute,
    newClientRoute,
    importClientsRoute,
    clientRoute,
    editClientRoute,
    chatImportRoute,
    sharedChatRoute,
    quotesRoute,
    newQuoteRoute,
    quoteRoute,
    projectsRoute,
    projectRoute,
    moneyRoute,
    insightsRoute,
    mistakesRoute,
    newConflictRoute,
    conflictRoute,
    holidayGreetingsRoute,
    settingsRoute,
  ]),
]);

export const queryClient = createAppQueryClient(() => {
  setCsrfToken(null);
  forgetSignedInHint();
  queryClient.removeQueries({ queryKey: sessionKeys.me });
  queryClient.setQueryData<SetupStatus>(sessionKeys.status, (status) =>
    status ? { ...status, setupDone: true, authenticated: false } : status,
  );
  const here = router.state.location.href;
  if (!here.startsWith('/login')) void router.navigate({ to: '/login', search: { redirect: here } });
});

/**
 * Called once before the first render. The session check (/setup, then /me) and the screen's chunks
 * would otherwise run one after the other — script, /setup, /me, the frame's and Today's chunks,
 * then /today — so on a signed-in path they all start now, side by side; the router's beforeLoad
 * finds /me (and Today its data) already on the way. Only when this browser was signed in last time
 * (hasSignedInHint); should the session have ended meanwhile, the refused early requests leave the
 * redirect to the router's own check rather than the expired-session handler (meta.early).
 */
export function startEarly(): void {
  // The route tree says which paths are behind sign-in (under the frame): no list of public paths.
  const [matched, , found] = router.getMatchedRoutes(window.location.pathname);
  if (!matched.includes(appRoute) || !hasSignedInHint()) return;
  void loadAppLayout();
  void queryClient.prefetchQuery({ ...meQuery, meta: { early: true } });
  if (found === todayRoute) {
    void loadTodayPage();
    void queryClient.prefetchQuery({ ...todayQuery, meta: { early: true } });
  }
}

export const router = createRouter({
  routeTree,
  context: { queryClient },
  parseSearch,
  stringifySearch,
  defaultPreload: 'intent',
  defaultPendingComponent: PendingPage,
  // The router re-runs loaders itself; the query cache decides what is fresh.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

// Module augmentation needs `interface`: it registers the router so links and params are typed.
declare module '@tanstack/react-router' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmentation merges only with an interface
  interface Register {
    router: typeof router;
  }
}
