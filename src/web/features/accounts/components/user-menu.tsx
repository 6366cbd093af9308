import { notifications } from '@mantine/notifications';
import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BuildingIcon, CheckIcon, LogoutIcon, SettingsIcon, UserIcon } from '../../../components/ui/icons';
import { isolate } from '../../../../shared/text';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { forgetOtherWorkspace, useMyWorkspaces, useSwitchWorkspace } from '../api/my-workspaces-api';
import { useLogout, useMe } from '../api/session-api';

export function UserMenu({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const workspaces = useMyWorkspaces();
  const switchWorkspace = useSwitchWorkspace();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const others = workspaces.data && workspaces.data.items.length > 1 ? workspaces.data.items : null;
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
        {others && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('userMenu.workspaces')}</Menu.Label>
            {others.map((workspace) => (
              <Menu.Item
                key={workspace.id}
                leftSection={workspace.current ? <CheckIcon size={16} /> : <BuildingIcon size={16} />}
                aria-current={workspace.current || undefined}
                disabled={switchWorkspace.isPending}
                onClick={() => {
                  if (workspace.current) return;
                  switchWorkspace.mutate(workspace.id, {
                    onSuccess: () => {
                      notifySuccess(t('userMenu.switched', { name: isolate(workspace.name) }));
                      void navigate({ to: '/' }).then(() => forgetOtherWorkspace(queryClient));
                    },
                    onError: notifyError,
                  });
                }}
              >
                <bdi>{workspace.name}</bdi>
              </Menu.Item>
            ))}
            <Menu.Divider />
          </>
        )}
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
