import type {
  Client,
  ClientList,
  ClientListQuery,
  ClientStatus,
  ClientSummary,
  CreateClient,
  DateCalendar,
  ImportantDateKind,
  UpdateClient,
} from '../../../shared/schemas/clients.js';
import { ZWeeklyHours, type Locale, type WeeklyHours, nextOffsetOf } from '../../../shared/schemas/common.js';
import { normalizeForSearch, searchTerms } from '../../../shared/text.js';
import { hebrewYearOf, nextHebrewOccurrence, type HebrewMonth } from '../../../shared/time/hebrew-dates.js';
import { addDays } from '../../../shared/time/zoned.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { isoNow } from '../../lib/clock.js';
import type { Deps } from '../../lib/http.js';
import { newId } from '../../lib/ids.js';
import { everyTermIn } from '../../lib/search-match.js';
import { inTransaction } from '../../lib/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { getBusinessProfile } from '../accounts/accounts.service.js';
import { emitWebhookEvent, hasWebhookSubscribers } from '../webhooks/webhooks.service.js';
import * as q from './clients.queries.js';
import type { ClientRow, ClientUpdate, ContactRow, NewClientDateRow, NewContactRow } from './clients.table.js';

type Scope = { workspaceId: string };

/** Tags are compared as typed but without stray spaces or duplicates ("VIP" and "VIP " are one). */
function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

/** Phones are indexed as digits in both forms, so 050-123 and 97250123 both find +972501234567. */
function phoneForms(e164: string | null | undefined): string[] {
  if (!e164) return [];
  const digits = e164.replace(/\D/g, '');
  return digits.startsWith('972') ? [digits, `0${digits.slice(3)}`] : [digits];
}

function buildSearchText(
  client: Pick<ClientRow, 'name' | 'email' | 'phone' | 'whatsapp' | 'business_number' | 'address'>,
  contacts: Pick<ContactRow, 'name' | 'role' | 'email' | 'phone'>[],
  tags: string[],
): string {
  const parts = [
    client.name,
    client.email,
    ...phoneForms(client.phone),
    ...phoneForms(client.whatsapp),
    client.business_number,
    client.address,
    ...contacts.flatMap((c) => [c.name, c.role, c.email, ...phoneForms(c.phone)]),
    ...tags,
  ];
  return normalizeForSearch(parts.filter(Boolean).join(' '));
}

/** A term made only of digits and phone punctuation is searched as digits. */
function toSearchTerm(term: string): string {
  return /^[\d\s()+-]+$/.test(term) && /\d{3,}/.test(term.replace(/\D/g, '')) ? term.replace(/\D/g, '') : term;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export async function listClients(deps: Deps, scope: Scope, query: ClientListQuery): Promise<ClientList> {
  const db = deps.db.kysely;
  const filter: q.ClientFilter = {
    workspaceId: scope.workspaceId,
    terms: searchTerms(query.q ?? '').map(toSearchTerm),
    statuses: asArray(query.status),
    personalities: asArray(query.personality),
    tags: cleanTags(asArray(query.tag)),
    archived: query.archived,
  };
  const [rows, total] = await Promise.all([
    q.listClients(db, { ...filter, sort: query.sort, limit: query.limit, offset: query.offset }),
    q.countClients(db, filter),
  ]);
  const tags = await q.listTagsFor(db, { workspaceId: scope.workspaceId, clientIds: rows.map((r) => r.id) });
  const items: ClientSummary[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    personality: row.personality,
    channel: row.channel,
    phone: row.phone,
    whatsapp: row.whatsapp,
    email: row.email,
    tags: tags.get(row.id) ?? [],
    archivedAt: row.archived_at,
    updatedAt: row.updated_at,
  }));
  return { items, total, nextOffset: nextOffsetOf(query.offset, rows.length, total) };
}

/** The client's own service hours (JSON), read through their schema. */
function readServiceHours(text: string | null): WeeklyHours | null {
  return text ? ZWeeklyHours.parse(JSON.parse(text)) : null;
}

