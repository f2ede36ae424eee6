import type { Selectable } from 'kysely';
import type { Json, Timestamp } from './columns';

/** Heartbeat metrics, at most one sample per node per sampling interval; (node_id, at) is the key. */
export interface EdgeMetricSamplesTable {
  node_id: string;
  at: Timestamp;
  metrics: Json<Record<string, unknown>>;
}

export type EdgeMetricSample = Selectable<EdgeMetricSamplesTable>;
