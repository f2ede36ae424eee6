import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Json, NullableTimestamp, Timestamps, UuidPk } from './columns';

/** One expert's rubric scores for one application (one row per expert and application). */
export interface ExpertScoresTable extends Timestamps {
  id: UuidPk;
  application_id: string;
  expert_user_id: string;
  scores: Json<Record<string, number>>;
  total: number;
  comment: string | null;
  submitted_at: NullableTimestamp;
}

export type ExpertScore = Selectable<ExpertScoresTable>;
export type NewExpertScore = Insertable<ExpertScoresTable>;
export type ExpertScoreUpdate = Updateable<ExpertScoresTable>;
