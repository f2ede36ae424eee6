import type { Insertable, Selectable } from 'kysely';
import type { CreatedAt, UuidPk } from './columns';

export type OpinionKind = 'department' | 'town';

/** 征求意见: a department's or the project town's opinion on an R&D or edge application before city approval. */
export interface OpinionsTable {
  id: UuidPk;
  application_id: string;
  kind: OpinionKind;
  unit_name: string;
  agrees: boolean;
  content: string;
  recorded_by: string;
  created_at: CreatedAt;
}

export type Opinion = Selectable<OpinionsTable>;
export type NewOpinion = Insertable<OpinionsTable>;
