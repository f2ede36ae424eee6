import type { Insertable, Selectable } from 'kysely';
import type { NullableTimestamp, Timestamps, UuidPk } from './columns';

export type FundingPlanState = 'draft' | 'submitted' | 'approved' | 'declined';

/** 资助计划: a batch of applications submitted to and approved by the city government together. */
export interface FundingPlansTable extends Timestamps {
  id: UuidPk;
  program_id: string;
  edition_id: string;
  title: string;
  state: FundingPlanState;
  created_by: string;
  submitted_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  /** The government's document or minutes number. */
  decision_reference: string | null;
}

export type FundingPlan = Selectable<FundingPlansTable>;
export type NewFundingPlan = Insertable<FundingPlansTable>;
