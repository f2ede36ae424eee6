import type { Selectable } from 'kysely';
import type { Json, Timestamp } from './columns';

/**
 * What a node reported, at most one sample per node per sampling interval; (node_id, at) is the key. Typed columns,
 * not the heartbeat's JSON: the charts average them, and at a large fleet's write rate every byte is paid for.
 */
export interface EdgeMetricSamplesTable {
  node_id: string;
  at: Timestamp;
  health: 'ok' | 'degraded' | 'error';
  uptime_s: number;
  cpu_load1: number;
  cpu_util_pct: number | null;
  /** 100 × used / total memory. */
  memory_used_pct: number;
  /** The mean utilisation of the node's accelerators; null when it reported none. */
  accelerator_util_pct: number | null;
  app_version: string;
  models: Json<{ name: string; version?: string }[]>;
}

export type EdgeMetricSample = Selectable<EdgeMetricSamplesTable>;
