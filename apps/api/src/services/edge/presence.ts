import type { Database } from '@dg/db';
import { type Kysely, sql } from 'kysely';
import type { EdgePresence } from '../../schemas/edge';

// Presence is derived, never stored: online while the last heartbeat is within the node's offline threshold
// (missed intervals × interval), offline after it, never seen before the first one.

export function presenceOf(
  node: { last_seen_at: Date | null; offline_after_s: number },
  now: Date,
): EdgePresence {
  if (!node.last_seen_at) return 'never_seen';
  return now.getTime() - node.last_seen_at.getTime() <= node.offline_after_s * 1000 ? 'online' : 'offline';
}

/** SQL twin of `presenceOf` for filters and counts (`n` is the edge_nodes alias). */
export function presenceSql(now: Date) {
  return sql<EdgePresence>`case
    when n.last_seen_at is null then 'never_seen'
    when n.last_seen_at >= ${now}::timestamptz - n.offline_after_s * interval '1 second' then 'online'
    else 'offline' end`;
}

/**
 * Raises an offline alert for every onboarded node past its threshold and resolves the alerts of nodes that came
 * back (at the time they were seen again) or left the fleet. Idempotent: one open alert per node.
 */
export async function refreshOfflineAlerts(
  db: Kysely<Database>,
  now: Date,
): Promise<{ raised: number; resolved: number }> {
  const raised = await sql`
    insert into edge_alerts (node_id, kind, last_seen_at, raised_at)
    select id, 'offline', last_seen_at, ${now}::timestamptz from edge_nodes
    where status = 'active' and last_seen_at is not null
      and last_seen_at < ${now}::timestamptz - offline_after_s * interval '1 second'
    on conflict (node_id, kind) where resolved_at is null do nothing`.execute(db);
  const resolved = await sql`
    update edge_alerts a set resolved_at = case when n.last_seen_at > a.last_seen_at then n.last_seen_at
                                                else ${now}::timestamptz end
    from edge_nodes n
    where a.node_id = n.id and a.resolved_at is null
      and (n.last_seen_at > a.last_seen_at or n.status <> 'active')`.execute(db);
  return { raised: Number(raised.numAffectedRows ?? 0), resolved: Number(resolved.numAffectedRows ?? 0) };
}
