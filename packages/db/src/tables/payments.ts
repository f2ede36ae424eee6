import type { Insertable, Selectable } from 'kysely';
import type { Fen, NullableTimestamp, Timestamps, UuidPk } from './columns';

/** disbursement: CV and edge subsidies (one payment may carry both); rd_*: R&D phases (RD-4); reclaim: money back. */
export type PaymentKind = 'disbursement' | 'rd_phase1' | 'rd_phase2' | 'reclaim';

/** A payment in the policy core's `paymentWorkflow` (`state` is one of its states), with the payee account. */
export interface PaymentsTable extends Timestamps {
  id: UuidPk;
  enterprise_id: string;
  kind: PaymentKind;
  state: string;
  amount_fen: Fen;
  payee_account_name: string;
  payee_bank: string;
  payee_account_number: string;
  prepared_by: string;
  checked_by: string | null;
  paid_at: NullableTimestamp;
  bank_reference: string | null;
  failure_reason: string | null;
}

export type PaymentRow = Selectable<PaymentsTable>;
export type NewPayment = Insertable<PaymentsTable>;
