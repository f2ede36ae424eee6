import type { Insertable, Selectable } from 'kysely';
import type { CreatedAt, UuidPk } from './columns';

/** A file attached to a checklist item (CV-14 order, R&D and edge equivalents) of an application. */
export interface ApplicationMaterialsTable {
  id: UuidPk;
  application_id: string;
  item_key: string;
  file_id: string;
  added_by: string;
  created_at: CreatedAt;
}

export type ApplicationMaterial = Selectable<ApplicationMaterialsTable>;
export type NewApplicationMaterial = Insertable<ApplicationMaterialsTable>;
