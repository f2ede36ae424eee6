import type { CreatedAt, UuidPk } from './columns';
import type { Insertable, Selectable } from 'kysely';

/** listed: on the notice; withdrawn: an objection was upheld and it went back to review; cleared: notice passed. */
export type NoticeItemOutcome = 'listed' | 'withdrawn' | 'cleared';

export interface NoticeItemsTable {
  id: UuidPk;
  batch_id: string;
  application_id: string;
  outcome: NoticeItemOutcome;
  created_at: CreatedAt;
}

export type NoticeItem = Selectable<NoticeItemsTable>;
export type NewNoticeItem = Insertable<NoticeItemsTable>;
