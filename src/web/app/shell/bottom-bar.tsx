import { Link, useMatchRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import classes from './bottom-bar.module.css';
import { navItems } from './nav-items';
import { QuickAddMenu } from './quick-add-menu';

/** The phone's navigation: the sections with the global "+" in the middle, thumb-reachable. */
export function BottomBar() {
  const { t } = useTranslation();
  const matchRoute = useMatchRoute();
  const items = navItems.filter((item) => !item.desktopOnly);
  const middle = Math.ceil(items.length / 2);
  const link = (item: (typeof items)[number]) => {
    const active = Boolean(matchRoute({ to: item.to, fuzzy: !item.exact }));
    const Icon = item.icon;
    return (
      <Link key={item.id} to={item.to} className={classes.item} aria-current={active ? 'page' : undefined}>
        <Icon size={22} />
        <span>{t(item.label)}</span>
      </Link>
    );
  };
  return (
    <nav aria-label={t('nav.label')} className={classes.bar}>
      {items.slice(0, middle).map(link)}
      <div className={classes.add}>
        <QuickAddMenu variant="fab" />
      </div>
      {items.slice(middle).map(link)}
    </nav>
  );
}