export async function getClient(deps: Deps, scope: Scope, clientId: string): Promise<Client> {
  const db = deps.db.kysely;
  const row = await q.findClient(db, { workspaceId: scope.workspaceId, clientId });
  if (!row) throw notFound();
  const [contacts, dates, tags, referrer, profile] = await Promise.all([
    q.listContacts(db, { workspaceId: scope.workspaceId, clientId }),
    q.listDates(db, { workspaceId: scope.workspaceId, clientId }),
    q.listTagsFor(db, { workspaceId: scope.workspaceId, clientIds: [clientId] }),
    q.findClientNames(db, {
      workspaceId: scope.workspaceId,
      clientIds: row.referred_by_client_id ? [row.referred_by_client_id] : [],
    }),
    getBusinessProfile(deps, scope),
  ]);
  const serviceHours = readServiceHours(row.service_hours);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    personality: row.personality,
    channel: row.channel,
    phone: row.phone,
    whatsapp: row.whatsapp,
    email: row.email,
    language: row.language,
    businessNumber: row.business_number,
    address: row.address,
    serviceHours,
    effectiveServiceHours: serviceHours ?? profile.serviceHours,
    referredByClientId: row.referred_by_client_id,
    referredByName: row.referred_by_client_id ? (referrer.get(row.referred_by_client_id) ?? null) : null,
    referredByText: row.referred_by_text,
    importantDates: dates.map((d) => ({
      kind: d.kind,
      label: d.label,
      calendar: d.calendar,
      month: d.calendar === 'gregorian' ? d.month : null,
      hebrewMonth: d.calendar === 'hebrew' ? d.hebrew_month : null,
      day: d.day,
      year: d.year,
    })),
    worthNurturing: row.worth_nurturing === 1,
    tags: tags.get(clientId) ?? [],
    notes: row.notes,
    contacts: contacts.map((c) => ({
      id: c.id,
      name: c.name,
      role: c.role,
      phone: c.phone,
      email: c.email,
      notes: c.notes,
    })),
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function checkReferrer(
  deps: Deps,
  scope: Scope,
  referrerId: string | null | undefined,
  selfId: string | null,
): Promise<void> {
  if (!referrerId) return;
  if (referrerId === selfId) throw fieldError('referredByClientId', 'self_reference');
  const found = await q.findClient(deps.db.kysely, { workspaceId: scope.workspaceId, clientId: referrerId });
  if (!found) throw fieldError('referredByClientId', 'unknown_client');
}

/** The rows one new client is stored as: the client, its contacts, dates and tags. */
function newClientRows(scope: Scope, input: CreateClient, locale: Locale, now: string) {
  const clientId = newId();
  const tags = cleanTags(input.tags);
  const contacts = input.contacts.map((c, position) => contactRow(scope, clientId, position, c, newId(), now));
  const row: Omit<ClientRow, 'search_text'> = {
    id: clientId,
    workspace_id: scope.workspaceId,
    kind: input.kind,
    name: input.name,
    status: input.status,
    personality: input.personality,
    channel: input.channel,
    phone: input.phone,
    whatsapp: input.whatsapp,
    email: input.email,
    language: input.language ?? locale,
    business_number: input.businessNumber,
    address: input.address,
    service_hours: input.serviceHours ? JSON.stringify(input.serviceHours) : null,
    referred_by_client_id: input.referredByClientId,
    referred_by_text: input.referredByText,
    notes: input.notes,
    worth_nurturing: input.worthNurturing ? 1 : 0,
    archived_at: null,
    created_at: now,
    updated_at: now,
  };
  return {
    client: { ...row, search_text: buildSearchText(row, contacts, tags) },
    contacts,
    dates: dateRows(scope, clientId, input.importantDates),
    tags: tags.map((tag) => ({ workspace_id: scope.workspaceId, client_id: clientId, tag })),
  };
}

/** The client, its contacts, dates and tags: one transaction. */
export async function createClient(deps: Deps, scope: Scope, input: CreateClient): Promise<Client> {
  const now = isoNow(deps.clock);
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const profile = await getBusinessProfile(deps, scope);
    await checkReferrer(deps, scope, input.referredByClientId, null);
    const rows = newClientRows(scope, input, profile.locale, now);
    await q.insertClient(db, rows.client);
    for (const contact of rows.contacts) await q.insertContact(db, contact);
    await q.replaceDates(db, { ...scope, clientId: rows.client.id, rows: rows.dates });
    await q.replaceTags(db, { ...scope, clientId: rows.client.id, tags: rows.tags.map((t) => t.tag) });
    const client = await getClient(deps, scope, rows.client.id);
    await emitWebhookEvent(deps, scope, 'client.created', client);
    return client;
  });
}

