import type { Insertable, Selectable } from 'kysely';
import type { IsoDateColumn, NullableTimestamp, Timestamps, UuidPk } from './columns';

export type NoticeBatchState = 'draft' | 'published' | 'closed';

/** A public notice (社会公示) of applications that passed review; it runs 5 working days from `starts_on` (GEN-7). */
export interface NoticeBatchesTable extends Timestamps {
  id: UuidPk;
  program_id: string;
  title: string;
  state: NoticeBatchState;
  starts_on: IsoDateColumn | null;
  /** The policy core's GEN-7 end date, stored when the notice is published. */
  ends_on: IsoDateColumn | null;
  created_by: string;
  published_by: string | null;
  published_at: NullableTimestamp;
  closed_at: NullableTimestamp;
}

export type NoticeBatch = Selectable<NoticeBatchesTable>;
export type NewNoticeBatch = Insertable<NoticeBatchesTable>;
