import type { Locale } from '../../shared/schemas/common.js';
import type { Today } from '../../shared/schemas/insights.js';
import { israeliDayKind } from '../../shared/time/israel-calendar.js';
import { localDate, toLocal } from '../../shared/time/zoned.js';
import type { Deps } from '../lib/http.js';
import { translate } from '../lib/i18n.js';
import { allWorkspaces, workspaceOwners } from '../modules/accounts/accounts.service.js';
import { today } from '../modules/insights/insights.service.js';
import { enqueueOwnerMail, textToHtml } from '../modules/messages/outbox.service.js';
import { formatDay, formatDue } from '../lib/message-format.js';
import { inTransaction } from '../lib/transaction.js';
import { claimRun } from './lease.js';

/**
 * The morning digest to each owner, once per workspace and local day, at or after the configured
 * time; none on Shabbat or holidays. The run key and the outbox row commit together, so a crash
 * or a second process can neither skip nor double it.
 */
export async function sendDigests(deps: Deps): Promise<number> {
  let queued = 0;
  const now = deps.clock.now();
  for (const workspace of await allWorkspaces(deps)) {
    if (!workspace.digestTime) continue;
    const date = localDate(now, workspace.timeZone);
    if (israeliDayKind(date).kind === 'rest') continue;
    const local = toLocal(now, workspace.timeZone);
    const clock = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
    if (clock < workspace.digestTime) continue;
    const scope = { workspaceId: workspace.id };
    const owners = await workspaceOwners(deps, scope);
    const data = await today(deps, scope);
    await inTransaction(deps, async (deps) => {
      const runKey = `digest:${workspace.id}:${date}`;
      if (!(await claimRun(deps.db.kysely, { runKey, workspaceId: workspace.id, now }))) return;
      for (const owner of owners) {
        const text = digestText(
          data,
          owner.locale,
          owner.name,
          workspace.timeZone,
          deps.config.publicUrl ?? `http://localhost:${deps.config.port}`,
        );
        await enqueueOwnerMail(deps, scope, {
          to: owner.email,
          subject: translate(owner.locale, 'digest.subject', {
            date: formatDay(now.toISOString(), owner.locale, workspace.timeZone),
          }),
          text,
          html: textToHtml(text, owner.locale),
          purpose: 'digest',
          key: `digest-${workspace.id}-${date}-${owner.id}@mila`,
        });
        queued += 1;
      }
    });
  }
  return queued;
}

export function digestText(data: Today, locale: Locale, name: string, timeZone: string, url: string): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `digest.${key}`, params);
  const line = (c: { clientName: string; title: string; dueAt: string; dueTime: string | null }) =>
    `• ${c.clientName}: ${c.title} (${formatDue(c.dueAt, c.dueTime !== null, locale, timeZone)})`;
  const sections: string[] = [t('greeting', { name })];
  const add = (key: string, lines: string[]) => {
    if (lines.length) sections.push(`${t(key)}:\n${lines.join('\n')}`);
  };
  add('mineOverdue', data.mine.overdue.map(line));
  add('mineToday', data.mine.today.map(line));
  add('theirsOverdue', data.theirs.overdue.map(line));
  add(
    'awaitingReply',
    data.awaitingReply.map((i) => `• ${i.clientName}: ${(i.summary ?? '').split('\n')[0]!.slice(0, 80)}`),
  );
  if (sections.length === 1) sections.push(t('nothing'));
  sections.push(t('open', { url }));
  sections.push(t('footer'));
  return sections.join('\n\n');
}
