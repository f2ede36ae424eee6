import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Json, NullableTimestamp, Timestamps, UuidPk } from './columns';

export type EdgeNodeKind = 'compute_box' | 'industrial_pc' | 'server' | 'other';

/**
 * Onboarding state: pending_review → approved (an enrollment token is out) → active (the agent holds a credential);
 * suspended / rejected / revoked / decommissioned (final). Presence (online/offline/never seen) is derived from
 * `last_seen_at` and `offline_after_s`, never stored.
 */
export type EdgeNodeStatus =
  | 'pending_review'
  | 'approved'
  | 'active'
  | 'suspended'
  | 'rejected'
  | 'revoked'
  | 'decommissioned';

export interface EdgeNodesTable extends Timestamps {
  id: UuidPk;
  serial: string;
  enterprise_id: string;
  /** The edge-node-deployment application the node belongs to (EN-7), if any. */
  application_id: string | null;
  kind: EdgeNodeKind;
  vendor: string;
  model: string;
  accelerator: string | null;
  site_address: string;
  town_code: string;
  stations_served: number;
  station_labels: Json<string[]>;
  status: EdgeNodeStatus;
  heartbeat_interval_s: number;
  /** Missed intervals × interval, fixed when the node is approved. */
  offline_after_s: number;
  registered_by: string | null;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  status_note: string | null;
  enrolled_at: NullableTimestamp;
  /** The first accepted heartbeat: the recorded "connected" time. */
  connected_at: NullableTimestamp;
  last_seen_at: NullableTimestamp;
  /** Start of the current online span; the span runs to `last_seen_at` (closed spans: edge_presence_spans). */
  span_started_at: NullableTimestamp;
  metrics_sampled_at: NullableTimestamp;
}

export type EdgeNode = Selectable<EdgeNodesTable>;
export type NewEdgeNode = Insertable<EdgeNodesTable>;
export type EdgeNodeUpdate = Updateable<EdgeNodesTable>;
