import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/schemas/common';
import { SearchIcon } from '../../components/ui/icons';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { useUpdateMe } from '../../features/accounts/api/me-api';
import { useMe } from '../../features/accounts/api/session-api';
import { UserMenu } from '../../features/accounts/components/user-menu';
import { NotificationBell } from '../../features/messages/components/notification-bell';
import { changeLanguage } from '../../lib/i18n';
import { notifyError } from '../../lib/notify';
import { Brand } from './brand';
import { QuickAddMenu } from './quick-add-menu';
import { TimerControl } from './timer-control';

type Props = { onOpenSearch: () => void; onSignedOut: () => void };

export function AppHeader({ onOpenSearch, onSignedOut }: Props) {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const me = useMe();
  const navigate = useNavigate();

  // Switch at once; then remember it on the account so every device opens in this language.
  const switchLanguage = (locale: Locale) => {
    void changeLanguage(locale);
    updateMe.mutate({ locale }, { onError: notifyError });
  };

  return (
    <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
      <Brand linked nameFromSm />
      <Group gap="xs" wrap="nowrap">
        <Tooltip label={t('search.tooltip')} withinPortal>
          <ActionIcon variant="default" size={36} radius="md" aria-label={t('search.open')} onClick={onOpenSearch}>
            <SearchIcon size={18} />
          </ActionIcon>
        </Tooltip>
        <TimerControl />
        <NotificationBell
          timeZone={me.workspace.timeZone}
          onOpen={(notification) =>
            void (notification.clientId
              ? navigate({
                  to: '/clients/$clientId',
                  params: { clientId: notification.clientId },
                  // The referral's thank-you opens right away on the referrer's page.
                  search: notification.kind === 'referral_thanks' ? { thank: notification.refId } : {},
                })
              : navigate({ to: '/' }))
          }
        />
        {me.user.role !== 'viewer' && (
          <Group visibleFrom="sm" gap="xs">
            <QuickAddMenu variant="header" />
          </Group>
        )}
        <LanguageSwitch onChange={switchLanguage} />
        <UserMenu onSignedOut={onSignedOut} />
      </Group>
    </Group>
  );
}
