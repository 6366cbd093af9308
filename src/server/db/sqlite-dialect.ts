import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * SQLite with write transactions begun IMMEDIATE. A deferred `begin` that reads first and then
 * writes, while another connection (the CLI, a second process) holds the write lock, gets
 * SQLITE_BUSY at once: SQLite does not wait there, since waiting could deadlock. Taking the write
 * lock at `begin` lets busy_timeout do its job, so the transaction waits for the lock instead.
 * A rollback after SQLite has already rolled back keeps the error that caused it.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }

  // SqliteDialect keeps its config private; the constructor argument is kept here.
  private readonly config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.config = config;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, an I/O error); the
   * second rollback would then fail with "no transaction is active" and hide the real error.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      if (!/no transaction is active/.test((error as Error).message)) throw error;
    }
  }
}
