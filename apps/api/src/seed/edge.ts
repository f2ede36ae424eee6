import { json } from '@dg/db';
import type { EdgeContext } from '../services/edge/context';
import { enroll } from '../services/edge/enroll';
import { actOnNode, type NodeAction, registerNode } from '../services/edge/lifecycle';
import type { SeedContext, SeedStep } from './context';

// Edge nodes of the demo enterprises in every onboarding state and presence, driven through the real lifecycle
// services (register, approve, enroll, suspend, revoke, reject, decommission — each with its audit row). The
// telemetry history (online spans since mid-2025, the last hour of metrics) is written directly: replaying months
// of heartbeats at seed time would take months.

type Fate =
  | 'online'
  | 'offline'
  | 'never_seen'
  | 'pending_review'
  | 'approved'
  | 'suspended'
  | 'revoked'
  | 'rejected'
  | 'decommissioned';

interface DemoNode {
  enterprise: string;
  serial: string;
  kind: 'compute_box' | 'industrial_pc' | 'server';
  vendor: string;
  model: string;
  accelerator?: string;
  stations: number;
  fate: Fate;
}

const atlas = {
  kind: 'compute_box',
  vendor: '华为',
  model: 'Atlas 500 Pro',
  accelerator: 'Ascend 310P',
} as const;
const jetson = {
  kind: 'compute_box',
  vendor: '英伟达',
  model: 'Jetson AGX Orin',
  accelerator: 'Orin 64GB',
} as const;
const ipc = { kind: 'industrial_pc', vendor: '研华', model: 'MIC-770' } as const;

export const demoNodes: readonly DemoNode[] = [
  { enterprise: 'songshanhu-robotics', serial: 'SSH-A500-0001', ...atlas, stations: 8, fate: 'online' },
  { enterprise: 'songshanhu-robotics', serial: 'SSH-A500-0002', ...atlas, stations: 8, fate: 'online' },
  { enterprise: 'songshanhu-robotics', serial: 'SSH-IPC-0003', ...ipc, stations: 4, fate: 'offline' },
  {
    enterprise: 'songshanhu-robotics',
    serial: 'SSH-A500-0004',
    ...atlas,
    stations: 6,
    fate: 'pending_review',
  },
  { enterprise: 'songshanhu-robotics', serial: 'SSH-A500-0005', ...atlas, stations: 6, fate: 'approved' },
  { enterprise: 'changan-molds', serial: 'CA-EDGE-0001', ...atlas, stations: 10, fate: 'online' },
  { enterprise: 'changan-molds', serial: 'CA-EDGE-0002', ...atlas, stations: 10, fate: 'online' },
  { enterprise: 'changan-molds', serial: 'CA-EDGE-0003', ...ipc, stations: 5, fate: 'suspended' },
  { enterprise: 'changan-molds', serial: 'CA-EDGE-0004', ...ipc, stations: 5, fate: 'revoked' },
  { enterprise: 'changan-molds', serial: 'CA-EDGE-0005', ...atlas, stations: 6, fate: 'never_seen' },
  { enterprise: 'humen-apparel', serial: 'HM-ORIN-0001', ...jetson, stations: 12, fate: 'online' },
  { enterprise: 'humen-apparel', serial: 'HM-ORIN-0002', ...jetson, stations: 12, fate: 'offline' },
  { enterprise: 'humen-apparel', serial: 'HM-IPC-0003', ...ipc, stations: 3, fate: 'rejected' },
  { enterprise: 'humen-apparel', serial: 'HM-IPC-0004', ...ipc, stations: 3, fate: 'decommissioned' },
  { enterprise: 'dalang-textile', serial: 'DL-BOX-0001', ...atlas, stations: 6, fate: 'online' },
];

const APPROVED_ON = new Date('2025-05-20T02:00:00Z');
/** Closed online spans every connected demo node has, so OP-2 has history for 2025. */
const HISTORY: [string, string][] = [
  ['2025-06-01T00:00:00Z', '2025-08-31T15:59:30Z'],
  ['2025-09-10T00:00:00Z', '2025-12-31T15:59:30Z'],
];
const CURRENT_SPAN_START = new Date('2026-01-05T00:00:00Z');

/** What happens after enrollment for each fate; fates before enrollment stop earlier. */
const after: Partial<Record<Fate, NodeAction>> = {
  suspended: 'suspend',
  revoked: 'revoke',
  decommissioned: 'decommission',
};

