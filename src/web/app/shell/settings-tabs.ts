export const settingsTabs = ['business', 'account', 'templates', 'terms', 'colleagues', 'calendar', 'email'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

/** The open settings tab lives in the URL (?tab=email), so a link can point straight at it. */
export function validateSettingsSearch(search: Record<string, unknown>): { tab?: SettingsTab } {
  const tab = settingsTabs.find((t) => t === search.tab);
  return tab && tab !== 'business' ? { tab } : {};
}
