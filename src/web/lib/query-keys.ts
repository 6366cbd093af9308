import type { QueryClient } from '@tanstack/react-query';

/**
 * The root of every query key, in one place. Features do not import each other, so when one
 * changes what another shows (a payment moves Today, a decision adds a change-order quote) it
 * invalidates that root; each feature's own `xKeys` builds its keys on its root.
 */
export const queryRoots = {
  session: ['session'] as const,
  today: ['today'] as const,
  clients: ['clients'] as const,
  commitments: ['commitments'] as const,
  interactions: ['interactions'] as const,
  wordKeeping: ['word-keeping'] as const,
  timeline: ['timeline'] as const,
  notifications: ['notifications'] as const,
  messages: ['messages'] as const,
  quotes: ['quotes'] as const,
  termsTemplates: ['terms-templates'] as const,
  projects: ['projects'] as const,
  colleagues: ['colleagues'] as const,
  payments: ['payments'] as const,
  time: ['time'] as const,
  workspace: ['workspace'] as const,
  care: ['care'] as const,
  /** Client health and the Insights overview: read models over everything, refetched when opened. */
  health: ['health'] as const,
};

/**
 * Everything that "keeping your word" shows. A promise kept on the Today screen changes the
 * client's timeline, the word-keeping rate and the reminders too.
 */
const wordRoots = [
  queryRoots.today,
  queryRoots.commitments,
  queryRoots.interactions,
  queryRoots.wordKeeping,
  queryRoots.timeline,
  queryRoots.notifications,
  queryRoots.health,
];

export function refreshWordData(queryClient: QueryClient): Promise<void> {
  return Promise.all(wordRoots.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}
