import {
  ZHolidayGreetings,
  ZHolidayGreetingsSent,
  type SendHolidayGreetingsInput,
} from '../../../../shared/schemas/greetings';
import type { GreetingHoliday } from '../../../../shared/time/hebrew-dates';
import { apiRequest } from '../../../lib/api-client';

export function fetchHolidayGreetings(holiday: GreetingHoliday, tag: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams({ holiday });
  if (tag) query.set('tag', tag);
  return apiRequest('/greetings/holidays', ZHolidayGreetings, { query, ...(signal ? { signal } : {}) });
}

export function sendHolidayGreetings(input: SendHolidayGreetingsInput) {
  return apiRequest('/greetings/holidays/send', ZHolidayGreetingsSent, { method: 'POST', body: input });
}
