import type { Selectable } from 'kysely';
import type { Fen, NullableTimestamp, Timestamps, UuidPk } from './columns';

/** 包年包月 (subscription, priced per month) or 按量 (metered, priced per hour). */
export type ComputeBilling = 'subscription' | 'metered';

/** A product of the marketplace (算力广场). The payee account is the provider's designated account (CV-6). */
export interface ComputeProductsTable extends Timestamps {
  id: UuidPk;
  name: string;
  spec: string;
  billing: ComputeBilling;
  price_fen: Fen;
  price_unit: 'month' | 'hour';
  product_type: string;
  resource_type: string;
  provider_name: string;
  payee_account_name: string;
  payee_bank: string;
  payee_account_number: string;
  published_at: NullableTimestamp;
  created_by: string | null;
}

export type ComputeProduct = Selectable<ComputeProductsTable>;
