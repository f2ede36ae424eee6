import type { Insertable, Selectable } from 'kysely';
import type { CreatedAt, IsoDateColumn, UuidPk } from './columns';

/** GEN-6: the research dishonesty record (科研失信行为记录) that restricts later applications. */
export interface DishonestyRecordsTable {
  id: UuidPk;
  enterprise_id: string;
  application_id: string | null;
  rule: string;
  reason: string;
  recorded_on: IsoDateColumn;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export type DishonestyRecord = Selectable<DishonestyRecordsTable>;
export type NewDishonestyRecord = Insertable<DishonestyRecordsTable>;
