import { locales, type Locale } from '../../../shared/schemas/common.js';
import type { ImportantDateKind } from '../../../shared/schemas/clients.js';
import type { Commitment } from '../../../shared/schemas/commitments.js';
import type { GreetingHoliday } from '../../../shared/time/hebrew-dates.js';
import {
  messageKinds,
  templateVariables,
  type ComposeMessage,
  type MessageComposed,
  type MessageKind,
  type MessageTemplate,
  type SendChannel,
  type UpdateTemplate,
} from '../../../shared/schemas/messages.js';
import { fieldError } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { formatDay, formatDue, renderTemplate } from '../../lib/message-format.js';
import { getBusinessProfile, userContact } from '../accounts/accounts.service.js';
import { clientForReference } from '../clients/clients.service.js';
import { dueInstant, getCommitment } from '../commitments/commitments.service.js';
import { getInteraction } from '../interactions/interactions.service.js';
import { inTransaction } from '../../lib/transaction.js';
import * as q from './messages.queries.js';
import { recordAudit } from '../audit/audit.service.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

function defaultTemplate(kind: MessageKind, locale: Locale): { subject: string; body: string } {
  return {
    subject: rawMessage(locale, `templates.${kind}.subject`),
    body: rawMessage(locale, `templates.${kind}.body`),
  };
}

export async function listTemplates(deps: Deps, scope: Scope): Promise<{ items: MessageTemplate[] }> {
  const overrides = await q.templateOverrides(deps.db.kysely, scope);
  const items = messageKinds.flatMap((kind) =>
    locales.map((locale) => {
      const own = overrides.find((o) => o.kind === kind && o.locale === locale);
      const text = own ?? defaultTemplate(kind, locale);
      return {
        kind,
        locale,
        subject: text.subject,
        body: text.body,
        isDefault: !own,
        variables: templateVariables[kind],
      };
    }),
  );
  return { items };
}

async function templateFor(
  deps: Deps,
  scope: Scope,
  kind: MessageKind,
  locale: Locale,
): Promise<{ subject: string; body: string }> {
  return (await q.findTemplate(deps.db.kysely, { ...scope, kind, locale })) ?? defaultTemplate(kind, locale);
}

export async function updateTemplate(
  deps: Deps,
  scope: Scope,
  kind: MessageKind,
  locale: Locale,
  input: UpdateTemplate,
): Promise<MessageTemplate> {
  await inTransaction(deps, async (deps) => {
    await q.upsertTemplate(deps.db.kysely, {
      workspace_id: scope.workspaceId,
      kind,
      locale,
      subject: input.subject,
      body: input.body,
      updated_at: isoNow(deps.clock),
    });
    await recordAudit(deps, scope, { action: 'template_changed', detail: { kind, locale } });
  });
  return { kind, locale, ...input, isDefault: false, variables: templateVariables[kind] };
}

export async function resetTemplate(
  deps: Deps,
  scope: Scope,
  kind: MessageKind,
  locale: Locale,
): Promise<MessageTemplate> {
  await q.deleteTemplate(deps.db.kysely, { ...scope, kind, locale });
  return { kind, locale, ...defaultTemplate(kind, locale), isDefault: true, variables: templateVariables[kind] };
}

/** The agreed channel decides the preselected way out; phone calls and meetings fall back to WhatsApp. */
function preferredSendChannel(
  client: { channel: string | null; email: string | null; whatsapp: string | null; phone: string | null },
  emailAvailable: boolean,
): SendChannel {
  if (client.channel === 'email' && client.email && emailAvailable) return 'email';
  if (client.channel === 'sms' && client.phone) return 'sms';
  if (client.whatsapp || client.phone) return 'whatsapp';
  return client.email && emailAvailable ? 'email' : 'whatsapp';
}

