/**
 * 边端智算网络平台运营项目 — 实施细则 第四章 (第二十一条至第二十三条). The operator's funding depends on the year's
 * budget and on how many enterprises and nodes are connected, so the platform must count them from its own
 * records for any period.
 */
import { type IsoDate, endOfShanghaiDay, startOfShanghaiDay } from '../dates';
import { defineRule } from '../verdict';

const program = 'platform-operation';

export const OP1 = defineRule({
  id: 'OP-1',
  program,
  article: '细则 21, 22',
  title: '经政府采购确定一家运营单位运营边端智算网络平台',
});
export const OP2 = defineRule({
  id: 'OP-2',
  program,
  article: '细则 23',
  title: '按当年预算和实际接入企业数、节点数确定运营资助',
});

export const platformOperationRules = [OP1, OP2] as const;

/** A node approved onto the platform for an enterprise; `revokedAt` ends its connection. */
export interface NodeOnboarding {
  nodeId: string;
  enterpriseId: string;
  approvedAt: Date;
  revokedAt?: Date | null;
}

/** A stretch of time during which a node sent heartbeats (the platform merges consecutive heartbeats into spans). */
export interface HeartbeatSpan {
  nodeId: string;
  from: Date;
  to: Date;
}

/** Shanghai calendar days, both inclusive. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface ConnectedCount {
  enterprises: number;
  nodes: number;
  enterpriseIds: string[];
  nodeIds: string[];
}

/**
 * OP-2 (Reading): a node counts as connected in a period when it was onboarded (approved, not revoked) and sent a
 * heartbeat while onboarded within the period; an enterprise counts when one of its nodes does. Each is counted
 * once however many spans or onboardings it has.
 */
export function countConnected(
  period: Period,
  onboardings: readonly NodeOnboarding[],
  heartbeats: readonly HeartbeatSpan[],
): ConnectedCount {
  const periodStart = startOfShanghaiDay(period.from).getTime();
  const periodEnd = endOfShanghaiDay(period.to).getTime();
  const spansByNode = new Map<string, HeartbeatSpan[]>();
  for (const span of heartbeats) {
    const list = spansByNode.get(span.nodeId);
    if (list) list.push(span);
    else spansByNode.set(span.nodeId, [span]);
  }
  const nodes = new Set<string>();
  const enterprises = new Set<string>();
  for (const o of onboardings) {
    const from = Math.max(periodStart, o.approvedAt.getTime());
    const to = Math.min(periodEnd, o.revokedAt ? o.revokedAt.getTime() : Number.POSITIVE_INFINITY);
    if (from > to) continue;
    const beat = (spansByNode.get(o.nodeId) ?? []).some(
      (s) => s.from.getTime() <= to && s.to.getTime() >= from,
    );
    if (!beat) continue;
    nodes.add(o.nodeId);
    enterprises.add(o.enterpriseId);
  }
  return {
    enterprises: enterprises.size,
    nodes: nodes.size,
    enterpriseIds: [...enterprises].sort(),
    nodeIds: [...nodes].sort(),
  };
}
