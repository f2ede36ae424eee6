import type { Insertable, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamp, UuidPk } from './columns';

/**
 * An approval a workflow event recorded (e.g. 资格审查通过); a later event may void it (a return for correction voids
 * its round's approvals). Kept, never deleted, so the history shows what was voided and by which event.
 */
export interface ApplicationApprovalsTable {
  id: UuidPk;
  application_id: string;
  event: string;
  event_id: number;
  actor_user_id: string | null;
  approved_at: Timestamp;
  voided_at: NullableTimestamp;
  voided_by_event_id: number | null;
}

export type ApplicationApproval = Selectable<ApplicationApprovalsTable>;
export type NewApplicationApproval = Insertable<ApplicationApprovalsTable>;
