import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';

/** How long a node's metrics samples are kept for charts. Presence spans and onboardings are kept forever (OP-2). */
export const METRICS_RETENTION_DAYS = 180;

/** Deletes metrics samples older than the retention; returns how many. */
export async function pruneMetricSamples(db: Kysely<Database>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - METRICS_RETENTION_DAYS * 86_400_000);
  const result = await db.deleteFrom('edge_metric_samples').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
