import { sql, type Expression, type SqlBool } from 'kysely';
import type { ClientSort, ClientStatus, Personality } from '../../../shared/schemas/clients.js';
import type { Executor } from '../../db/database.js';
import type {
  ClientDateRow,
  ClientRow,
  ClientUpdate,
  ContactRow,
  NewClientDateRow,
  NewClientRow,
  NewContactRow,
} from './clients.table.js';

export type ClientFilter = {
  workspaceId: string;
  terms: string[];
  statuses: ClientStatus[];
  personalities: Personality[];
  tags: string[];
  archived: 'exclude' | 'only' | 'include';
};

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * Builds the WHERE of the client list. Terms of 3+ letters match anywhere (so לקוח finds ללקוח
 * and והלקוח); shorter ones match the start of a word (דנ → דנה) to stay meaningful.
 */
function filtered(db: Executor, f: ClientFilter) {
  let query = db.selectFrom('clients').where('clients.workspace_id', '=', f.workspaceId);
  if (f.archived === 'exclude') query = query.where('clients.archived_at', 'is', null);
  if (f.archived === 'only') query = query.where('clients.archived_at', 'is not', null);
  if (f.statuses.length) query = query.where('clients.status', 'in', f.statuses);
  if (f.personalities.length) query = query.where('clients.personality', 'in', f.personalities);
  if (f.tags.length) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('client_tags')
          .select(sql`1`.as('one'))
          .whereRef('client_tags.client_id', '=', 'clients.id')
          .where('client_tags.workspace_id', '=', f.workspaceId)
          .where('client_tags.tag', 'in', f.tags),
      ),
    );
  }
  for (const term of f.terms) {
    const condition: Expression<SqlBool> =
      term.length >= 3
        ? sql<SqlBool>`clients.search_text like ${`%${escapeLike(term)}%`} escape '\\'`
        : sql<SqlBool>`(' ' || clients.search_text) like ${`% ${escapeLike(term)}%`} escape '\\'`;
    query = query.where(condition);
  }
  return query;
}

export async function countClients(db: Executor, f: ClientFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listClients(
  db: Executor,
  f: ClientFilter & { sort: ClientSort; limit: number; offset: number },
): Promise<ClientRow[]> {
  let query = filtered(db, f).selectAll('clients');
  if (f.sort === 'name') query = query.orderBy(sql`lower(clients.name)`).orderBy('clients.id');
  if (f.sort === 'recent') query = query.orderBy('clients.updated_at', 'desc').orderBy('clients.id', 'desc');
  if (f.sort === 'created') query = query.orderBy('clients.created_at', 'desc').orderBy('clients.id', 'desc');
  return query.limit(f.limit).offset(f.offset).execute();
}

export async function findClient(
  db: Executor,
  { workspaceId, clientId }: { workspaceId: string; clientId: string },
): Promise<ClientRow | undefined> {
  return db
    .selectFrom('clients')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', clientId)
    .executeTakeFirst();
}

export async function findClientNames(
  db: Executor,
  { workspaceId, clientIds }: { workspaceId: string; clientIds: string[] },
): Promise<Map<string, string>> {
  if (!clientIds.length) return new Map();
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', clientIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertClient(db: Executor, row: NewClientRow): Promise<void> {
  await db.insertInto('clients').values(row).execute();
}

/**
 * Rows per INSERT: under SQLite's 32,766 bound parameters and PostgreSQL's 65,535 with the
 * client table's two dozen columns.
 */
const BULK_ROWS = 500;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BULK_ROWS) await insert(rows.slice(i, i + BULK_ROWS));
}

export async function insertClientsBulk(
  db: Executor,
  rows: {
    clients: NewClientRow[];
    contacts: NewContactRow[];
    dates: NewClientDateRow[];
    tags: { workspace_id: string; client_id: string; tag: string }[];
  },
): Promise<void> {
  await inChunks(rows.clients, (c) => db.insertInto('clients').values(c).execute());
  await inChunks(rows.contacts, (c) => db.insertInto('client_contacts').values(c).execute());
  await inChunks(rows.dates, (c) => db.insertInto('client_dates').values(c).execute());
  await inChunks(rows.tags, (c) => db.insertInto('client_tags').values(c).execute());
}

export async function updateClient(
  db: Executor,
  { workspaceId, clientId, changes }: { workspaceId: string; clientId: string; changes: ClientUpdate },
): Promise<void> {
  await db
    .updateTable('clients')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', clientId)
    .execute();
}

