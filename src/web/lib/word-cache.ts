import type { QueryClient } from '@tanstack/react-query';

/**
 * Query-key roots of everything that "keeping your word" shows. A promise kept on the Today
 * screen changes the client's timeline, the word-keeping rate and the reminders too; features
 * do not import each other, so they share these roots instead of each other's keys.
 */
export const wordKeys = {
  today: ['today'] as const,
  commitments: ['commitments'] as const,
  interactions: ['interactions'] as const,
  wordKeeping: ['word-keeping'] as const,
  timeline: ['timeline'] as const,
  notifications: ['notifications'] as const,
};

export function refreshWordData(queryClient: QueryClient): Promise<void> {
  return Promise.all(Object.values(wordKeys).map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(
    () => undefined,
  );
}