/** Fills the right template in the client's language with what Mila knows; the user edits before sending. */
export async function compose(deps: Deps, scope: Scope, actor: Actor, input: ComposeMessage): Promise<MessageComposed> {
  const client = await clientForReference(deps, scope, input.clientId);
  const profile = await getBusinessProfile(deps, scope);
  const locale = client.language;
  const values: Record<string, string | null> = {};
  let commitment: Commitment | null = null;
  if (input.commitmentId) {
    commitment = await getCommitment(deps, scope, input.commitmentId).catch(() => {
      throw fieldError('commitmentId', 'unknown_commitment');
    });
    values.what = commitment.title;
    values.due = formatDue(commitment.dueAt, commitment.dueTime !== null, locale, profile.timeZone);
  }
  if (input.kind === 'not_forgotten') {
    const newDueDate = input.newDueDate ?? commitment?.dueDate;
    const newDueTime = input.newDueTime === undefined ? (commitment?.dueTime ?? null) : input.newDueTime;
    if (newDueDate)
      values.newDue = formatDue(
        dueInstant(newDueDate, newDueTime, profile.timeZone),
        newDueTime !== null,
        locale,
        profile.timeZone,
      );
    values.reason = input.reason;
    values.reasonLine = input.reason
      ? renderTemplate(rawMessage(locale, 'templates.reasonLine'), { reason: asSentence(input.reason) }, locale)
      : '';
  }
  if (input.interactionId) {
    const interaction = await getInteraction(deps, scope, input.interactionId).catch(() => {
      throw fieldError('interactionId', 'unknown_interaction');
    });
    if (interaction.clientId !== client.id) throw fieldError('interactionId', 'unknown_interaction');
    values.agreed = interaction.agreed ?? interaction.summary;
    values.nextSteps = interaction.nextSteps;
    values.meetingDate = formatDay(interaction.occurredAt, locale, profile.timeZone);
  }
  if (input.kind === 'greeting') Object.assign(values, greetingValues(locale, input.occasion, input.occasionLabel));
  if (input.kind === 'holiday_greeting') Object.assign(values, holidayValues(locale, input.holiday ?? 'rosh_hashana'));
  return fillTemplate(deps, scope, actor, { kind: input.kind, clientId: client.id, values });
}

/** The words of a greeting by the kind of date (a birthday, the business's founding day…). */
export function greetingValues(
  locale: Locale,
  occasion: ImportantDateKind | undefined,
  label: string | null | undefined,
): Record<string, string> {
  const key = occasion && occasion !== 'other' ? occasion : label ? 'otherWithLabel' : 'other';
  const line = (part: 'title' | 'line') =>
    renderTemplate(rawMessage(locale, `templates.occasions.${key}.${part}`), { label: label ?? null }, locale);
  return { occasionTitle: line('title'), occasionLine: line('line') };
}

/** The words of a holiday greeting (Rosh Hashana, Pesach). */
export function holidayValues(locale: Locale, holiday: GreetingHoliday): Record<string, string> {
  return {
    holidayTitle: rawMessage(locale, `templates.holidays.${holiday}.title`),
    holidayLine: rawMessage(locale, `templates.holidays.${holiday}.line`),
  };
}

/**
 * A template of any kind filled for one client, in the client's language: the user's own version
 * when there is one. For modules that compose their own messages (quotes, projects…).
 */
export async function fillTemplate(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  input: { kind: MessageKind; clientId: string; values: Record<string, string | null> },
): Promise<MessageComposed> {
  const client = await clientForReference(deps, scope, input.clientId);
  const profile = await getBusinessProfile(deps, scope);
  const me = await userContact(deps, scope, actor.userId);
  const locale = client.language;
  const values: Record<string, string | null> = {
    clientName: client.kind === 'organization' && client.contacts[0] ? client.contacts[0].name : client.name,
    myName: me.name,
    businessName: profile.name,
    ...input.values,
  };
  const template = await templateFor(deps, scope, input.kind, locale);
  const emailAvailable = deps.mailer !== null;
  return {
    kind: input.kind,
    locale,
    channel: preferredSendChannel(client, emailAvailable),
    subject: renderTemplate(template.subject, values, locale).trim(),
    body: renderTemplate(template.body, values, locale)
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    recipients: { email: client.email, phone: client.phone, whatsapp: client.whatsapp ?? client.phone },
    emailAvailable,
  };
}

/** A reason the user typed, ended as a sentence, so the next sentence of the message does not run into it. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…:;)"”׳״]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
