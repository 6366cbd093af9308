import type {
  HolidayGreetings,
  HolidayGreetingsQuery,
  HolidayGreetingsSent,
  SendHolidayGreetings,
} from '../../../shared/schemas/greetings.js';
import { hebrewYearOf, nextHoliday } from '../../../shared/time/hebrew-dates.js';
import { nextSendingTime } from '../../../shared/time/israel-calendar.js';
import { localDate, parseDate } from '../../../shared/time/zoned.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/http.js';
import { inTransaction } from '../../lib/transaction.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { clientForReference, clientsToGreet } from '../clients/clients.service.js';
import { sendMessage } from '../messages/send.service.js';
import { fillTemplate, holidayValues } from '../messages/templates.service.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

/** One batch: a greeting is personal, and 200 is already a long list to read before sending. */
const BATCH = 200;

function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The instant e-mail may go, or null when that is now (see `nextSendingTime`). */
function sendsAt(deps: Deps, timeZone: string): string | null {
  const now = deps.clock.now();
  const at = nextSendingTime(now, timeZone);
  return at.getTime() === now.getTime() ? null : at.toISOString();
}

/**
 * The coming holiday (its first day from today, inclusive) and a greeting for each client of the
 * group, in the client's language and by their agreed channel. Nothing is sent.
 */
export async function holidayGreetings(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  query: HolidayGreetingsQuery,
): Promise<HolidayGreetings> {
  const profile = await getBusinessProfile(deps, scope);
  const today = localDate(deps.clock.now(), profile.timeZone);
  const date = nextHoliday(query.holiday, today);
  const ids = await clientsToGreet(deps, scope, { tag: query.tag ?? null, limit: BATCH + 1 });
  const items: HolidayGreetings['items'] = [];
  for (const clientId of ids.slice(0, BATCH)) {
    const client = await clientForReference(deps, scope, clientId);
    const composed = await fillTemplate(deps, scope, actor, {
      kind: 'holiday_greeting',
      clientId,
      values: holidayValues(client.language, query.holiday),
    });
    items.push({
      clientId,
      clientName: client.name,
      locale: composed.locale,
      channel: composed.channel,
      subject: composed.subject,
      body: composed.body,
      canEmail: Boolean(client.email) && composed.emailAvailable,
      canPhone: Boolean(client.whatsapp ?? client.phone),
    });
  }
  return {
    holiday: query.holiday,
    date,
    daysAway: daysBetween(today, date),
    hebrewYear: hebrewYearOf(date),
    sendsAt: sendsAt(deps, profile.timeZone),
    items,
    truncated: ids.length > BATCH,
  };
}

/**
 * Sends the greetings as reviewed: e-mail into the outbox, WhatsApp / SMS as links to open, each
 * logged as a contact — one transaction, so a client that is not ours stores none of them. Never
 * on Shabbat or a holiday: e-mail queued then waits for the first moment after it.
 */
export async function sendHolidayGreetings(
  deps: Deps,
  scope: Scope,
  input: SendHolidayGreetings,
): Promise<HolidayGreetingsSent> {
  const profile = await getBusinessProfile(deps, scope);
  const notBefore = sendsAt(deps, profile.timeZone);
  return inTransaction(deps, async (deps) => {
    const items: HolidayGreetingsSent['items'] = [];
    for (const [index, item] of input.items.entries()) {
      const sent = await sendMessage(deps, scope, {
        kind: 'holiday_greeting',
        clientId: item.clientId,
        channel: item.channel,
        subject: item.subject,
        body: item.body,
        notBefore,
      }).catch((error: unknown) => {
        throw withItemPath(error, index);
      });
      items.push({ clientId: item.clientId, message: sent.message, link: sent.link });
    }
    return { scheduledFor: notBefore, items };
  });
}

/** A field error of one greeting points at its row (items.3.channel). */
function withItemPath(error: unknown, index: number): unknown {
  if (!(error instanceof AppError) || !error.options.fields) return error;
  const fields = error.options.fields.map((f) => ({ ...f, path: `items.${index}.${f.path}` }));
  return new AppError(error.code, { ...error.options, fields });
}
