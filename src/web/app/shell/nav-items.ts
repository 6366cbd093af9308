import type { ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import {
  BriefcaseIcon,
  ChartIcon,
  ClockIcon,
  CoinsIcon,
  PhoneIcon,
  PromiseIcon,
  QuoteIcon,
  SettingsIcon,
  SunIcon,
  UsersIcon,
} from '../../components/ui/icons';

export type NavItem = {
  id: string;
  to: '/' | '/clients' | '/projects' | '/quotes' | '/money' | '/insights' | '/settings';
  label: ParseKeys;
  icon: ComponentType<{ size?: number }>;
  /** Home matches only itself; other sections also match the pages under them. */
  exact?: boolean;
  /**
   * On a phone, in the "More" sheet instead of the bottom bar: the bar keeps the daily few
   * (Today, Clients, Quotes) thumb-reachable, and every other section is one tap behind "More".
   */
  inMore?: boolean;
};

/** The main sections, in order: the side bar renders them all, the phone's bar and its "More" sheet share them. */
export const navItems: NavItem[] = [
  { id: 'today', to: '/', label: 'nav.today', icon: SunIcon, exact: true },
  { id: 'clients', to: '/clients', label: 'nav.clients', icon: UsersIcon },
  { id: 'projects', to: '/projects', label: 'nav.projects', icon: BriefcaseIcon, inMore: true },
  { id: 'quotes', to: '/quotes', label: 'nav.quotes', icon: QuoteIcon },
  { id: 'money', to: '/money', label: 'nav.money', icon: CoinsIcon, inMore: true },
  { id: 'insights', to: '/insights', label: 'nav.insights', icon: ChartIcon, inMore: true },
  { id: 'settings', to: '/settings', label: 'nav.settings', icon: SettingsIcon, inMore: true },
];

export type QuickAddAction = 'logContact' | 'addPromise' | 'startTimer';

export type QuickAddItem =
  | {
      id: string;
      kind: 'link';
      to: '/clients/new' | '/quotes/new';
      label: ParseKeys;
      icon: ComponentType<{ size?: number }>;
    }
  | { id: string; kind: 'action'; action: QuickAddAction; label: ParseKeys; icon: ComponentType<{ size?: number }> };

/** What the global "+" can create or start. */
export const quickAddItems: QuickAddItem[] = [
  { id: 'log-contact', kind: 'action', action: 'logContact', label: 'quickAdd.logContact', icon: PhoneIcon },
  { id: 'new-promise', kind: 'action', action: 'addPromise', label: 'quickAdd.newPromise', icon: PromiseIcon },
  { id: 'new-client', kind: 'link', to: '/clients/new', label: 'quickAdd.newClient', icon: UsersIcon },
  { id: 'new-quote', kind: 'link', to: '/quotes/new', label: 'quickAdd.newQuote', icon: QuoteIcon },
  { id: 'start-timer', kind: 'action', action: 'startTimer', label: 'quickAdd.startTimer', icon: ClockIcon },
];
