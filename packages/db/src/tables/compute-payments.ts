import type { Selectable } from 'kysely';
import type { CreatedAt, Fen, IsoDateColumn, UuidPk } from './columns';

/** 发票联 / 抵扣联 / none: the compute voucher's invoice vocabulary (CV-7). */
export type ComputeInvoiceType = 'invoice_copy' | 'deduction_copy' | 'none';

/** A payment of a bill, with the account actually paid to (CV-6) and the invoice received (CV-7). */
export interface ComputePaymentsTable {
  id: UuidPk;
  bill_id: string;
  enterprise_id: string;
  paid_on: IsoDateColumn;
  amount_fen: Fen;
  payee_account_name: string;
  payee_bank: string;
  payee_account_number: string;
  invoice_type: ComputeInvoiceType;
  invoice_no: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export type ComputePayment = Selectable<ComputePaymentsTable>;
