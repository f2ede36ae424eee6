import type { Insertable, Selectable } from 'kysely';
import type { IsoDateColumn, NullableTimestamp, Timestamp, UuidPk } from './columns';

export type ContractChangeKind = 'major' | 'minor' | 'extension';
export type ContractChangeState = 'pending' | 'approved' | 'rejected' | 'filed';

/** A change to a 任务书 (RD-6) or its one extension (RD-5). */
export interface RdContractChangesTable {
  id: UuidPk;
  contract_id: string;
  kind: ContractChangeKind;
  subject: string;
  description: string;
  changed_on: IsoDateColumn | null;
  requested_end_on: IsoDateColumn | null;
  state: ContractChangeState;
  filed_by: string;
  filed_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
}

export type RdContractChange = Selectable<RdContractChangesTable>;
export type NewRdContractChange = Insertable<RdContractChangesTable>;
