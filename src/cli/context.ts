import { loadConfig, type Config } from '../server/config.js';
import { connect, connectionFromConfig, type ConnectOptions } from '../server/db/connect.js';
import type { Db } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { systemClock } from '../server/lib/clock.js';
import type { Deps } from '../server/lib/http.js';
import { createLogger } from '../server/lib/logger.js';
import { translate } from '../server/lib/i18n.js';
import { attachmentRenderers } from '../server/portal/attachments.js';
import type { Locale } from '../shared/schemas/common.js';

/**
 * What every command shares: the server's own configuration (the same environment variables, so
 * `mila` works on the database `npm start` uses) and the operator's language.
 */
export type CliContext = {
  config: Config;
  connection: ConnectOptions;
  locale: Locale;
  t: (key: string, params?: Record<string, string | number>) => string;
  out: (line: string) => void;
};

/** Hebrew when the terminal says so (MILA_LOCALE, LC_ALL, LANG), else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = (env.MILA_LOCALE || env.LC_ALL || env.LANG || '').toLowerCase();
  return tag.startsWith('he') || tag.startsWith('iw') ? 'he' : 'en';
}

export function cliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  const locale = cliLocale(env);
  return {
    config,
    connection: connectionFromConfig(config),
    locale,
    t: (key, params) => translate(locale, `cli.${key}`, params),
    out: (line) => process.stdout.write(`${line}\n`),
  };
}

/** Opens the database, brings it up to date (as the server does at start) and closes it after `work`. */
export async function withDeps<T>(ctx: CliContext, work: (deps: Deps, db: Db) => Promise<T>): Promise<T> {
  const db = connect(ctx.connection);
  try {
    await migrateToLatest(db);
    const deps: Deps = {
      db,
      config: { ...ctx.config, scheduler: false },
      clock: systemClock,
      logger: createLogger('silent'),
      mailer: null,
      attachments: attachmentRenderers(),
    };
    return await work(deps, db);
  } finally {
    await db.close();
  }
}
