import type { Insertable, Selectable, Updateable } from 'kysely';
import type { NullableTimestamp, Timestamp, Timestamps, UuidPk } from './columns';

export type SessionKind = 'web' | 'bearer';

/** A login. Only the SHA-256 of the token is stored; `revoked_at` ends it early. */
export interface SessionsTable extends Timestamps {
  id: UuidPk;
  token_hash: string;
  user_id: string;
  kind: SessionKind;
  /** The enterprise an enterprise-staff session currently acts for (switch enterprise). */
  active_enterprise_id: string | null;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_seen_at: NullableTimestamp;
}

export type Session = Selectable<SessionsTable>;
export type NewSession = Insertable<SessionsTable>;
export type SessionUpdate = Updateable<SessionsTable>;
