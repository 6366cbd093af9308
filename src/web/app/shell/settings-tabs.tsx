import type { ReactNode } from 'react';
import type { MemberRole } from '../../../shared/schemas/accounts';
import {
  BookIcon,
  BriefcaseIcon,
  CalendarIcon,
  HistoryIcon,
  InboxIcon,
  LinkIcon,
  QuoteIcon,
  SettingsIcon,
  TemplateIcon,
  UserIcon,
  UsersIcon,
} from '../../components/ui/icons';

export const settingsTabs = [
  'business',
  'account',
  'team',
  'templates',
  'terms',
  'playbooks',
  'colleagues',
  'calendar',
  'email',
  'webhooks',
  'data',
  'activity',
] as const;
export type SettingsTab = (typeof settingsTabs)[number];

/** What only an owner may change (the server refuses the rest anyway): hidden from the other roles. */
const ownerTabs: ReadonlySet<SettingsTab> = new Set(['business', 'team', 'webhooks', 'activity']);

export function tabsFor(role: MemberRole): SettingsTab[] {
  return role === 'owner' ? [...settingsTabs] : settingsTabs.filter((tab) => !ownerTabs.has(tab));
}

/** The open settings tab lives in the URL (?tab=email), so a link can point straight at it. */
export function validateSettingsSearch(search: Record<string, unknown>): { tab?: SettingsTab } {
  const tab = settingsTabs.find((t) => t === search.tab);
  return tab && tab !== 'business' ? { tab } : {};
}

export const settingsTabIcons: Record<SettingsTab, ReactNode> = {
  business: <SettingsIcon size={16} />,
  account: <UserIcon size={16} />,
  team: <BriefcaseIcon size={16} />,
  templates: <TemplateIcon size={16} />,
  terms: <QuoteIcon size={16} />,
  playbooks: <BookIcon size={16} />,
  colleagues: <UsersIcon size={16} />,
  calendar: <CalendarIcon size={16} />,
  email: <InboxIcon size={16} />,
  webhooks: <LinkIcon size={16} />,
  data: <InboxIcon size={16} />,
  activity: <HistoryIcon size={16} />,
};
