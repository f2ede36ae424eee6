import type { Database } from '@dg/db';
import { type Kysely, sql } from 'kysely';
import { tooManyRequests } from '../errors';

export interface RateLimitRule {
  /** What is limited, e.g. 'login:user:city1' or 'sms:13800138000'. */
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one hit in the current fixed window, in the database so every API instance shares the count, and throws
 * TOO_MANY_REQUESTS past the limit. One upsert: atomic on PostgreSQL and PGlite alike.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  rule: RateLimitRule,
  now = new Date(),
): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto('rate_limits')
    .values({ key: rule.key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  if (row.count > rule.limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
    throw tooManyRequests(`操作过于频繁，请 ${retryAfter} 秒后再试`);
  }
}

/** Drops windows that ended before `before` (run by the housekeeping job). */
export async function pruneRateLimits(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
