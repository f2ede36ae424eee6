import type { Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp, UuidPk } from './columns';

/** A node gone offline; raised and resolved by the presence job. At most one open alert per node and kind. */
export interface EdgeAlertsTable {
  id: UuidPk;
  node_id: string;
  kind: 'offline';
  last_seen_at: Timestamp;
  raised_at: Timestamp;
  resolved_at: NullableTimestamp;
}

export type EdgeAlert = Selectable<EdgeAlertsTable>;