/**
 * Many new clients at once (a file import of up to 50,000): the same rows createClient writes, in
 * multi-row inserts inside the caller's transaction instead of a dozen statements per client.
 * Returns the new ids in input order.
 */
export async function createClients(deps: Deps, scope: Scope, inputs: CreateClient[]): Promise<string[]> {
  if (!inputs.length) return [];
  const now = isoNow(deps.clock);
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const profile = await getBusinessProfile(deps, scope);
    for (const input of inputs)
      if (input.referredByClientId) await checkReferrer(deps, scope, input.referredByClientId, null);
    const all = inputs.map((input) => newClientRows(scope, input, profile.locale, now));
    await q.insertClientsBulk(db, {
      clients: all.map((r) => r.client),
      contacts: all.flatMap((r) => r.contacts),
      dates: all.flatMap((r) => r.dates),
      tags: all.flatMap((r) => r.tags),
    });
    // The webhook carries the whole client: read each back only when someone listens.
    if (await hasWebhookSubscribers(deps, scope, 'client.created'))
      for (const r of all)
        await emitWebhookEvent(deps, scope, 'client.created', await getClient(deps, scope, r.client.id));
    return all.map((r) => r.client.id);
  });
}

/** Any subset of the fields; contacts, dates and tags replace the stored lists. One transaction. */
export async function updateClient(deps: Deps, scope: Scope, clientId: string, input: UpdateClient): Promise<Client> {
  const now = isoNow(deps.clock);
  return inTransaction(deps, async (deps) => {
    const db = deps.db.kysely;
    const current = await q.findClient(db, { workspaceId: scope.workspaceId, clientId });
    if (!current) throw notFound();
    if (input.referredByClientId !== undefined) await checkReferrer(deps, scope, input.referredByClientId, clientId);

    const changes: ClientUpdate = { updated_at: now };
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.name !== undefined) changes.name = input.name;
    if (input.status !== undefined) changes.status = input.status;
    if (input.personality !== undefined) changes.personality = input.personality;
    if (input.channel !== undefined) changes.channel = input.channel;
    if (input.phone !== undefined) changes.phone = input.phone;
    if (input.whatsapp !== undefined) changes.whatsapp = input.whatsapp;
    if (input.email !== undefined) changes.email = input.email;
    if (input.language !== undefined) changes.language = input.language;
    if (input.businessNumber !== undefined) changes.business_number = input.businessNumber;
    if (input.address !== undefined) changes.address = input.address;
    if (input.serviceHours !== undefined)
      changes.service_hours = input.serviceHours ? JSON.stringify(input.serviceHours) : null;
    if (input.referredByClientId !== undefined) changes.referred_by_client_id = input.referredByClientId;
    if (input.referredByText !== undefined) changes.referred_by_text = input.referredByText;
    if (input.notes !== undefined) changes.notes = input.notes;
    if (input.worthNurturing !== undefined) changes.worth_nurturing = input.worthNurturing ? 1 : 0;

    if (input.contacts !== undefined) await syncContacts(deps, scope, clientId, input.contacts, now);
    if (input.importantDates !== undefined)
      await q.replaceDates(db, { ...scope, clientId, rows: dateRows(scope, clientId, input.importantDates) });
    if (input.tags !== undefined) await q.replaceTags(db, { ...scope, clientId, tags: cleanTags(input.tags) });

    const contacts = await q.listContacts(db, { workspaceId: scope.workspaceId, clientId });
    const tags =
      (await q.listTagsFor(db, { workspaceId: scope.workspaceId, clientIds: [clientId] })).get(clientId) ?? [];
    changes.search_text = buildSearchText({ ...current, ...changes }, contacts, tags);
    await q.updateClient(db, { workspaceId: scope.workspaceId, clientId, changes });
    return getClient(deps, scope, clientId);
  });
}

