import { greetingHolidays, type GreetingHoliday } from '../../../shared/time/hebrew-dates';

/** The holiday greetings screen keeps its holiday and group in the URL (?holiday=pesach&tag=VIP). */
export function validateGreetingsSearch(search: Record<string, unknown>): { holiday?: GreetingHoliday; tag?: string } {
  const holiday = greetingHolidays.find((h) => h === search.holiday);
  const tag = typeof search.tag === 'string' && search.tag.trim() ? search.tag.slice(0, 40) : undefined;
  return { ...(holiday ? { holiday } : {}), ...(tag ? { tag } : {}) };
}