export const seedEdge: SeedStep = {
  name: 'edge nodes',
  async run({ trx, refs }: SeedContext) {
    const operatorId = refs.users.get('edge-op') ?? null;
    let clock = APPROVED_ON;
    const ctx: EdgeContext = {
      db: trx,
      env: {
        EDGE_HEARTBEAT_INTERVAL_S: 30,
        EDGE_OFFLINE_AFTER_MISSED: 3,
        EDGE_ENROLLMENT_TOKEN_TTL_HOURS: 72,
      },
      now: () => clock,
      origin: { actor: { userId: operatorId, role: 'edge_operator' }, requestId: 'seed' },
      userId: operatorId,
    };
    const now = Date.now();
    for (const [i, demo] of demoNodes.entries()) {
      const enterpriseId = refs.enterprises.get(demo.enterprise);
      if (!enterpriseId) continue;
      const application = await trx
        .selectFrom('applications')
        .select('id')
        .where('enterprise_id', '=', enterpriseId)
        .where('program_id', '=', 'edge-node-deployment')
        .orderBy('created_at')
        .executeTakeFirst();
      clock = new Date(APPROVED_ON.getTime() - 86_400_000);
      const node = await registerNode(ctx, enterpriseId, {
        serial: demo.serial,
        kind: demo.kind,
        vendor: demo.vendor,
        model: demo.model,
        ...('accelerator' in demo && demo.accelerator ? { accelerator: demo.accelerator } : {}),
        siteAddress: '厂区 1 号车间',
        stationsServed: demo.stations,
        stationLabels: Array.from({ length: demo.stations }, (_, s) => `工位${s + 1}`),
        ...(application && { applicationId: application.id }),
      });
      if (demo.fate === 'pending_review') continue;
      clock = APPROVED_ON;
      if (demo.fate === 'rejected') {
        await actOnNode(ctx, node.id, 'reject', '设备型号与申报不符');
        continue;
      }
      const { grant } = await actOnNode(ctx, node.id, 'approve');
      if (demo.fate === 'approved' || !grant) continue;
      await enroll(
        trx,
        { token: grant.token, serial: demo.serial },
        new Date(APPROVED_ON.getTime() + 3_600_000),
        'seed',
      );
      if (demo.fate === 'never_seen') continue;

      const lastSeen =
        demo.fate === 'online'
          ? new Date(now - 10_000)
          : demo.fate === 'offline'
            ? new Date(now - (3 + i) * 3_600_000)
            : new Date('2026-03-01T08:00:00Z');
      for (const [from, to] of HISTORY)
        await trx
          .insertInto('edge_presence_spans')
          .values({ node_id: node.id, started_at: from, ended_at: to })
          .execute();
      await trx
        .updateTable('edge_nodes')
        .set({
          connected_at: HISTORY[0]![0],
          last_seen_at: lastSeen,
          span_started_at: CURRENT_SPAN_START,
          metrics_sampled_at: lastSeen,
        })
        .where('id', '=', node.id)
        .execute();
      await seedMetrics(trx, node.id, lastSeen, i);
      const action = after[demo.fate];
      if (action) {
        clock = new Date('2026-03-02T02:00:00Z');
        await actOnNode(ctx, node.id, action, action === 'revoke' ? '设备更换，旧凭证作废' : undefined);
      }
    }
  },
};

/** The last hour before `lastSeen`, one sample a minute, with a gentle daily-looking wave per node. */
async function seedMetrics(trx: SeedContext['trx'], nodeId: string, lastSeen: Date, seed: number) {
  const rows = Array.from({ length: 60 }, (_, m) => {
    const phase = (m + seed * 7) / 9;
    return {
      node_id: nodeId,
      at: new Date(lastSeen.getTime() - (59 - m) * 60_000),
      health: 'ok' as const,
      uptime_s: 86_400 * 20 + m * 60,
      cpu_load1: Math.round((1.5 + Math.sin(phase)) * 100) / 100,
      cpu_util_pct: null,
      memory_used_pct: Math.round(((7 + 2 * Math.cos(phase)) / 16) * 10_000) / 100,
      accelerator_util_pct: Math.round(55 + 30 * Math.sin(phase * 1.3)),
      app_version: '1.4.2',
      models: json([{ name: 'defect-detect', version: '3.2' }]),
    };
  });
  await trx.insertInto('edge_metric_samples').values(rows).execute();
}
