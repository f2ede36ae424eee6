import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamp } from './columns';

/** Fixed-window counters, in the database so several API instances count together. */
export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export type RateLimit = Selectable<RateLimitsTable>;
export type NewRateLimit = Insertable<RateLimitsTable>;
export type RateLimitUpdate = Updateable<RateLimitsTable>;