/**
 * Contacts sent back with their id are updated in place (later records may point at them); an id
 * that is not one of this client's contacts is refused (a field error, whatever it names elsewhere).
 */
async function syncContacts(
  deps: Deps,
  scope: Scope,
  clientId: string,
  contacts: NonNullable<UpdateClient['contacts']>,
  now: string,
): Promise<void> {
  const db = deps.db.kysely;
  const existing = new Set((await q.listContacts(db, { workspaceId: scope.workspaceId, clientId })).map((c) => c.id));
  for (const [i, c] of contacts.entries())
    if (c.id && !existing.has(c.id)) throw fieldError(`contacts.${i}.id`, 'unknown_contact');
  const kept = contacts.flatMap((c) => (c.id && existing.has(c.id) ? [c.id] : []));
  await q.deleteContacts(db, { workspaceId: scope.workspaceId, clientId, keepIds: kept });
  for (const [position, contact] of contacts.entries()) {
    if (contact.id && existing.has(contact.id)) {
      const {
        id: _id,
        workspace_id: _w,
        client_id: _c,
        created_at: _t,
        ...changes
      } = contactRow(scope, clientId, position, contact, contact.id, now);
      await q.updateContact(db, { workspaceId: scope.workspaceId, contactId: contact.id, changes });
    } else {
      await q.insertContact(db, contactRow(scope, clientId, position, contact, newId(), now));
    }
  }
}

function contactRow(
  scope: Scope,
  clientId: string,
  position: number,
  c: CreateClient['contacts'][number],
  id: string,
  now: string,
): ContactRow & NewContactRow {
  return {
    id,
    workspace_id: scope.workspaceId,
    client_id: clientId,
    position,
    name: c.name,
    role: c.role,
    phone: c.phone,
    email: c.email,
    notes: c.notes,
    created_at: now,
  };
}

function dateRows(scope: Scope, clientId: string, dates: CreateClient['importantDates']): NewClientDateRow[] {
  return dates.map((d, position) => ({
    id: newId(),
    workspace_id: scope.workspaceId,
    client_id: clientId,
    position,
    kind: d.kind,
    label: d.label,
    calendar: d.calendar,
    month: d.month ?? 0,
    hebrew_month: d.hebrewMonth,
    day: d.day,
    year: d.year,
  }));
}

/** Archive, not delete: the history with a client is kept; restore brings it back as it was. */
export async function archiveClient(deps: Deps, scope: Scope, clientId: string): Promise<Client> {
  return setArchived(deps, scope, clientId, true);
}

export async function restoreClient(deps: Deps, scope: Scope, clientId: string): Promise<Client> {
  return setArchived(deps, scope, clientId, false);
}

async function setArchived(deps: Deps, scope: Scope, clientId: string, archived: boolean): Promise<Client> {
  const now = isoNow(deps.clock);
  return inTransaction(deps, async (deps) => {
    const current = await q.findClient(deps.db.kysely, { workspaceId: scope.workspaceId, clientId });
    if (!current) throw notFound();
    if (Boolean(current.archived_at) !== archived) {
      await q.updateClient(deps.db.kysely, {
        workspaceId: scope.workspaceId,
        clientId,
        changes: { archived_at: archived ? now : null, updated_at: now },
      });
      if (archived) await recordAudit(deps, scope, { action: 'client_archived', clientId });
    }
    return getClient(deps, scope, clientId);
  });
}

export async function listTags(deps: Deps, scope: Scope): Promise<{ items: { tag: string; count: number }[] }> {
  return { items: await q.tagCounts(deps.db.kysely, scope) };
}

/** Names by id, for other modules' lists (they never read the clients table themselves). */
export async function clientNames(deps: Deps, scope: Scope, clientIds: string[]): Promise<Map<string, string>> {
  return q.findClientNames(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    clientIds: [...new Set(clientIds)],
  });
}

