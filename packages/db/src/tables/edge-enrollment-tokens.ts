import type { Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp, UuidPk } from './columns';

/** Single-use enrollment tokens; only the SHA-256 of the token is stored. */
export interface EdgeEnrollmentTokensTable {
  id: UuidPk;
  node_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  /** Set when a newer token, a revoke or a decommission makes this one worthless. */
  voided_at: NullableTimestamp;
  issued_by: string | null;
  created_at: CreatedAt;
}

export type EdgeEnrollmentToken = Selectable<EdgeEnrollmentTokensTable>;
