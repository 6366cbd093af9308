import { NavLink, Stack } from '@mantine/core';
import { Link, useMatchRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { navItems } from './nav-items';

export function SideNav() {
  const { t } = useTranslation();
  const matchRoute = useMatchRoute();
  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap={4}>
        {navItems.map(({ id, to, label, icon: Icon, exact }) => {
          const active = Boolean(matchRoute({ to, fuzzy: !exact }));
          return (
            <NavLink
              key={id}
              component={Link}
              to={to}
              label={t(label)}
              leftSection={<Icon size={20} />}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="light"
              fw={500}
            />
          );
        })}
      </Stack>
    </nav>
  );
}
