import type { Selectable } from 'kysely';
import type { CreatedAt, Fen, IsoDateColumn, UuidPk } from './columns';

/** Metered usage of an order over a period (e.g. 720 card-hours), priced for settlement. */
export interface ComputeUsageRecordsTable {
  id: UuidPk;
  order_id: string;
  period_start: IsoDateColumn;
  period_end: IsoDateColumn;
  /** numeric: read as a string, exact. */
  quantity: string;
  unit: string;
  amount_fen: Fen;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export type ComputeUsageRecord = Selectable<ComputeUsageRecordsTable>;
