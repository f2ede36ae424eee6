import type { Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp, UuidPk } from './columns';

/** One approval of a node onto the platform, ended by revoke or decommission (OP-2 counts within these). */
export interface EdgeOnboardingsTable {
  id: UuidPk;
  node_id: string;
  enterprise_id: string;
  approved_at: Timestamp;
  approved_by: string | null;
  ended_at: NullableTimestamp;
  end_reason: string | null;
}

export type EdgeOnboarding = Selectable<EdgeOnboardingsTable>;
