import { dongguanRegionSchema, usccSchema } from '@dg/policy';
import { z } from 'zod';
import { idSchema, instantSchema } from './common';

// Edge compute network platform: node registration and onboarding (tRPC), and the agent protocol bodies (/edge/v1).

export const EDGE_NODE_KINDS = ['compute_box', 'industrial_pc', 'server', 'other'] as const;
export const edgeNodeKindLabels: Record<(typeof EDGE_NODE_KINDS)[number], string> = {
  compute_box: '边缘计算盒',
  industrial_pc: '工控机',
  server: '服务器',
  other: '其他',
};

export const EDGE_NODE_STATUSES = [
  'pending_review',
  'approved',
  'active',
  'suspended',
  'rejected',
  'revoked',
  'decommissioned',
] as const;
export type EdgeNodeStatus = (typeof EDGE_NODE_STATUSES)[number];
export const edgeNodeStatusLabels: Record<EdgeNodeStatus, string> = {
  pending_review: '待审核',
  approved: '已批准待接入',
  active: '已接入',
  suspended: '已暂停',
  rejected: '已驳回',
  revoked: '已吊销',
  decommissioned: '已退役',
};

export const EDGE_PRESENCES = ['online', 'offline', 'never_seen'] as const;
export type EdgePresence = (typeof EDGE_PRESENCES)[number];
export const edgePresenceLabels: Record<EdgePresence, string> = {
  online: '在线',
  offline: '离线',
  never_seen: '从未连接',
};

export const EDGE_HEALTHS = ['ok', 'degraded', 'error'] as const;
export type EdgeHealth = (typeof EDGE_HEALTHS)[number];
/** The health a node's agent reports of itself. */
export const edgeHealthLabels: Record<EdgeHealth, string> = {
  ok: '正常',
  degraded: '降级运行',
  error: '故障',
};

/** A serial number as printed on the device: letters, digits, dot, dash, underscore. */
export const edgeSerialSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '序列号为 3–64 位字母、数字、点、横线或下划线');

export const edgeNodeSpecSchema = z.object({
  kind: z.enum(EDGE_NODE_KINDS),
  vendor: z.string().trim().min(1).max(100),
  model: z.string().trim().min(1).max(100),
  accelerator: z.string().trim().max(100).optional(),
  siteAddress: z.string().trim().min(1).max(200),
  /** The factory site's town; default: the enterprise's. */
  townCode: dongguanRegionSchema.optional(),
  stationsServed: z.int().min(0).max(10_000),
  stationLabels: z.array(z.string().trim().min(1).max(60)).max(200).default([]),
  applicationId: idSchema.optional(),
});

/** Enterprise staff register for their active enterprise; operators name the enterprise (id or USCC). */
export const registerEdgeNodeInput = edgeNodeSpecSchema.extend({
  serial: edgeSerialSchema,
  enterpriseId: idSchema.optional(),
  enterpriseUscc: usccSchema.optional(),
});

export const edgeNodeActionInput = z.object({
  id: idSchema,
  note: z.string().trim().max(500).optional(),
});

export const issueBulkInput = z.object({
  /** Known serials are approved (or their credential rotated); unknown ones are registered from `register`. */
  serials: z.array(edgeSerialSchema).min(1).max(500),
  register: edgeNodeSpecSchema.extend({ enterpriseId: idSchema }).optional(),
});

export const rotateBulkInput = z.object({ ids: z.array(idSchema).min(1).max(500) });

export const enrollmentGrantSchema = z.object({
  nodeId: idSchema,
  serial: z.string(),
  token: z.string(),
  expiresAt: instantSchema,
});

