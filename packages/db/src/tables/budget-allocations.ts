import type { Insertable, Selectable } from 'kysely';
import type { Fen, Timestamp, UuidPk } from './columns';

/**
 * The budget ledger of an edition (CV-11): what each approved application drew, in order (`seq`) of approval. The
 * last one may be cut to what was left; later ones get 0. Written only under a row lock on the edition.
 */
export interface BudgetAllocationsTable {
  id: UuidPk;
  edition_id: string;
  application_id: string;
  plan_id: string | null;
  seq: number;
  requested_fen: Fen;
  granted_fen: Fen;
  cut_fen: Fen;
  allocated_by: string | null;
  allocated_at: Timestamp;
}

export type BudgetAllocation = Selectable<BudgetAllocationsTable>;
export type NewBudgetAllocation = Insertable<BudgetAllocationsTable>;
