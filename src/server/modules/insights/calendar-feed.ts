import ical from 'ical-generator';
import type { Deps } from '../../lib/http.js';
import { translate } from '../../lib/i18n.js';
import type { Locale } from '../../../shared/schemas/common.js';
import { userByCalendarToken } from '../accounts/accounts.service.js';
import { openCommitments } from '../commitments/commitments.service.js';

const HORIZON_DAYS = 366;

/**
 * The private ICS feed: every open commitment as an event. Timed ones are emitted in UTC (`Z`),
 * which every calendar shows at the right local time; "during the day" ones are all-day events.
 * Returns null for an unknown token (the route answers 404).
 */
export async function calendarFeed(deps: Deps, token: string): Promise<string | null> {
  const owner = await userByCalendarToken(deps, token);
  if (!owner) return null;
  const scope = { workspaceId: owner.workspaceId };
  const until = new Date(deps.clock.now().getTime() + HORIZON_DAYS * 86_400_000).toISOString();
  const { items } = await openCommitments(deps, scope, { dueBefore: until, limit: 2000 });
  const locale: Locale = owner.locale;
  const calendar = ical({
    name: translate(locale, 'calendar.name'),
    prodId: { company: 'Mila', product: 'Mila', language: locale.toUpperCase() },
    ttl: 900,
  });
  for (const c of items) {
    const summary = translate(locale, c.direction === 'mine' ? 'calendar.mine' : 'calendar.theirs', {
      client: c.clientName,
      what: c.title,
    });
    if (c.dueTime) {
      const start = new Date(c.dueAt);
      calendar.createEvent({
        id: `${c.id}@mila`,
        start,
        end: new Date(start.getTime() + 30 * 60_000),
        summary,
        description: c.notes ?? undefined,
        timezone: null,
      });
    } else {
      // Noon UTC keeps the calendar date the same in every zone near Israel.
      calendar.createEvent({
        id: `${c.id}@mila`,
        start: new Date(`${c.dueDate}T12:00:00Z`),
        allDay: true,
        summary,
        description: c.notes ?? undefined,
      });
    }
  }
  return calendar.toString();
}
