import type { Locale } from '../../../shared/schemas/common.js';
import type { MessageComposed } from '../../../shared/schemas/messages.js';
import type { ComposeTermsMessage, SaveTermsTemplate, Terms, TermsTemplate } from '../../../shared/schemas/quotes.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { rawMessage } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { clientForReference } from '../clients/clients.service.js';
import { fillTemplate } from '../messages/templates.service.js';
import { readTerms } from './quote-content.js';
import * as q from './quotes.queries.js';
import type { TermsTemplateRow } from './quotes.table.js';

type Scope = { workspaceId: string };
type Actor = { userId: string };

/** The built-in terms, in the catalogs, filled with the business's own hours and payment terms. */
export function defaultTerms(locale: Locale): Terms {
  const t = (key: string) => rawMessage(locale, `termsDefaults.${key}`);
  return {
    serviceHours: t('serviceHours'),
    deliveryTime: t('deliveryTime').replace('{{days}}', '14'),
    clientObligations: [
      { what: t('obligation1'), dueDaysAfterAcceptance: 3 },
      { what: t('obligation2'), dueDaysAfterAcceptance: 3 },
      { what: t('obligation3'), dueDaysAfterAcceptance: 5 },
    ],
    deliveryMethod: t('deliveryMethod'),
    revisionRounds: 2,
    paymentTerms: t('paymentTerms'),
    outOfScopePolicy: t('outOfScopePolicy'),
    cancellation: t('cancellation'),
  };
}

function toTemplate(row: TermsTemplateRow): TermsTemplate {
  return {
    id: row.id,
    name: row.name,
    locale: row.locale,
    terms: readTerms(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A new workspace gets the built-in Hebrew and English terms as editable templates. */
export async function listTermsTemplates(deps: Deps, scope: Scope): Promise<{ items: TermsTemplate[] }> {
  let rows = await q.listTermsTemplates(deps.db.kysely, scope);
  if (!rows.length) {
    const now = isoNow(deps.clock);
    rows = await inTransaction(deps, async (deps) => {
      if (!(await q.listTermsTemplates(deps.db.kysely, scope)).length) {
        for (const locale of ['he', 'en'] as const) {
          await q.insertTermsTemplate(deps.db.kysely, {
            id: newId(),
            workspace_id: scope.workspaceId,
            name: rawMessage(locale, 'termsDefaults.name'),
            locale,
            terms: JSON.stringify(defaultTerms(locale)),
            created_at: now,
            updated_at: now,
          });
        }
      }
      return q.listTermsTemplates(deps.db.kysely, scope);
    });
  }
  return { items: rows.map(toTemplate) };
}

export async function createTermsTemplate(deps: Deps, scope: Scope, input: SaveTermsTemplate): Promise<TermsTemplate> {
  const now = isoNow(deps.clock);
  const row: TermsTemplateRow = {
    id: newId(),
    workspace_id: scope.workspaceId,
    name: input.name,
    locale: input.locale,
    terms: JSON.stringify(input.terms),
    created_at: now,
    updated_at: now,
  };
  await q.insertTermsTemplate(deps.db.kysely, row);
  return toTemplate(row);
}

export async function updateTermsTemplate(
  deps: Deps,
  scope: Scope,
  id: string,
  input: SaveTermsTemplate,
): Promise<TermsTemplate> {
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    if (!(await q.findTermsTemplate(db, { ...scope, id }))) throw notFound();
    await q.updateTermsTemplate(db, {
      ...scope,
      id,
      changes: {
        name: input.name,
        locale: input.locale,
        terms: JSON.stringify(input.terms),
        updated_at: isoNow(deps.clock),
      },
    });
    return toTemplate((await q.findTermsTemplate(db, { ...scope, id }))!);
  });
}

export async function deleteTermsTemplate(deps: Deps, scope: Scope, id: string): Promise<void> {
  const db = deps.db.kysely;
  if (!(await q.findTermsTemplate(db, { ...scope, id }))) throw notFound();
  await q.deleteTermsTemplate(db, { ...scope, id });
}

/** The terms of one of the workspace's templates; an unknown id is a field error on `termsTemplateId`. */
export async function templateTerms(deps: Deps, scope: Scope, termsTemplateId: string): Promise<Terms> {
  const template = await q.findTermsTemplate(deps.db.kysely, { ...scope, id: termsTemplateId });
  if (!template) throw fieldError('termsTemplateId', 'unknown_template');
  return readTerms(template);
}

function termsAsText(terms: Terms, locale: Locale): string {
  const label = (key: string) => rawMessage(locale, `quoteDocument.${key}`);
  const lines: string[] = [];
  const add = (key: string, value: string | null) => value && lines.push(`${label(key)}: ${value}`);
  add('serviceHours', terms.serviceHours);
  add('deliveryTime', terms.deliveryTime);
  if (terms.clientObligations.length)
    lines.push(`${label('clientObligations')}:\n${terms.clientObligations.map((o) => `• ${o.what}`).join('\n')}`);
  add('deliveryMethod', terms.deliveryMethod);
  if (terms.revisionRounds !== null) lines.push(`${label('revisionRounds')}: ${terms.revisionRounds}`);
  add('paymentTerms', terms.paymentTerms);
  add('outOfScopePolicy', terms.outOfScopePolicy);
  add('cancellation', terms.cancellation);
  return lines.join('\n\n');
}

/** "Send the general terms" to a client who never got them, with the apology template. */
export async function composeTermsMessage(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  clientId: string,
  input: ComposeTermsMessage,
): Promise<MessageComposed> {
  // The client comes from the path: unknown or not ours is a 404, like every other path id.
  const client = await clientForReference(deps, scope, clientId).catch(() => {
    throw notFound();
  });
  let terms = defaultTerms(client.language);
  if (input.termsTemplateId) {
    terms = await templateTerms(deps, scope, input.termsTemplateId);
  } else {
    const own = (await listTermsTemplates(deps, scope)).items.find((t) => t.locale === client.language);
    if (own) terms = own.terms;
  }
  return fillTemplate(deps, scope, actor, {
    kind: 'terms',
    clientId,
    values: { terms: termsAsText(terms, client.language) },
  });
}
