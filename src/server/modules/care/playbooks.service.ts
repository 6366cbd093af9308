import { z } from 'zod';
import en from '../../../shared/locales/en.json' with { type: 'json' };
import he from '../../../shared/locales/he.json' with { type: 'json' };
import {
  ZPlaybookText,
  type CreateClientType,
  type Playbook,
  type PlaybookList,
  type PlaybookText,
  type ResetPlaybook,
  type UpdatePlaybook,
} from '../../../shared/schemas/care.js';
import { personalities, type Personality } from '../../../shared/schemas/clients.js';
import { locales, type Locale } from '../../../shared/schemas/common.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import * as q from './care.queries.js';
import type { ClientTypeRow, PlaybookRow } from './care.table.js';

type Scope = { workspaceId: string };

/**
 * The built-in playbooks live in the shared catalogs (he + en), written for Mila from seeds 002
 * and 004. Read through a schema once at start-up: a catalog edit that drops a type or a list
 * fails here, not in front of a user.
 */
const ZDefaults = z.record(z.enum(personalities), z.object({ name: z.string().min(1), ...ZPlaybookText.shape }));
const DEFAULTS: Record<Locale, z.infer<typeof ZDefaults>> = {
  he: ZDefaults.parse(he.care.playbooks),
  en: ZDefaults.parse(en.care.playbooks),
};

function isPersonality(type: string): type is Personality {
  return (personalities as readonly string[]).includes(type);
}

const ZLines = z.array(z.string());

function textOf(row: PlaybookRow): PlaybookText {
  return { hint: row.hint, tactics: ZLines.parse(JSON.parse(row.tactics)), avoid: ZLines.parse(JSON.parse(row.avoid)) };
}

/** A built-in type: the workspace's text in that language if it wrote one, else the catalog's. */
function builtIn(personality: Personality, locale: Locale, rows: PlaybookRow[]): Playbook {
  const own = rows.find((r) => r.type_key === personality && r.locale === locale);
  const { name, ...text } = DEFAULTS[locale][personality];
  return {
    type: personality,
    builtIn: true,
    personality,
    name,
    locale,
    ...(own ? textOf(own) : text),
    edited: Boolean(own),
    updatedAt: own?.updated_at ?? null,
  };
}

/** A type the user added exists in the languages they wrote it in; another language shows one of those. */
function custom(type: ClientTypeRow, locale: Locale, rows: PlaybookRow[]): Playbook {
  const own = rows.filter((r) => r.type_key === type.id);
  const row = own.find((r) => r.locale === locale) ?? own.find((r) => r.locale !== locale);
  if (!row) throw new Error(`client type ${type.id} has no playbook`);
  return {
    type: type.id,
    builtIn: false,
    personality: null,
    name: type.name,
    locale: row.locale,
    ...textOf(row),
    edited: true,
    updatedAt: row.updated_at,
  };
}

/** The five built-in types first (in their fixed order), then the user's, oldest first. */
export async function listPlaybooks(deps: Deps, scope: Scope, locale: Locale): Promise<PlaybookList> {
  const [types, rows] = await Promise.all([
    q.listClientTypes(deps.db.kysely, scope),
    q.listPlaybooks(deps.db.kysely, scope),
  ]);
  return {
    locale,
    items: [...personalities.map((p) => builtIn(p, locale, rows)), ...types.map((t) => custom(t, locale, rows))],
  };
}

/**
 * One type's playbook: what the client page opens from the type badge, and whose hint the quote
 * and scope-request screens show. Unknown (or another workspace's) type → 404.
 */
export async function getPlaybook(deps: Deps, scope: Scope, type: string, locale: Locale): Promise<Playbook> {
  if (isPersonality(type))
    return builtIn(type, locale, await q.listPlaybooks(deps.db.kysely, { ...scope, typeKeys: [type] }));
  const row = await findCustomType(deps, scope, type);
  return custom(row, locale, await q.listPlaybooks(deps.db.kysely, { ...scope, typeKeys: [row.id] }));
}

