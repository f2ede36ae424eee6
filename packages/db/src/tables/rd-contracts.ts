import type { Insertable, Selectable } from 'kysely';
import type { Fen, IsoDateColumn, Json, NullableJson, Timestamps, UuidPk } from './columns';

export interface ContractIndicator {
  key: string;
  name: string;
  target: string;
}

/** 任务书 of an approved R&D project: its period (RD-5), indicators, grant and what happened to it. */
export interface RdContractsTable extends Timestamps {
  id: UuidPk;
  application_id: string;
  contract_number: string;
  terms: string;
  indicators: Json<ContractIndicator[]>;
  guide_published_on: IsoDateColumn;
  signed_on: IsoDateColumn;
  start_on: IsoDateColumn;
  original_end_on: IsoDateColumn;
  /** The end date in force (after an approved extension). */
  end_on: IsoDateColumn;
  extensions_granted: number;
  /** City approval day: the edition's rates in force that day settle phase 2 (RD-4). */
  approved_on: IsoDateColumn;
  edition_code: string;
  ip_retained_in_dongguan: boolean;
  approved_grant_fen: Fen;
  phase1_fen: Fen;
  actual_investment_fen: Fen | null;
  acceptance: NullableJson<Record<string, unknown>>;
  settlement: NullableJson<Record<string, unknown>>;
  closure: NullableJson<Record<string, unknown>>;
  signed_by: string;
}

export type RdContract = Selectable<RdContractsTable>;
export type NewRdContract = Insertable<RdContractsTable>;
