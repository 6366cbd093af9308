import { notifications } from '@mantine/notifications';
import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LogoutIcon, SettingsIcon, UserIcon } from '../../../components/ui/icons';
import { notifyError } from '../../../lib/notify';
import { useLogout, useMe } from '../api/session-api';

export function UserMenu({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.label', { name: me.user.name })}
          className="focus-ring"
          style={{ borderRadius: '50%' }}
        >
          {/* An icon rather than initials: visible text would have to be part of the button's name. */}
          <Avatar color="mila" radius="xl" size={36}>
            <UserIcon size={20} />
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <bdi>{me.user.name}</bdi>
        </Menu.Label>
        <Menu.Item component={Link} to="/settings" leftSection={<SettingsIcon size={16} />}>
          {t('nav.settings')}
        </Menu.Item>
        <Menu.Item
          leftSection={<LogoutIcon size={16} />}
          onClick={() =>
            logout.mutate(undefined, {
              onError: notifyError,
              // The signed-in screens' messages must not cover the sign-in form that comes next.
              onSettled: () => {
                notifications.clean();
                onSignedOut();
              },
            })
          }
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