export const listEdgeNodesInput = z.object({
  enterpriseId: idSchema.optional(),
  townCode: dongguanRegionSchema.optional(),
  status: z.enum(EDGE_NODE_STATUSES).optional(),
  presence: z.enum(EDGE_PRESENCES).optional(),
  applicationId: idSchema.optional(),
  query: z.string().trim().max(64).optional(),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export const edgeNodeSchema = z.object({
  id: idSchema,
  serial: z.string(),
  enterpriseId: idSchema,
  enterpriseName: z.string(),
  applicationId: idSchema.nullable(),
  kind: z.enum(EDGE_NODE_KINDS),
  vendor: z.string(),
  model: z.string(),
  accelerator: z.string().nullable(),
  siteAddress: z.string(),
  townCode: z.string(),
  stationsServed: z.int(),
  stationLabels: z.array(z.string()),
  status: z.enum(EDGE_NODE_STATUSES),
  presence: z.enum(EDGE_PRESENCES),
  heartbeatIntervalS: z.int(),
  offlineAfterS: z.int(),
  statusNote: z.string().nullable(),
  reviewedAt: instantSchema.nullable(),
  enrolledAt: instantSchema.nullable(),
  connectedAt: instantSchema.nullable(),
  lastSeenAt: instantSchema.nullable(),
  createdAt: instantSchema,
});

export const edgeNodeListSchema = z.object({ items: z.array(edgeNodeSchema), total: z.int() });

export const edgeMetricsInput = z.object({
  id: idSchema,
  from: instantSchema,
  to: instantSchema,
  /** At most this many points: samples are averaged into equal buckets. */
  points: z.int().min(10).max(1000).default(200),
});

export const edgeMetricPointSchema = z.object({
  at: instantSchema,
  cpuLoad1: z.number().nullable(),
  memoryUsedPct: z.number().nullable(),
  acceleratorUtilPct: z.number().nullable(),
});

/** What a node said about itself in its latest metrics sample. */
export const edgeNodeReportSchema = z.object({
  at: instantSchema,
  health: z.enum(EDGE_HEALTHS),
  uptimeS: z.number(),
  appVersion: z.string(),
  models: z.array(z.object({ name: z.string(), version: z.string().optional() })),
});

export const fleetSummaryInput = z.object({ enterpriseId: idSchema.optional() }).default({});

const presenceCounts = z.object({ online: z.int(), offline: z.int(), neverSeen: z.int(), total: z.int() });
export const fleetSummarySchema = z.object({
  byStatus: z.record(z.string(), z.int()),
  /** Presence of onboarded nodes (active), online rate = online / active. */
  presence: presenceCounts,
  onlineRate: z.number(),
  byEnterprise: z.array(presenceCounts.extend({ enterpriseId: idSchema, enterpriseName: z.string() })),
  byTown: z.array(presenceCounts.extend({ townCode: z.string() })),
});

export const edgeAlertSchema = z.object({
  id: idSchema,
  nodeId: idSchema,
  serial: z.string(),
  enterpriseName: z.string(),
  townCode: z.string(),
  lastSeenAt: instantSchema,
  raisedAt: instantSchema,
  resolvedAt: instantSchema.nullable(),
});

export const edgeAlertsInput = z
  .object({ open: z.boolean().default(true), limit: z.int().min(1).max(500).default(100) })
  .default({ open: true, limit: 100 });

export const applicationNodeCountSchema = z.object({
  applicationId: idSchema,
  enterpriseId: idSchema,
  enterpriseName: z.string(),
  trackingNumber: z.string().nullable(),
  /** Stations served as declared on the application form (stationsServed), else the sum over its nodes. */
  stationsDeclared: z.int(),
  nodesRegistered: z.int(),
  nodesConnected: z.int(),
  /** EN-7: min(stations served, connected nodes) — the node count the edge subsidy uses. */
  nodeCount: z.int(),
});

/** A period of Shanghai calendar days, both inclusive. */
export const op2PeriodInput = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const op2ReportSchema = z.object({
  rule: z.literal('OP-2'),
  article: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  enterprises: z.int(),
  nodes: z.int(),
  byEnterprise: z.array(
    z.object({
      enterpriseId: idSchema,
      enterpriseName: z.string(),
      uscc: z.string(),
      townCode: z.string(),
      nodes: z.int(),
    }),
  ),
  byTown: z.array(z.object({ townCode: z.string(), enterprises: z.int(), nodes: z.int() })),
  generatedAt: instantSchema,
});

export const op2XlsxSchema = z.object({ filename: z.string(), mime: z.string(), base64: z.string() });

// ---- The agent protocol (/edge/v1), documented in docs/edge-protocol.md ----

export const enrollBody = z.object({
  token: z.string().min(1).max(200),
  serial: z.string().min(1).max(64),
});

const percent = z.number().min(0).max(100);

/** A heartbeat's health and metrics. Unknown fields are ignored so newer agents can add some. */
export const heartbeatBody = z.object({
  /** Agent clock, informational: presence uses the platform's receipt time. */
  sentAt: z.iso.datetime({ offset: true }).optional(),
  seq: z.int().min(0).optional(),
  health: z.enum(EDGE_HEALTHS).default('ok'),
  uptimeS: z.number().min(0),
  cpu: z.object({ load1: z.number().min(0), cores: z.int().min(1).max(4096), utilPct: percent.optional() }),
  memory: z.object({ totalBytes: z.number().int().min(1), usedBytes: z.number().int().min(0) }),
  accelerators: z
    .array(z.object({ name: z.string().max(100), utilPct: percent, memoryUsedPct: percent.optional() }))
    .max(64)
    .default([]),
  models: z
    .array(z.object({ name: z.string().min(1).max(100), version: z.string().max(50).optional() }))
    .max(100)
    .default([]),
  appVersion: z.string().min(1).max(50),
});
export type HeartbeatBody = z.infer<typeof heartbeatBody>;