/** What other modules need to know about one client; throws a field error when it is not ours. */
export async function clientForReference(
  deps: Deps,
  scope: Scope,
  clientId: string,
  field = 'clientId',
): Promise<
  Pick<
    Client,
    | 'id'
    | 'kind'
    | 'name'
    | 'language'
    | 'channel'
    | 'phone'
    | 'whatsapp'
    | 'email'
    | 'effectiveServiceHours'
    | 'contacts'
  >
> {
  const row = await q.findClient(deps.db.kysely, { workspaceId: scope.workspaceId, clientId });
  if (!row) throw fieldError(field, 'unknown_client');
  return getClient(deps, scope, clientId);
}

export type UpcomingDate = {
  clientId: string;
  clientName: string;
  kind: ImportantDateKind;
  label: string | null;
  /** The Gregorian day it falls on this time. */
  date: string;
  years: number | null;
  calendar: DateCalendar;
  /** A Hebrew date as kept (month and day), to show it as such. */
  hebrew: { month: HebrewMonth; day: number } | null;
};

/**
 * Birthdays and anniversaries in the next `days` days (from `fromDate`, inclusive), soonest first:
 * greetings for the clients worth nurturing (seed 004). A 29 February date is greeted on the 28th
 * in other years; a Hebrew date on its Gregorian day of this year (`nextHebrewOccurrence`).
 */
export async function upcomingDates(
  deps: Deps,
  scope: Scope,
  { fromDate, days }: { fromDate: string; days: number },
): Promise<UpcomingDate[]> {
  const calendar: { date: string; month: number; day: number }[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(fromDate, i);
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    calendar.push({ date, month, day });
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
    if (month === 2 && day === 28 && !leap) calendar.push({ date, month: 2, day: 29 });
  }
  const [rows, hebrewRows] = await Promise.all([
    q.datesOn(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      days: calendar.map(({ month, day }) => ({ month, day })),
      limit: 200,
    }),
    q.hebrewDatesOfNurtured(deps.db.kysely, { workspaceId: scope.workspaceId, limit: 2000 }),
  ]);
  const gregorian: UpcomingDate[] = rows.map((row) => {
    const date = calendar.find((c) => c.month === row.month && c.day === row.day)!.date;
    return {
      clientId: row.clientId,
      clientName: row.clientName,
      kind: row.kind,
      label: row.label,
      date,
      years: row.year ? Number(date.slice(0, 4)) - row.year : null,
      calendar: 'gregorian',
      hebrew: null,
    };
  });
  const hebrew = hebrewRows.flatMap((row): UpcomingDate[] => {
    if (!row.hebrewMonth) return [];
    const target = { month: row.hebrewMonth, day: row.day };
    const date = nextHebrewOccurrence(fromDate, target, days);
    if (!date) return [];
    return [
      {
        clientId: row.clientId,
        clientName: row.clientName,
        kind: row.kind,
        label: row.label,
        date,
        years: row.year ? hebrewYearOf(date) - row.year : null,
        calendar: 'hebrew',
        hebrew: target,
      },
    ];
  });
  return [...gregorian, ...hebrew]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.clientName.localeCompare(b.clientName, 'he')))
    .slice(0, 200);
}

/**
 * The clients to greet for a holiday: worth nurturing and current, all of them or those with a
 * tag, by name (at most `limit`). What each needs for a message comes from `clientForReference`.
 */
export async function clientsToGreet(
  deps: Deps,
  scope: Scope,
  { tag, limit }: { tag: string | null; limit: number },
): Promise<string[]> {
  return q.nurturedClientIds(deps.db.kysely, { workspaceId: scope.workspaceId, tag, limit });
}

/** For care (ending an engagement, bringing a client back): only the status changes; the history stays. */
export async function setClientStatus(
  deps: Deps,
  scope: Scope,
  clientId: string,
  status: ClientStatus,
): Promise<{ id: string; status: ClientStatus; previous: ClientStatus }> {
  const row = await q.findClient(deps.db.kysely, { workspaceId: scope.workspaceId, clientId });
  if (!row) throw notFound();
  if (row.status !== status)
    await q.updateClient(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      clientId,
      changes: { status, updated_at: isoNow(deps.clock) },
    });
  return { id: clientId, status, previous: row.status };
}

