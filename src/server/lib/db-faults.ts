/**
 * Database failures that are nobody's input and no bug in Mila: the disk is full, another writer
 * holds the lock past the busy timeout, PostgreSQL is restarting. Each is a 503 the user can be
 * told about in their words (and a busy or lost database can be retried), never an unknown 500.
 */
export type DbFault = 'storage_full' | 'busy' | 'unavailable';

/** Seconds a client should wait before retrying a busy or unreachable database. */
export const RETRY_AFTER_SECONDS = 5;

// PostgreSQL: 53100 disk_full, 53200 out_of_memory, 53300 too_many_connections; class 08 connection
// exceptions, 57P01–57P03 shutdown / crash / cannot connect now; 40001/40P01 serialisation, deadlock.
const PG_UNAVAILABLE = /^(08|57P0[1-3]|53300)/;

// Errors from the pg driver and the socket that carry no SQLSTATE (the server went away mid-query).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const LOST_CONNECTION =
  /connection terminated|terminating connection|connection error|not queryable|timeout exceeded when trying to connect|server closed the connection/i;

export function dbFaultOf(err: unknown): DbFault | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    // SQLite (better-sqlite3): SQLITE_FULL, or an I/O error (a full disk often shows as a failed write).
    if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) return 'storage_full';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
    if (code === '53100') return 'storage_full';
    if (code === '40001' || code === '40P01') return 'busy';
    if (PG_UNAVAILABLE.test(code) || SOCKET_CODES.has(code)) return 'unavailable';
  }
  if (LOST_CONNECTION.test(err.message)) return 'unavailable';
  if (err instanceof AggregateError) return err.errors.map(dbFaultOf).find((f) => f !== null) ?? null;
  return null;
}
