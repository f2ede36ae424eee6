import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from './columns';

/** A closed stretch of consecutive heartbeats (gaps shorter than the node's offline threshold). */
export interface EdgePresenceSpansTable {
  id: Generated<number>;
  node_id: string;
  started_at: Timestamp;
  ended_at: Timestamp;
}

export type EdgePresenceSpan = Selectable<EdgePresenceSpansTable>;
