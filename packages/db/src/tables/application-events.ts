import type { Generated, Insertable, Selectable } from 'kysely';
import type { Json, Timestamp } from './columns';

/** The history of an application: every workflow event fired, refused attempts included (`accepted` false). */
export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: string;
  event: string;
  from_state: string;
  to_state: string | null;
  actor_user_id: string | null;
  actor_role: string;
  accepted: boolean;
  reason: string | null;
  data: Json<Record<string, unknown>>;
  at: Timestamp;
}

export type ApplicationEvent = Selectable<ApplicationEventsTable>;
export type NewApplicationEvent = Insertable<ApplicationEventsTable>;
