import type { Selectable } from 'kysely';
import type { Fen, IsoDateColumn, Timestamps, UuidPk } from './columns';

/** A bill for an order's service period; paid by exactly one payment. */
export interface ComputeBillsTable extends Timestamps {
  id: UuidPk;
  bill_no: string;
  order_id: string;
  enterprise_id: string;
  period_start: IsoDateColumn;
  period_end: IsoDateColumn;
  amount_fen: Fen;
  issued_on: IsoDateColumn;
  status: 'unpaid' | 'paid';
}

export type ComputeBill = Selectable<ComputeBillsTable>;
