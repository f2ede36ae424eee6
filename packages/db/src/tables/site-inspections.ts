import type { Insertable, Selectable, Updateable } from 'kysely';
import type { IsoDateColumn, Json, Timestamps, UuidPk } from './columns';

/** A site inspection (现场考察) of an application. */
export interface SiteInspectionsTable extends Timestamps {
  id: UuidPk;
  application_id: string;
  inspector_user_id: string;
  visited_on: IsoDateColumn;
  /** 'pass' | 'fail' | 'needs_followup'. */
  result: string;
  findings: string;
  file_ids: Json<string[]>;
}

export type SiteInspection = Selectable<SiteInspectionsTable>;
export type NewSiteInspection = Insertable<SiteInspectionsTable>;
export type SiteInspectionUpdate = Updateable<SiteInspectionsTable>;
