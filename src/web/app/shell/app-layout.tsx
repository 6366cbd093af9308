import { AppShell } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { Suspense, lazy, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { forgetSignedOutData, useMe } from '../../features/accounts/api/session-api';
import { changeLanguage } from '../../lib/i18n';
import { AppHeader } from './app-header';
import { BottomBar } from './bottom-bar';
import { SideNav } from './side-nav';
import { StartTimerProvider } from './timer-control';
import { WordActionsProvider } from './word-actions';

// Loaded when needed, not with the frame: the search (phone formatting) when first opened, the
// e-mail banner only for an address still unconfirmed (it shares a chunk with the e-mail link pages).
const GlobalSearch = lazy(() => import('./global-search').then((m) => ({ default: m.GlobalSearch })));
const EmailConfirmBanner = lazy(() =>
  import('../../features/accounts/components/email-links').then((m) => ({ default: m.EmailConfirmBanner })),
);

/** The signed-in frame: header everywhere, side bar on desktop, bottom bar on a phone (≤ 48em). */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchOpened, search] = useDisclosure(false);
  // Mounted from its first opening on, so closing it still animates.
  const [searchUsed, setSearchUsed] = useState(false);
  useEffect(() => {
    if (searchOpened) setSearchUsed(true);
  }, [searchOpened]);

  // The account's language wins when a session starts (another device may have changed it).
  useEffect(() => {
    void changeLanguage(me.user.locale);
  }, [me.user.locale]);

  useHotkeys([['/', search.open]]);
  // Physical K so the shortcut also works with the Hebrew keyboard layout (where K types ל).
  useHotkeys([['mod+K', search.open, { usePhysicalKeys: true }]], []);

  return (
    <WordActionsProvider>
      <StartTimerProvider>
        <AppShell
          header={{ height: 60 }}
          navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: true } }}
          footer={{ height: { base: 68, sm: 0 } }}
          padding={{ base: 'sm', sm: 'lg' }}
        >
          <a href="#main" className="skip-link">
            {t('nav.skipToContent')}
          </a>
          <AppShell.Header>
            <AppHeader
              onOpenSearch={search.open}
              onSignedOut={() => void navigate({ to: '/login' }).then(() => forgetSignedOutData(queryClient))}
            />
          </AppShell.Header>
          {/* display:none on a phone (not just off-screen), so keyboard focus never lands in it. */}
          <AppShell.Navbar p="sm" visibleFrom="sm">
            <SideNav />
          </AppShell.Navbar>
          <AppShell.Main id="main" tabIndex={-1}>
            <div style={{ maxInlineSize: '72rem', marginInline: 'auto' }}>
              {!me.user.emailConfirmed && (
                <Suspense fallback={null}>
                  <EmailConfirmBanner email={me.user.email} />
                </Suspense>
              )}
              <Outlet />
            </div>
          </AppShell.Main>
          <AppShell.Footer hiddenFrom="sm">
            <BottomBar />
          </AppShell.Footer>
          {(searchOpened || searchUsed) && (
            <Suspense fallback={null}>
              <GlobalSearch opened={searchOpened} onClose={search.close} />
            </Suspense>
          )}
        </AppShell>
      </StartTimerProvider>
    </WordActionsProvider>
  );
}
