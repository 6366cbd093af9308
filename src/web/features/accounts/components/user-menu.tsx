import { notifications } from '@mantine/notifications';
import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LogoutIcon, SettingsIcon, UserIcon } from '../../../components/ui/icons';
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
    // No focus placeholder: a presentational element with a tabindex inside role="menu" fails axe;
    // focus goes to the first item instead, as a menu button should.
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
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
        {/* The name is already in the button's label; inside role="menu" only items, groups and
            separators are allowed, so the headings are for the eye and the group carries the name. */}
        <Menu.Label aria-hidden>
          <bdi>{me.user.name}</bdi>
        </Menu.Label>
        {others && (
          <>
            <Menu.Divider role="separator" />
            <div role="group" aria-label={t('userMenu.workspaces')}>
              <Menu.Label aria-hidden>{t('userMenu.workspaces')}</Menu.Label>
              <Menu.RadioGroup value={others.find((w) => w.current)?.id ?? null}>
                {others.map((workspace) => (
                  <Menu.RadioItem
                    key={workspace.id}
                    value={workspace.id}
                    closeMenuOnClick
                    disabled={switchWorkspace.isPending}
                    onChange={() => {
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
                  </Menu.RadioItem>
                ))}
              </Menu.RadioGroup>
            </div>
            <Menu.Divider role="separator" />
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
