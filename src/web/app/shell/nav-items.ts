import type { ComponentType } from 'react';
import type { ParseKeys } from 'i18next';
import { SettingsIcon, UsersIcon } from '../../components/ui/icons';

export type NavItem = {
  id: string;
  to: '/clients' | '/settings';
  label: ParseKeys;
  icon: ComponentType<{ size?: number }>;
};

/**
 * The main sections, in order. Today, Quotes, Projects, Money and Insights join this list when
 * they exist; the side bar and the phone's bottom bar both render it.
 */
export const navItems: NavItem[] = [
  { id: 'clients', to: '/clients', label: 'nav.clients', icon: UsersIcon },
  { id: 'settings', to: '/settings', label: 'nav.settings', icon: SettingsIcon },
];

export type QuickAddItem = {
  id: string;
  to: '/clients/new';
  label: ParseKeys;
  icon: ComponentType<{ size?: number }>;
};

/** What the global "+" can create; more entries (log a contact, a promise, a quote) come later. */
export const quickAddItems: QuickAddItem[] = [{ id: 'new-client', to: '/clients/new', label: 'quickAdd.newClient', icon: UsersIcon }];
