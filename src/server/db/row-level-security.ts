import { sql, type Kysely } from 'kysely';
import type { Database, Db } from './database.js';

/**
 * Hosted mode's second line of tenant isolation (issue 14, decision 011): PostgreSQL row-level
 * security on every table keyed by `workspace_id`. Every query Mila writes already says which
 * workspace it is for; this makes the database refuse the rest too, should one ever forget.
 *
 * A signed-in request runs on one pinned connection as the role `mila_app` (no BYPASSRLS, not the
 * tables' owner), with `mila.workspace_id` set to the caller's workspace; the policies let that role
 * see and write only rows of that workspace. Work that must cross workspaces by design — sign-in
 * and other public routes (a session is looked up by its token before its workspace is known), the
 * client's pages (by their link), the scheduler — runs as the connecting role, as before.
 */
export const APP_ROLE = 'mila_app';

/**
 * Tables with a workspace_id that are the person's, not the workspace's (decision 010): a member's
 * own sessions, two-step codes and account are read wherever they work. The scheduler's run keys
 * are its own bookkeeping.
 */
const PERSON_TABLES = new Set(['users', 'memberships', 'sessions', 'recovery_codes', 'sign_in_challenges', 'job_runs']);

const POLICY = 'mila_tenant';
/** The migrations' advisory lock class: several processes starting together take turns here too. */
const LOCK_CLASS = 0x4d494c41;

/** The tables the policies cover: every table of the schema with a workspace_id, but the person's. */
export async function tenantTables(kysely: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'workspace_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(kysely);
  return rows.rows.map((r) => r.table_name).filter((name) => !PERSON_TABLES.has(name));
}

/**
 * Creates the role (once per cluster), grants it the tables of Mila's schema, and turns the policies
 * on for every tenant table. Idempotent, run at every hosted start after the migrations, so a table
 * a later migration adds is covered the next time the server starts.
 */
export async function ensureRowLevelSecurity(db: Db): Promise<string[]> {
  if (db.dialect !== 'postgres') throw new Error('row-level security needs PostgreSQL');
  return db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext('mila-rls'))`.execute(trx);
    // Several test schemas (or installs) on one cluster may create the role at the same moment.
    await sql
      .raw(
        `do $$ begin
           if not exists (select from pg_roles where rolname = '${APP_ROLE}') then
             create role ${APP_ROLE} nologin nobypassrls;
           end if;
         exception when duplicate_object or unique_violation then null;
         end $$`,
      )
      .execute(trx);
    await sql
      .raw(
        `do $$ begin
           execute format('grant ${APP_ROLE} to %I', current_user);
         exception when duplicate_object or invalid_grant_operation then null;
         end $$`,
      )
      .execute(trx);
    const schema = sql.id((await sql<{ s: string }>`select current_schema() as s`.execute(trx)).rows[0]!.s);
    await sql`grant usage on schema ${schema} to ${sql.id(APP_ROLE)}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${sql.id(APP_ROLE)}`.execute(
      trx,
    );
    const tables = await tenantTables(trx);
    for (const table of tables) {
      const t = sql.id(table);
      await sql`alter table ${t} enable row level security`.execute(trx);
      await sql`drop policy if exists ${sql.id(POLICY)} on ${t}`.execute(trx);
      // Only the app role is bound; the owner (migrations, the scheduler, public routes) is not.
      await sql`create policy ${sql.id(POLICY)} on ${t} to ${sql.id(APP_ROLE)}
                using (workspace_id = current_setting('mila.workspace_id', true))
                with check (workspace_id = current_setting('mila.workspace_id', true))`.execute(trx);
    }
    return tables;
  });
}

/**
 * Runs `work` on one connection as the app role, scoped to the workspace; the connection is given
 * back to the pool as it came (role and setting reset), even when the work fails.
 */
export async function asWorkspace<T>(
  kysely: Kysely<Database>,
  workspaceId: string,
  work: (scoped: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return kysely.connection().execute(async (conn) => {
    await sql`select set_config('mila.workspace_id', ${workspaceId}, false), set_config('role', ${APP_ROLE}, false)`.execute(
      conn,
    );
    try {
      return await work(conn);
    } finally {
      await sql`reset role`.execute(conn);
      await sql`reset mila.workspace_id`.execute(conn);
    }
  });
}
