import type { Insertable, Selectable, Updateable } from 'kysely';
import type { NullableTimestamp, Timestamp, Timestamps, UuidPk } from './columns';

/** A one-time code an enterprise owner shares with a colleague; only its hash is stored. */
export interface EnterpriseInvitesTable extends Timestamps {
  id: UuidPk;
  enterprise_id: string;
  code_hash: string;
  created_by: string;
  expires_at: Timestamp;
  accepted_by: string | null;
  accepted_at: NullableTimestamp;
}

export type EnterpriseInvite = Selectable<EnterpriseInvitesTable>;
export type NewEnterpriseInvite = Insertable<EnterpriseInvitesTable>;
export type EnterpriseInviteUpdate = Updateable<EnterpriseInvitesTable>;
