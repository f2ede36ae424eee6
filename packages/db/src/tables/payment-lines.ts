import type { Insertable, Selectable } from 'kysely';
import type { Fen, UuidPk } from './columns';

/** One application's share of a payment. */
export interface PaymentLinesTable {
  id: UuidPk;
  payment_id: string;
  application_id: string;
  program_id: string;
  amount_fen: Fen;
  description: string;
}

export type PaymentLine = Selectable<PaymentLinesTable>;
export type NewPaymentLine = Insertable<PaymentLinesTable>;