/** A lead becomes active (accepting a first quote); any other status is the user's choice and stays. */
export async function activateLead(deps: Deps, scope: Scope, clientId: string): Promise<void> {
  const row = await q.findClient(deps.db.kysely, { workspaceId: scope.workspaceId, clientId });
  if (row?.status === 'lead')
    await q.updateClient(deps.db.kysely, {
      workspaceId: scope.workspaceId,
      clientId,
      changes: { status: 'active', updated_at: isoNow(deps.clock) },
    });
}

/** Who brought this client (the referrer's id and name), or null. */
export async function referrerOf(
  deps: Deps,
  scope: Scope,
  clientId: string,
): Promise<{ id: string; name: string } | null> {
  const row = await q.findClient(deps.db.kysely, { workspaceId: scope.workspaceId, clientId });
  if (!row?.referred_by_client_id) return null;
  const names = await clientNames(deps, scope, [row.referred_by_client_id]);
  const name = names.get(row.referred_by_client_id);
  return name === undefined ? null : { id: row.referred_by_client_id, name };
}

/** The clients this client referred, for their "ambassador value". */
export async function referredClients(
  deps: Deps,
  scope: Scope,
  clientId: string,
): Promise<{ id: string; name: string; status: ClientStatus; createdAt: string }[]> {
  const rows = await q.listReferred(deps.db.kysely, { workspaceId: scope.workspaceId, clientId });
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, createdAt: r.created_at }));
}

export type ClientBrief = { id: string; name: string; status: ClientStatus; createdAt: string };

/** Name, status and start of clients in some statuses (archived left out) or with some ids, for reports such as client health. */
export async function clientBriefs(
  deps: Deps,
  scope: Scope,
  filter: { statuses?: ClientStatus[]; clientIds?: string[] },
): Promise<ClientBrief[]> {
  const rows = await q.clientSummaries(deps.db.kysely, { workspaceId: scope.workspaceId, ...filter });
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, createdAt: r.created_at }));
}

// ── Global search ──────────────────────────────────────────────────────────

/**
 * Clients whose searchable text (name, phones, e-mail, contacts, tags) holds every term, the way
 * the client list searches (archived ones too): candidates for the global search, which ranks them.
 */
export async function searchClientCandidates(deps: Deps, scope: Scope, query: string, limit: number) {
  const terms = searchTerms(query).map(toSearchTerm);
  if (!terms.length) return [];
  const rows = await q.listClients(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    terms,
    statuses: [],
    personalities: [],
    tags: [],
    archived: 'include',
    sort: 'name',
    limit,
    offset: 0,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, phone: r.phone, email: r.email }));
}

/** Contacts with every (normalised) term in their name, role, phone or e-mail: global search candidates. */
export async function searchContactCandidates(deps: Deps, scope: Scope, terms: string[], limit: number) {
  if (!terms.length) return [];
  const rows = await q.searchContacts(deps.db.kysely, {
    workspaceId: scope.workspaceId,
    terms: everyTermIn(
      ['client_contacts.name', 'client_contacts.role', 'client_contacts.phone', 'client_contacts.email'],
      terms,
    ),
    limit,
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    phone: r.phone,
    email: r.email,
    clientId: r.client_id,
    clientName: r.client_name,
  }));
}

export type ClientContactMatch = {
  id: string;
  name: string;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
};

/** Clients of the caller's workspace with one of these phones (E.164) or e-mails (any case). */
export async function findClientsByContact(
  deps: Deps,
  scope: Scope,
  { phones, emails }: { phones: string[]; emails: string[] },
): Promise<ClientContactMatch[]> {
  const out: ClientContactMatch[] = [];
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  const uniquePhones = [...new Set(phones)];
  const size = 400;
  for (let i = 0; i < Math.max(uniquePhones.length, lower.length); i += size)
    out.push(
      ...(await q.findClientsByContact(deps.db.kysely, {
        workspaceId: scope.workspaceId,
        phones: uniquePhones.slice(i, i + size),
        emails: lower.slice(i, i + size),
      })),
    );
  return out;
}
