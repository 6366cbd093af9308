import type { Insertable, Selectable } from 'kysely';

/**
 * Request counts per key and fixed window, for the rate limits that must hold across processes and
 * restarts (the client's quote pages now; API tokens and sign-up later). Not tenant data: the key
 * is a limit's name and an address (`portal:203.0.113.7`), never a workspace's content.
 */
export type RateHitTable = {
  bucket: string;
  window_start: string;
  hits: number;
};

export type RateHitRow = Selectable<RateHitTable>;
export type NewRateHitRow = Insertable<RateHitTable>;

export type LimitTables = { rate_hits: RateHitTable };
