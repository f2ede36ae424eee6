import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Fen, NullableJson, NullableTimestamp, Timestamps, UuidPk } from './columns';

/**
 * A guide/batch of a program (e.g. compute-voucher '2025-1'): its window, budget and the managing unit's parameter
 * overrides (CV-11 may only lower rates and caps; the policy core checks that).
 */
export interface EditionsTable extends Timestamps {
  id: UuidPk;
  program_id: string;
  /** The policy core's edition key, e.g. '2025-1'. Unique per program. */
  code: string;
  title: string;
  opens_at: NullableTimestamp;
  closes_at: NullableTimestamp;
  budget_fen: Fen | null;
  parameter_overrides: NullableJson<Record<string, unknown>>;
}

export type Edition = Selectable<EditionsTable>;
export type NewEdition = Insertable<EditionsTable>;
export type EditionUpdate = Updateable<EditionsTable>;
