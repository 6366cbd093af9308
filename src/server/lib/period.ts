/**
 * The window of a per-client aggregate (client health): instants `from` (inclusive) and `to`
 * (exclusive, usually now), and optionally the clients to group (all of the workspace otherwise).
 * Every module that owns data answers with a Map by client id, from one grouped query.
 */
export type Period = { from: string; to: string; clientIds?: string[] };

/** PostgreSQL returns counts and sums as strings (bigint / numeric); SQLite as numbers; null when nothing matched. */
export function toCount(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