export async function listContacts(
  db: Executor,
  { workspaceId, clientId }: { workspaceId: string; clientId: string },
): Promise<ContactRow[]> {
  return db
    .selectFrom('client_contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .orderBy('position')
    .execute();
}

export async function insertContact(db: Executor, row: NewContactRow): Promise<void> {
  await db.insertInto('client_contacts').values(row).execute();
}

export async function updateContact(
  db: Executor,
  {
    workspaceId,
    contactId,
    changes,
  }: {
    workspaceId: string;
    contactId: string;
    changes: Omit<Partial<ContactRow>, 'id' | 'workspace_id' | 'client_id'>;
  },
): Promise<void> {
  await db
    .updateTable('client_contacts')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', contactId)
    .execute();
}

export async function deleteContacts(
  db: Executor,
  { workspaceId, clientId, keepIds }: { workspaceId: string; clientId: string; keepIds: string[] },
): Promise<void> {
  let query = db
    .deleteFrom('client_contacts')
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId);
  if (keepIds.length) query = query.where('id', 'not in', keepIds);
  await query.execute();
}

export async function listDates(
  db: Executor,
  { workspaceId, clientId }: { workspaceId: string; clientId: string },
): Promise<ClientDateRow[]> {
  return db
    .selectFrom('client_dates')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .orderBy('position')
    .execute();
}

export async function replaceDates(
  db: Executor,
  { workspaceId, clientId, rows }: { workspaceId: string; clientId: string; rows: NewClientDateRow[] },
): Promise<void> {
  await db
    .deleteFrom('client_dates')
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .execute();
  if (rows.length) await db.insertInto('client_dates').values(rows).execute();
}

export async function listTagsFor(
  db: Executor,
  { workspaceId, clientIds }: { workspaceId: string; clientIds: string[] },
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (!clientIds.length) return result;
  const rows = await db
    .selectFrom('client_tags')
    .select(['client_id', 'tag'])
    .where('workspace_id', '=', workspaceId)
    .where('client_id', 'in', clientIds)
    .orderBy('tag')
    .execute();
  for (const row of rows) {
    const list = result.get(row.client_id) ?? [];
    list.push(row.tag);
    result.set(row.client_id, list);
  }
  return result;
}

export async function replaceTags(
  db: Executor,
  { workspaceId, clientId, tags }: { workspaceId: string; clientId: string; tags: string[] },
): Promise<void> {
  await db
    .deleteFrom('client_tags')
    .where('workspace_id', '=', workspaceId)
    .where('client_id', '=', clientId)
    .execute();
  if (tags.length)
    await db
      .insertInto('client_tags')
      .values(tags.map((tag) => ({ workspace_id: workspaceId, client_id: clientId, tag })))
      .execute();
}

