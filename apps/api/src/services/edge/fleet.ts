import type { Database } from '@dg/db';
import { nodeCount } from '@dg/policy';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { notFound } from '../../errors';
import type {
  applicationNodeCountSchema,
  edgeAlertSchema,
  edgeMetricPointSchema,
  edgeMetricsInput,
  edgeNodeListSchema,
  edgeNodeReportSchema,
  edgeNodeSchema,
  fleetSummarySchema,
  listEdgeNodesInput,
} from '../../schemas/edge';
import type { EdgeScope } from './context';
import { presenceSql } from './presence';
import { presentNode } from './present';

// Fleet views: nodes by enterprise, town, status and presence; online rate; a node's metrics over time; offline
// alerts; and per deployment application the EN-7 node count.

function nodesQuery(db: Kysely<Database>, scope: EdgeScope) {
  let query = db
    .selectFrom('edge_nodes as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .selectAll('n')
    .select('e.name as enterprise_name');
  if (scope !== 'all') query = query.where('n.enterprise_id', '=', scope.enterpriseId);
  return query;
}

export async function listNodes(
  db: Kysely<Database>,
  scope: EdgeScope,
  input: z.infer<typeof listEdgeNodesInput>,
  now: Date,
): Promise<z.infer<typeof edgeNodeListSchema>> {
  let query = nodesQuery(db, scope);
  if (input.enterpriseId) query = query.where('n.enterprise_id', '=', input.enterpriseId);
  if (input.townCode) query = query.where('n.town_code', '=', input.townCode);
  if (input.status) query = query.where('n.status', '=', input.status);
  if (input.applicationId) query = query.where('n.application_id', '=', input.applicationId);
  if (input.query) query = query.where('n.serial', 'ilike', `%${input.query.replace(/[%_\\]/g, '\\$&')}%`);
  if (input.presence) query = query.where(presenceSql(now), '=', input.presence);
  const [rows, total] = await Promise.all([
    query.orderBy('n.created_at', 'desc').orderBy('n.id').limit(input.limit).offset(input.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => presentNode(r, now)), total: Number(total.count) };
}

export async function getNode(
  db: Kysely<Database>,
  scope: EdgeScope,
  id: string,
  now: Date,
): Promise<z.infer<typeof edgeNodeSchema>> {
  const row = await nodesQuery(db, scope).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('节点不存在或无权查看');
  return presentNode(row, now);
}

/** Averages of the node's samples in equal buckets over [from, to]. */
export async function nodeMetrics(
  db: Kysely<Database>,
  scope: EdgeScope,
  input: z.infer<typeof edgeMetricsInput>,
  now: Date,
): Promise<z.infer<typeof edgeMetricPointSchema>[]> {
  await getNode(db, scope, input.id, now);
  const from = new Date(input.from);
  const to = new Date(input.to);
  const bucketS = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 1000 / input.points));
  const { rows } = await sql<{ bucket: Date; cpu: number | null; mem: number | null; acc: number | null }>`
    select date_bin(${bucketS} * interval '1 second', s.at, ${from}::timestamptz) as bucket,
           avg(s.cpu_load1) as cpu, avg(s.memory_used_pct) as mem, avg(s.accelerator_util_pct) as acc
    from edge_metric_samples s
    where s.node_id = ${input.id} and s.at >= ${from}::timestamptz and s.at <= ${to}::timestamptz
    group by 1 order by 1`.execute(db);
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
  return rows.map((r) => ({
    at: new Date(r.bucket).toISOString(),
    cpuLoad1: round(r.cpu),
    memoryUsedPct: round(r.mem),
    acceleratorUtilPct: round(r.acc),
  }));
}

export async function nodeReport(
  db: Kysely<Database>,
  scope: EdgeScope,
  id: string,
  now: Date,
): Promise<z.infer<typeof edgeNodeReportSchema> | null> {
  await getNode(db, scope, id, now);
  const row = await db
    .selectFrom('edge_metric_samples')
    .select(['at', 'health', 'uptime_s', 'app_version', 'models'])
    .where('node_id', '=', id)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    at: row.at.toISOString(),
    health: row.health,
    uptimeS: row.uptime_s,
    appVersion: row.app_version,
    models: row.models,
  };
}

interface CountRow {
  key: string;
  name?: string;
  online: string | number;
  offline: string | number;
  never_seen: string | number;
  total: string | number;
}

const counts = (r: CountRow) => ({
  online: Number(r.online),
  offline: Number(r.offline),
  neverSeen: Number(r.never_seen),
  total: Number(r.total),
});

