import type { Insertable, Selectable } from 'kysely';
import type { IsoDateColumn, NullableTimestamp, Timestamps, UuidPk } from './columns';

export type ObjectionStatus = 'open' | 'upheld' | 'dismissed';

/** An objection (异议) raised during a public notice against one listed application. */
export interface NoticeObjectionsTable extends Timestamps {
  id: UuidPk;
  batch_id: string;
  application_id: string;
  objector: string;
  content: string;
  received_on: IsoDateColumn;
  status: ObjectionStatus;
  resolution: string | null;
  recorded_by: string;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
}

export type NoticeObjection = Selectable<NoticeObjectionsTable>;
export type NewNoticeObjection = Insertable<NoticeObjectionsTable>;
