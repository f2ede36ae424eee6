import type { Selectable } from 'kysely';
import type { Fen, IsoDateColumn, NullableJson, NullableTimestamp, Timestamps, UuidPk } from './columns';

export type ComputeOrderState =
  | 'submitted'
  | 'in_approval'
  | 'approved'
  | 'rejected'
  | 'contracted'
  | 'provisioned'
  | 'completed'
  | 'cancelled';

/** An order of a product by an enterprise. Access details are AES-256-GCM ciphertext; `access_masked` is for display. */
export interface ComputeOrdersTable extends Timestamps {
  id: UuidPk;
  order_no: string;
  enterprise_id: string;
  product_id: string;
  ordered_by: string;
  spec: string;
  billing: string;
  unit_price_fen: Fen;
  price_unit: string;
  duration_months: number | null;
  quantity: number;
  /** Subscription: price × months × quantity; metered: null (the bills say). */
  amount_fen: Fen | null;
  use_voucher: boolean;
  state: ComputeOrderState;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  contract_no: string | null;
  contract_signed_on: IsoDateColumn | null;
  contract_file_id: string | null;
  service_start: IsoDateColumn | null;
  service_end: IsoDateColumn | null;
  access_ciphertext: string | null;
  access_masked: NullableJson<{ host: string; account: string; password: string }>;
  provisioned_at: NullableTimestamp;
}

export type ComputeOrder = Selectable<ComputeOrdersTable>;