export async function fleetSummary(
  db: Kysely<Database>,
  scope: EdgeScope,
  now: Date,
): Promise<z.infer<typeof fleetSummarySchema>> {
  const where = scope === 'all' ? sql`true` : sql`n.enterprise_id = ${scope.enterpriseId}`;
  const presence = presenceSql(now);
  const byStatus = await sql<{ status: string; count: string | number }>`
    select n.status, count(*) as count from edge_nodes n where ${where} group by n.status`.execute(db);
  // Presence is counted over onboarded (active) nodes: the others cannot heartbeat.
  const grouped = (key: ReturnType<typeof sql>, name: ReturnType<typeof sql>) =>
    sql<CountRow>`
    select ${key} as key, ${name} as name,
           count(*) filter (where ${presence} = 'online') as online,
           count(*) filter (where ${presence} = 'offline') as offline,
           count(*) filter (where ${presence} = 'never_seen') as never_seen,
           count(*) as total
    from edge_nodes n join enterprises e on e.id = n.enterprise_id
    where n.status = 'active' and ${where}
    group by 1, 2 order by 2`.execute(db);
  const [byEnterprise, byTown, overall] = await Promise.all([
    grouped(sql`e.id::text`, sql`e.name`),
    grouped(sql`n.town_code`, sql`n.town_code`),
    grouped(sql`'all'`, sql`'all'`),
  ]);
  const total = overall.rows[0] ? counts(overall.rows[0]) : { online: 0, offline: 0, neverSeen: 0, total: 0 };
  return {
    byStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, Number(r.count)])),
    presence: total,
    onlineRate: total.total === 0 ? 0 : Math.round((total.online / total.total) * 10_000) / 10_000,
    byEnterprise: byEnterprise.rows.map((r) => ({
      enterpriseId: r.key,
      enterpriseName: r.name ?? '',
      ...counts(r),
    })),
    byTown: byTown.rows.map((r) => ({ townCode: r.key, ...counts(r) })),
  };
}

export async function listAlerts(
  db: Kysely<Database>,
  input: { open: boolean; limit: number },
): Promise<z.infer<typeof edgeAlertSchema>[]> {
  let query = db
    .selectFrom('edge_alerts as a')
    .innerJoin('edge_nodes as n', 'n.id', 'a.node_id')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .select([
      'a.id',
      'a.node_id',
      'n.serial',
      'e.name as enterprise_name',
      'n.town_code',
      'a.last_seen_at',
      'a.raised_at',
      'a.resolved_at',
    ]);
  if (input.open) query = query.where('a.resolved_at', 'is', null);
  const rows = await query.orderBy('a.raised_at', 'desc').limit(input.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    nodeId: r.node_id,
    serial: r.serial,
    enterpriseName: r.enterprise_name,
    townCode: r.town_code,
    lastSeenAt: r.last_seen_at.toISOString(),
    raisedAt: r.raised_at.toISOString(),
    resolvedAt: r.resolved_at ? r.resolved_at.toISOString() : null,
  }));
}

/**
 * Per edge-node-deployment application: stations declared vs nodes connected (onboarded, with a first heartbeat),
 * and the EN-7 node count min(stations, connected) from the policy core.
 */
export async function applicationNodeCounts(
  db: Kysely<Database>,
  scope: EdgeScope,
  applicationId?: string,
): Promise<z.infer<typeof applicationNodeCountSchema>[]> {
  const { rows } = await sql<{
    id: string;
    enterprise_id: string;
    enterprise_name: string;
    tracking_number: string | null;
    form_stations: string | null;
    node_stations: string | number;
    registered: string | number;
    connected: string | number;
  }>`
    select a.id, a.enterprise_id, e.name as enterprise_name, a.tracking_number,
           a.form->>'stationsServed' as form_stations,
           coalesce(sum(n.stations_served) filter (where n.status not in ('rejected', 'decommissioned')), 0) as node_stations,
           count(n.id) as registered,
           count(n.id) filter (where n.status = 'active' and n.connected_at is not null) as connected
    from applications a
    join enterprises e on e.id = a.enterprise_id
    left join edge_nodes n on n.application_id = a.id
    where a.program_id = 'edge-node-deployment'
      and ${scope === 'all' ? sql`true` : sql`a.enterprise_id = ${scope.enterpriseId}`}
      and ${applicationId ? sql`a.id = ${applicationId}` : sql`true`}
    group by a.id, e.name
    order by e.name, a.id`.execute(db);
  return rows.map((r) => {
    const declared = /^\d+$/.test(r.form_stations ?? '') ? Number(r.form_stations) : Number(r.node_stations);
    const connected = Number(r.connected);
    return {
      applicationId: r.id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      trackingNumber: r.tracking_number,
      stationsDeclared: declared,
      nodesRegistered: Number(r.registered),
      nodesConnected: connected,
      nodeCount: nodeCount(declared, connected),
    };
  });
}
