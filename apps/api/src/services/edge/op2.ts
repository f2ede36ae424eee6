import type { Database } from '@dg/db';
import { countConnected, endOfShanghaiDay, OP2, type Period, startOfShanghaiDay } from '@dg/policy';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { op2ReportSchema } from '../../schemas/edge';

export type Op2Report = z.infer<typeof op2ReportSchema>;

/**
 * OP-2: distinct enterprises and nodes connected in a period, from the platform's own records — onboardings
 * (approval to revoke/decommission) and online spans (closed spans plus each node's current one) — counted by the
 * policy core's `countConnected`. Only rows that can overlap the period are read.
 */
export async function op2Report(db: Kysely<Database>, period: Period, now: Date): Promise<Op2Report> {
  const start = startOfShanghaiDay(period.from);
  const end = endOfShanghaiDay(period.to);
  const [onboardings, spans] = await Promise.all([
    db
      .selectFrom('edge_onboardings')
      .select(['node_id', 'enterprise_id', 'approved_at', 'ended_at'])
      .where('approved_at', '<=', end)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', start)]))
      .execute(),
    sql<{ node_id: string; started_at: Date; ended_at: Date }>`
      select node_id, started_at, ended_at from edge_presence_spans
      where started_at <= ${end}::timestamptz and ended_at >= ${start}::timestamptz
      union all
      select id, span_started_at, last_seen_at from edge_nodes
      where span_started_at is not null and span_started_at <= ${end}::timestamptz
        and last_seen_at >= ${start}::timestamptz`.execute(db),
  ]);
  const counted = countConnected(
    period,
    onboardings.map((o) => ({
      nodeId: o.node_id,
      enterpriseId: o.enterprise_id,
      approvedAt: o.approved_at,
      revokedAt: o.ended_at,
    })),
    spans.rows.map((s) => ({ nodeId: s.node_id, from: new Date(s.started_at), to: new Date(s.ended_at) })),
  );
  const enterpriseOf = new Map(onboardings.map((o) => [o.node_id, o.enterprise_id]));
  const nodesByEnterprise = new Map<string, number>();
  for (const nodeId of counted.nodeIds) {
    const enterpriseId = enterpriseOf.get(nodeId) as string;
    nodesByEnterprise.set(enterpriseId, (nodesByEnterprise.get(enterpriseId) ?? 0) + 1);
  }
  const enterprises =
    counted.enterpriseIds.length === 0
      ? []
      : await db
          .selectFrom('enterprises')
          .select(['id', 'name', 'uscc', 'town_code'])
          .where('id', 'in', counted.enterpriseIds)
          .orderBy('name')
          .execute();
  const byTown = new Map<string, { enterprises: number; nodes: number }>();
  for (const e of enterprises) {
    const town = byTown.get(e.town_code) ?? { enterprises: 0, nodes: 0 };
    town.enterprises += 1;
    town.nodes += nodesByEnterprise.get(e.id) ?? 0;
    byTown.set(e.town_code, town);
  }
  return {
    rule: 'OP-2',
    article: OP2.article,
    period: { from: period.from, to: period.to },
    enterprises: counted.enterprises,
    nodes: counted.nodes,
    byEnterprise: enterprises.map((e) => ({
      enterpriseId: e.id,
      enterpriseName: e.name,
      uscc: e.uscc,
      townCode: e.town_code,
      nodes: nodesByEnterprise.get(e.id) ?? 0,
    })),
    byTown: [...byTown].sort(([a], [b]) => a.localeCompare(b)).map(([townCode, c]) => ({ townCode, ...c })),
    generatedAt: now.toISOString(),
  };
}
