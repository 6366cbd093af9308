import type { Channel, Locale, WeeklyHours } from '../../../shared/schemas/common.js';
import type { MessageComposed } from '../../../shared/schemas/messages.js';
import { formatPhone } from '../../../shared/phone.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { getClient } from '../clients/clients.service.js';
import { fillTemplate } from './templates.service.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

// Seed 000: agree with each client on the channel that works best, and tell them which it is. The
// messages module owns this one: it is a template filled from the client's own record (channel,
// service hours or the business default) and nothing else, like the other composers here.

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** "א׳–ה׳ 09:00–18:00; ו׳ 09:00–13:00": consecutive days with the same hours are one group. */
export function formatServiceHours(hours: WeeklyHours, locale: Locale): string {
  const groups: { from: string; to: string; ranges: string }[] = [];
  for (const day of DAYS) {
    const ranges = hours[day].map((r) => `${r.from}–${r.to}`).join(', ');
    const last = groups.at(-1);
    const label = rawMessage(locale, `templates.weekdays.${day}`);
    if (ranges && last && last.ranges === ranges && last.to === rawMessage(locale, `templates.weekdays.${prev(day)}`))
      last.to = label;
    else if (ranges) groups.push({ from: label, to: label, ranges });
  }
  return groups.map((g) => `${g.from === g.to ? g.from : `${g.from}–${g.to}`} ${g.ranges}`).join('; ');
}

function prev(day: (typeof DAYS)[number]): (typeof DAYS)[number] {
  return DAYS[(DAYS.indexOf(day) + 6) % 7]!;
}

/** Tells the client the agreed channel (the business's first preferred one when none was agreed) and the hours. */
export async function composeAgreedChannel(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  clientId: string,
): Promise<MessageComposed> {
  const client = await getClient(deps, scope, clientId);
  const profile = await getBusinessProfile(deps, scope);
  const locale = client.language;
  const channel: Channel = client.channel ?? profile.preferredChannels[0] ?? 'whatsapp';
  const where =
    channel === 'email' ? profile.email : ['phone', 'whatsapp', 'sms'].includes(channel) ? profile.phone : null;
  const name = rawMessage(locale, `templates.channels.${channel}`);
  const detail = where ? (channel === 'email' ? where : formatPhone(where)) : null;
  return fillTemplate(deps, scope, actor, {
    kind: 'agreed_channel',
    clientId: client.id,
    values: {
      channel: detail ? `${name} (${detail})` : name,
      hours: formatServiceHours(client.effectiveServiceHours, locale),
    },
  });
}
