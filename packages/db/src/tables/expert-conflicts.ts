import type { Insertable, Selectable } from 'kysely';
import type { CreatedAt, UuidPk } from './columns';

/** An expert's declared tie to an enterprise: the expert never sees that enterprise's applications. */
export interface ExpertConflictsTable {
  id: UuidPk;
  expert_user_id: string;
  enterprise_id: string;
  reason: string;
  created_at: CreatedAt;
}

export type ExpertConflict = Selectable<ExpertConflictsTable>;
export type NewExpertConflict = Insertable<ExpertConflictsTable>;
