import { Drawer, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useMatchRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DotsIcon } from '../../components/ui/icons';
import { useMe } from '../../features/accounts/api/session-api';
import classes from './bottom-bar.module.css';
import { navItems } from './nav-items';
import { QuickAddMenu } from './quick-add-menu';

/**
 * The phone's navigation: the daily sections with the global "+" in the middle, thumb-reachable,
 * and "More", a sheet from the bottom with every other section (each two taps away at most).
 */
export function BottomBar() {
  const { t } = useTranslation();
  const matchRoute = useMatchRoute();
  // A viewer only looks: no "+" (the server would refuse what it adds).
  const canAdd = useMe().user.role !== 'viewer';
  const [moreOpened, more] = useDisclosure(false);
  const isActive = (item: (typeof navItems)[number]) => Boolean(matchRoute({ to: item.to, fuzzy: !item.exact }));
  const onBar = navItems.filter((item) => !item.inMore);
  const inMore = navItems.filter((item) => item.inMore);
  const middle = Math.ceil((onBar.length + 1) / 2);
  const moreActive = inMore.some(isActive);
  const link = (item: (typeof navItems)[number]) => {
    const Icon = item.icon;
    return (
      <Link key={item.id} to={item.to} className={classes.item} aria-current={isActive(item) ? 'page' : undefined}>
        <Icon size={22} />
        <span>{t(item.label)}</span>
      </Link>
    );
  };
  return (
    <nav aria-label={t('nav.label')} className={classes.bar}>
      {onBar.slice(0, middle).map(link)}
      {canAdd && (
        <div className={classes.add}>
          <QuickAddMenu variant="fab" />
        </div>
      )}
      {onBar.slice(middle).map(link)}
      <UnstyledButton
        className={classes.item}
        data-active={moreActive || undefined}
        aria-haspopup="dialog"
        aria-expanded={moreOpened}
        onClick={more.open}
      >
        <DotsIcon size={22} />
        <span>{t('nav.more')}</span>
      </UnstyledButton>
      <Drawer.Root opened={moreOpened} onClose={more.close} position="bottom">
        <Drawer.Overlay />
        {/* As tall as its links (Mantine's sizes are fixed heights), never the whole screen. */}
        <Drawer.Content
          style={{ flex: '0 0 auto', height: 'auto', inlineSize: '100%', maxBlockSize: '85dvh' }}
          className={classes.sheet}
        >
          {/* A div, not Mantine's <header>: a second "banner" landmark would confuse screen readers. */}
          <Drawer.Header component="div">
            <Drawer.Title>{t('nav.moreTitle')}</Drawer.Title>
            <Drawer.CloseButton aria-label={t('actions.close')} />
          </Drawer.Header>
          <Drawer.Body>
            <ul className={classes.sheetList}>
              {inMore.map((item) => {
                const Icon = item.icon;
                return (
                  <li key={item.id}>
                    <Link
                      to={item.to}
                      className={classes.sheetItem}
                      aria-current={isActive(item) ? 'page' : undefined}
                      onClick={more.close}
                    >
                      <Icon size={22} />
                      <span>{t(item.label)}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    </nav>
  );
}