export async function tagCounts(
  db: Executor,
  { workspaceId }: { workspaceId: string },
): Promise<{ tag: string; count: number }[]> {
  const rows = await db
    .selectFrom('client_tags')
    .innerJoin('clients', 'clients.id', 'client_tags.client_id')
    .select(['client_tags.tag as tag', (eb) => eb.fn.countAll<number>().as('count')])
    .where('client_tags.workspace_id', '=', workspaceId)
    .where('clients.archived_at', 'is', null)
    .groupBy('client_tags.tag')
    .orderBy('count', 'desc')
    .orderBy('client_tags.tag')
    .execute();
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

/** Important dates falling on any of the given (month, day) pairs, for clients still in the relationship. */
export async function datesOn(
  db: Executor,
  { workspaceId, days, limit }: { workspaceId: string; days: { month: number; day: number }[]; limit: number },
) {
  if (!days.length) return [];
  return nurturedDates(db, workspaceId, 'gregorian')
    .select([
      'client_dates.client_id as clientId',
      'clients.name as clientName',
      'client_dates.kind',
      'client_dates.label',
      'client_dates.month',
      'client_dates.day',
      'client_dates.year',
    ])
    .where((eb) =>
      eb.or(days.map((d) => eb.and([eb('client_dates.month', '=', d.month), eb('client_dates.day', '=', d.day)]))),
    )
    .limit(limit)
    .execute();
}

/** The important dates of the clients Mila greets: in the relationship, not archived, worth nurturing. */
function nurturedDates(db: Executor, workspaceId: string, calendar: 'gregorian' | 'hebrew') {
  return db
    .selectFrom('client_dates')
    .innerJoin('clients', 'clients.id', 'client_dates.client_id')
    .where('client_dates.workspace_id', '=', workspaceId)
    .where('client_dates.calendar', '=', calendar)
    .where('clients.archived_at', 'is', null)
    .where('clients.status', 'not in', ['ended', 'let_go'])
    .where('clients.worth_nurturing', '=', 1);
}

/** Every Hebrew-calendar date of the clients greeted (their Gregorian day changes each year). */
export async function hebrewDatesOfNurtured(
  db: Executor,
  { workspaceId, limit }: { workspaceId: string; limit: number },
) {
  return nurturedDates(db, workspaceId, 'hebrew')
    .select([
      'client_dates.client_id as clientId',
      'clients.name as clientName',
      'client_dates.kind',
      'client_dates.label',
      'client_dates.hebrew_month as hebrewMonth',
      'client_dates.day',
      'client_dates.year',
    ])
    .limit(limit)
    .execute();
}

/** The clients greeted for a holiday: worth nurturing, current, optionally with one tag; by name. */
export async function nurturedClientIds(
  db: Executor,
  { workspaceId, tag, limit }: { workspaceId: string; tag: string | null; limit: number },
): Promise<string[]> {
  let query = db
    .selectFrom('clients')
    .select('clients.id')
    .where('clients.workspace_id', '=', workspaceId)
    .where('clients.archived_at', 'is', null)
    .where('clients.status', 'not in', ['ended', 'let_go'])
    .where('clients.worth_nurturing', '=', 1);
  if (tag !== null)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('client_tags')
          .select(sql`1`.as('one'))
          .whereRef('client_tags.client_id', '=', 'clients.id')
          .where('client_tags.workspace_id', '=', workspaceId)
          .where('client_tags.tag', '=', tag),
      ),
    );
  const rows = await query.orderBy('clients.name').orderBy('clients.id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** The clients another client brought (`referred_by_client_id`), oldest first. */
export async function listReferred(
  db: Executor,
  { workspaceId, clientId }: { workspaceId: string; clientId: string },
): Promise<Pick<ClientRow, 'id' | 'name' | 'status' | 'created_at'>[]> {
  return db
    .selectFrom('clients')
    .select(['id', 'name', 'status', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('referred_by_client_id', '=', clientId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The few columns a per-client report needs: clients in some statuses (not archived), or with some ids. */
export async function clientSummaries(
  db: Executor,
  { workspaceId, statuses, clientIds }: { workspaceId: string; statuses?: ClientStatus[]; clientIds?: string[] },
) {
  let query = db
    .selectFrom('clients')
    .select(['id', 'name', 'status', 'created_at'])
    .where('workspace_id', '=', workspaceId);
  if (statuses)
    query = query.where('archived_at', 'is', null).where('status', 'in', statuses.length ? statuses : ['active']);
  if (clientIds) query = query.where('id', 'in', clientIds.length ? clientIds : ['']);
  return query.execute();
}

/** Contacts (people at a client) with every term in their name, role, phone or e-mail: global search. */
export async function searchContacts(
  db: Executor,
  { workspaceId, terms, limit }: { workspaceId: string; terms: Expression<SqlBool>; limit: number },
) {
  return db
    .selectFrom('client_contacts')
    .innerJoin('clients', (join) =>
      join.onRef('clients.id', '=', 'client_contacts.client_id').on('clients.workspace_id', '=', workspaceId),
    )
    .select([
      'client_contacts.id',
      'client_contacts.name',
      'client_contacts.role',
      'client_contacts.phone',
      'client_contacts.email',
      'client_contacts.client_id',
      'clients.name as client_name',
    ])
    .where('client_contacts.workspace_id', '=', workspaceId)
    .where(terms)
    .orderBy('client_contacts.name')
    .limit(limit)
    .execute();
}

/** Clients of the workspace (archived too) whose phone, WhatsApp or e-mail is one of these. */
export async function findClientsByContact(
  db: Executor,
  { workspaceId, phones, emails }: { workspaceId: string; phones: string[]; emails: string[] },
): Promise<Pick<ClientRow, 'id' | 'name' | 'phone' | 'whatsapp' | 'email'>[]> {
  if (phones.length === 0 && emails.length === 0) return [];
  return db
    .selectFrom('clients')
    .select(['id', 'name', 'phone', 'whatsapp', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        ...(phones.length ? [eb('phone', 'in', phones), eb('whatsapp', 'in', phones)] : []),
        ...(emails.length ? [eb(sql<string>`lower(email)`, 'in', emails)] : []),
      ]),
    )
    .execute();
}
