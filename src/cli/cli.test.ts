import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type ConnectOptions } from '../server/db/connect.js';
import { systemClock } from '../server/lib/clock.js';
import { createLogger } from '../server/lib/logger.js';
import { loadConfig } from '../server/config.js';
import { login } from '../server/modules/accounts/accounts.service.js';
import { attachmentRenderers } from '../server/portal/attachments.js';
import { postgresReachable, testDatabaseUrl } from '../server/testing/postgres.js';

/**
 * `mila` as an operator runs it: a child process on a database of its own, its exit code and its
 * words checked, and the rows it wrote read back directly.
 */
type Run = { code: number; stdout: string; stderr: string };

function mila(args: string[], env: Record<string, string>, stdin = '', lang = 'en_US.UTF-8'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/mila.js', ...args], {
      env: { ...process.env, LANG: lang, MILA_LOCALE: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const PASSWORD = 'סיסמה-ארוכה-ולא-צפויה-42';
const owner = ['--email', 'Noa@Example.com', '--name', 'נועה כהן', '--business', 'סטודיו נועה'];

type Store = { env: Record<string, string>; connection: ConnectOptions; drop: () => Promise<void> };

function sqliteStore(): Store {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-cli-'));
  return {
    env: { MILA_DATA_DIR: dir, DATABASE_URL: '' },
    connection: { kind: 'sqlite', file: path.join(dir, 'mila.db') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresStore(adminUrl: string): Promise<Store> {
  const name = `mila_cli_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mila-cli-'));
  return {
    env: { DATABASE_URL: url.toString(), MILA_DATA_DIR: dir },
    connection: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function count(store: Store, table: 'clients' | 'sessions' | 'workspaces'): Promise<number> {
  const db = connect(store.connection);
  try {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}

async function signIn(store: Store, password: string): Promise<boolean> {
  return (await signInStep(store, password)) !== null;
}

/** What a right password gives: a session, or the second step (two-step sign-in on); null when refused. */
async function signInStep(store: Store, password: string): Promise<'session' | 'second_step' | null> {
  const db = connect(store.connection);
  const deps = {
    db,
    config: { ...loadConfig({}), logLevel: 'silent' as const, scheduler: false },
    clock: systemClock,
    logger: createLogger('silent'),
    mailer: null,
    attachments: attachmentRenderers(),
  };
  try {
    const result = await login(
      deps,
      { email: 'noa@example.com', password },
      { ip: '127.0.0.1', userAgent: 'cli-test' },
    );
    return result.kind;
  } catch {
    return null;
  } finally {
    await db.close();
  }
}

/** Two-step sign-in on for the owner, as Settings leaves it (the secret only: enough for the sign-in to ask). */
async function setTotpSecret(store: Store, secret: string): Promise<void> {
  const db = connect(store.connection);
  try {
    await db.kysely
      .updateTable('users')
      .set({ totp_secret: secret, totp_enabled_at: new Date().toISOString() })
      .execute();
  } finally {
    await db.close();
  }
}

describe('mila, the command line', () => {
  it('says what it can do, and refuses unknown commands with exit code 2', async () => {
    const help = await mila(['--help'], {});
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'user', 'import', 'seed-demo', 'backup', 'restore'])
      expect(help.stdout).toContain(command);
    const hebrew = await mila(['user', '--help'], { LANG: 'he_IL.UTF-8' });
    expect(hebrew.stdout).toContain('חשבון הבעלים');
    const wrong = await mila(['frobnicate'], {});
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('frobnicate');
  });

  it('refuses a restore without --yes, and a backup of a database that is not there', async () => {
    const store = sqliteStore();
    try {
      const refused = await mila(['restore', '/nowhere.db'], store.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('--yes');
      const missing = await mila(['backup'], store.env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('no database');
    } finally {
      await store.drop();
    }
  });
});

const pgUrl = testDatabaseUrl();
const pgUp = await postgresReachable(pgUrl);
const dialects = [
  { name: 'SQLite', open: async () => sqliteStore(), skip: false },
  { name: 'PostgreSQL', open: () => postgresStore(pgUrl), skip: !pgUp },
];

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`mila on ${dialect.name}`, { timeout: 120_000 }, () => {
    let store: Store;
    beforeAll(async () => {
      store = await dialect.open();
    });
    afterAll(async () => store?.drop());

    it('sets Mila up once, with a strong password read from standard input', async () => {
      const weak = await mila(['user', 'create', ...owner], store.env, '123456789012\n');
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/owner\.password: /);
      expect(await count(store, 'workspaces')).toBe(0);

      const created = await mila(['user', 'create', ...owner], store.env, `${PASSWORD}\n`);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(created.stdout).toContain('noa@example.com');
      expect(await signIn(store, PASSWORD)).toBe(true);

      const again = await mila(['user', 'create', ...owner], store.env, `${PASSWORD}\n`);
      expect(again.code).toBe(1);
      expect(await count(store, 'workspaces')).toBe(1);
    });

    it('resets a forgotten password and ends every session of that user', async () => {
      expect(await count(store, 'sessions')).toBeGreaterThan(0);
      const unknown = await mila(['user', 'reset-password', '--email', 'who@example.com'], store.env, `${PASSWORD}!\n`);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('email:');

      const newPassword = 'עוד-סיסמה-חדשה-וארוכה-7';
      const reset = await mila(['user', 'reset-password', '--email', 'noa@example.com'], store.env, `${newPassword}\n`);
      expect(reset.code).toBe(0);
      expect(await count(store, 'sessions')).toBe(0);
      expect(await signIn(store, PASSWORD)).toBe(false);
      expect(await signIn(store, newPassword)).toBe(true);
    });

    it('turns two-step sign-in off for an owner who lost the phone, and the password alone signs in again', async () => {
      const password = 'עוד-סיסמה-חדשה-וארוכה-7';
      await setTotpSecret(store, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
      expect(await signInStep(store, password)).toBe('second_step');

      const unknown = await mila(['user', 'two-factor-off', '--email', 'who@example.com'], store.env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('email: There is no account with this e-mail');

      const off = await mila(['user', 'two-factor-off', '--email', 'Noa@Example.com'], store.env);
      expect(off.stderr).toBe('');
      expect(off.code).toBe(0);
      expect(off.stdout).toContain('Two-step sign-in is off for noa@example.com');
      expect(await signInStep(store, password)).toBe('session');

      const again = await mila(['user', 'two-factor-off', '--email', 'noa@example.com'], store.env, '', 'he_IL.UTF-8');
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('לא הייתה פעילה');
    });

    it('imports clients from a file: a dry run changes nothing, the import reports what it did', async () => {
      const file = path.join(os.tmpdir(), `mila-cli-${randomBytes(4).toString('hex')}.csv`);
      fs.writeFileSync(
        file,
        '\uFEFFשם,טלפון,דוא"ל\nדנה לוי,050-123-4567,dana@example.com\nיואב כהן,052-765-4321,\n,,\nדנה לוי,050-123-4567,\n',
      );
      try {
        const before = await count(store, 'clients');
        const dry = await mila(['import', 'clients', file, '--dry-run'], store.env);
        expect(dry.code).toBe(0);
        expect(dry.stdout).toContain('2 ready, 1 duplicates');
        expect(await count(store, 'clients')).toBe(before);

        const done = await mila(['import', 'clients', file], store.env);
        expect(done.stderr).toBe('');
        expect(done.stdout).toContain('2 created');
        expect(await count(store, 'clients')).toBe(before + 2);

        const again = await mila(['import', 'clients', file], store.env);
        expect(again.stdout).toContain('0 created');
        expect(await count(store, 'clients')).toBe(before + 2);
      } finally {
        fs.rmSync(file, { force: true });
      }
    });

    it('backs up, and a restore brings back exactly what the backup held', async () => {
      await mila(['seed-demo', '3'], store.env);
      const atBackup = await count(store, 'clients');
      const target = path.join(store.env.MILA_DATA_DIR!, 'backups', 'first.backup');
      const backup = await mila(['backup', target], store.env);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(fs.statSync(target).size).toBeGreaterThan(0);
      expect((await mila(['backup', target], store.env)).code).toBe(1); // never overwrites

      await mila(['seed-demo', '2'], store.env);
      expect(await count(store, 'clients')).toBe(atBackup + 2);

      const restored = await mila(['restore', target, '--yes'], store.env);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(await count(store, 'clients')).toBe(atBackup);
      expect(await signIn(store, 'עוד-סיסמה-חדשה-וארוכה-7')).toBe(true);
    });

    it('exports the workspace as ZIP and JSON, and the JSON restores into an empty workspace', async () => {
      const dir = store.env.MILA_DATA_DIR!;
      const zip = path.join(dir, 'export.zip');
      const json = path.join(dir, 'export.json');
      const zipped = await mila(['export', zip], store.env);
      expect(zipped.stderr).toBe('');
      expect(zipped.code).toBe(0);
      expect(fs.readFileSync(zip).subarray(0, 2).toString('latin1')).toBe('PK');
      expect((await mila(['export', zip], store.env)).code).toBe(1); // never overwrites

      expect((await mila(['export', json], store.env)).code).toBe(0);
      const doc = JSON.parse(fs.readFileSync(json, 'utf8')) as { format: string; tables: Record<string, unknown[]> };
      expect(doc.format).toBe('mila-export');
      const clients = await count(store, 'clients');
      expect(doc.tables.clients).toHaveLength(clients);

      // Into the same, non-empty workspace: refused, nothing written.
      const refused = await mila(['import', 'workspace', json], store.env);
      expect(refused.code).toBe(1);
      expect(await count(store, 'clients')).toBe(clients);

      const fresh = await dialect.open();
      try {
        await mila(['user', 'create', ...owner], fresh.env, `${PASSWORD}\n`);
        const bad = path.join(dir, 'bad.json');
        fs.writeFileSync(bad, '{"format":"other"}');
        expect((await mila(['import', 'workspace', bad], fresh.env)).code).toBe(1);
        const restored = await mila(['import', 'workspace', json], fresh.env);
        expect(restored.stderr).toBe('');
        expect(restored.code).toBe(0);
        expect(await count(fresh, 'clients')).toBe(clients);
      } finally {
        await fresh.drop();
      }
    });
  });
}
