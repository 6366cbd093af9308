import { ActionIcon, Button, Menu } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/ui/icons';
import { type QuickAddAction, quickAddItems } from './nav-items';
import { useOpenStartTimer } from './timer-control';
import { useWordActions } from './word-actions';

/** The global "+": a menu from the start, so new kinds of records only add entries. */
export function QuickAddMenu({ variant }: { variant: 'header' | 'fab' }) {
  const { t } = useTranslation();
  const actions = useWordActions();
  const startTimer = useOpenStartTimer();
  const run: Record<QuickAddAction, () => void> = {
    logContact: () => actions.logContact(),
    addPromise: () => actions.addPromise(),
    startTimer,
  };
  return (
    <Menu position={variant === 'fab' ? 'top' : 'bottom-end'} withinPortal>
      <Menu.Target>
        {variant === 'fab' ? (
          <ActionIcon size={48} radius="xl" aria-label={t('quickAdd.label')} variant="filled">
            <PlusIcon size={26} />
          </ActionIcon>
        ) : (
          <Button leftSection={<PlusIcon size={18} />} aria-label={t('quickAdd.label')}>
            {t('quickAdd.short')}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        {quickAddItems.map((item) => {
          const Icon = item.icon;
          return item.kind === 'link' ? (
            <Menu.Item key={item.id} component={Link} to={item.to} leftSection={<Icon size={16} />}>
              {t(item.label)}
            </Menu.Item>
          ) : (
            <Menu.Item key={item.id} leftSection={<Icon size={16} />} onClick={run[item.action]}>
              {t(item.label)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
