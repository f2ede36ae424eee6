import type { Database } from '@dg/db';
import { type Kysely, sql } from 'kysely';

// What the platform knows about an enterprise's edge nodes, for matching: the compute-voucher payments come from the
// compute engineer's `computeVoucherPayments` (services/compute/voucher-evidence.ts).

/** Nodes onboarded and heard from (the edge engineer's "connected"), and the stations they serve. */
export async function connectedNodes(db: Kysely<Database>, enterpriseId: string) {
  const row = await db
    .selectFrom('edge_nodes')
    .select([
      sql<string>`count(*)`.as('connected'),
      sql<string>`coalesce(sum(stations_served), 0)`.as('stations'),
    ])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'active')
    .where('connected_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return { connected: Number(row.connected), stations: Number(row.stations) };
}
