import type { Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp, UuidPk } from './columns';

/** A node agent's credential; only the SHA-256 of the secret is stored (looked up by it on every heartbeat). */
export interface EdgeCredentialsTable {
  id: UuidPk;
  node_id: string;
  secret_hash: string;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
}

export type EdgeCredential = Selectable<EdgeCredentialsTable>;
