import type { Insertable, Selectable } from 'kysely';
import type { CreatedAt, UuidPk } from './columns';

export interface FundingPlanItemsTable {
  id: UuidPk;
  plan_id: string;
  application_id: string;
  created_at: CreatedAt;
}

export type FundingPlanItem = Selectable<FundingPlanItemsTable>;
export type NewFundingPlanItem = Insertable<FundingPlanItemsTable>;
