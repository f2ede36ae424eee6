import type { Insertable, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp, UuidPk } from './columns';

/** An in-app message: to one user's inbox (`user_id`) or to a role's queue (`role`), exactly one of the two. */
export interface NotificationsTable {
  id: UuidPk;
  user_id: string | null;
  role: string | null;
  enterprise_id: string | null;
  application_id: string | null;
  kind: string;
  title: string;
  body: string;
  read_at: NullableTimestamp;
  created_at: CreatedAt;
}

export type Notification = Selectable<NotificationsTable>;
export type NewNotification = Insertable<NotificationsTable>;