async function findCustomType(deps: Deps, scope: Scope, type: string): Promise<ClientTypeRow> {
  // Built-in keys are not ids; anything else that is not a uuid cannot be a type of ours.
  if (!z.uuid().safeParse(type).success) throw notFound();
  const row = await q.findClientType(deps.db.kysely, { ...scope, typeId: type });
  if (!row) throw notFound();
  return row;
}

/** Writes the workspace's text of one type in one language (built-in or added). */
export async function updatePlaybook(deps: Deps, scope: Scope, type: string, input: UpdatePlaybook): Promise<Playbook> {
  const typeKey = isPersonality(type) ? type : (await findCustomType(deps, scope, type)).id;
  await q.upsertPlaybook(deps.db.kysely, {
    id: newId(),
    workspace_id: scope.workspaceId,
    type_key: typeKey,
    locale: input.locale,
    hint: input.hint,
    tactics: JSON.stringify(input.tactics),
    avoid: JSON.stringify(input.avoid),
    updated_at: isoNow(deps.clock),
  });
  return getPlaybook(deps, scope, type, input.locale);
}

/**
 * Back to the built-in text, in one language or all of them. A type the user added has no default
 * to go back to (422). The answer is shown in `locale` (the reset one, else the caller's).
 */
export async function resetPlaybook(
  deps: Deps,
  scope: Scope,
  type: string,
  input: ResetPlaybook,
  callerLocale: Locale,
): Promise<Playbook> {
  if (!isPersonality(type)) {
    await findCustomType(deps, scope, type);
    throw fieldError('type', 'no_default');
  }
  await q.deletePlaybooks(deps.db.kysely, { ...scope, typeKey: type, locale: input.locale });
  return getPlaybook(deps, scope, type, input.locale ?? callerLocale);
}

async function assertNameFree(deps: Deps, scope: Scope, name: string): Promise<void> {
  const norm = (name: string) => name.trim().toLocaleLowerCase();
  const builtInNames = locales.flatMap((l) => personalities.map((p) => DEFAULTS[l][p].name));
  const types = await q.listClientTypes(deps.db.kysely, scope);
  if ([...builtInNames, ...types.map((t) => t.name)].some((n) => norm(n) === norm(name)))
    throw fieldError('name', 'type_name_taken');
}

/** A type the user adds, with its playbook in the language it was written in: two rows, one transaction. */
export async function createClientType(deps: Deps, scope: Scope, input: CreateClientType): Promise<Playbook> {
  return inTransaction(deps, async (deps) => {
    await assertNameFree(deps, scope, input.name);
    const now = isoNow(deps.clock);
    const id = newId();
    await q.insertClientType(deps.db.kysely, {
      id,
      workspace_id: scope.workspaceId,
      name: input.name,
      created_at: now,
      updated_at: now,
    });
    await q.upsertPlaybook(deps.db.kysely, {
      id: newId(),
      workspace_id: scope.workspaceId,
      type_key: id,
      locale: input.locale,
      hint: input.hint,
      tactics: JSON.stringify(input.tactics),
      avoid: JSON.stringify(input.avoid),
      updated_at: now,
    });
    return getPlaybook(deps, scope, id, input.locale);
  });
}

/**
 * Removes a type the user added, with its playbooks. "Only when no client uses it": clients store
 * `personality` as the built-in union today, so no client can use an added type yet and there is
 * nothing to check; when the clients module references client_types, refuse here with
 * `type_in_use` before deleting.
 */
export async function deleteClientType(deps: Deps, scope: Scope, typeId: string): Promise<void> {
  await inTransaction(deps, async (deps) => {
    const row = await findCustomType(deps, scope, typeId);
    await q.deletePlaybooks(deps.db.kysely, { ...scope, typeKey: row.id });
    await q.deleteClientType(deps.db.kysely, { ...scope, typeId: row.id });
  });
}
