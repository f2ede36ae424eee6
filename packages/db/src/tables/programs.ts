import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Timestamps } from './columns';

/** One row per @dg/policy `ProgramId` ('compute-voucher' | 'vertical-model-rd' | 'edge-node-deployment'). */
export interface ProgramsTable extends Timestamps {
  id: string;
  name: string;
}

export type Program = Selectable<ProgramsTable>;
export type NewProgram = Insertable<ProgramsTable>;
export type ProgramUpdate = Updateable<ProgramsTable>;
