import type { Generated, Insertable, Selectable } from 'kysely';
import type { CreatedAt, UuidPk } from './columns';

/** An uploaded document. Immutable: content never changes, so no version. */
export interface FilesTable {
  id: UuidPk;
  sha256: string;
  mime: string;
  size_bytes: number;
  storage_key: string;
  original_name: string;
  owner_enterprise_id: string | null;
  uploaded_by: string;
  /** Identity documents (licence, ID card) — reading one writes an audit row. */
  sensitive: Generated<boolean>;
  created_at: CreatedAt;
}

export type FileRow = Selectable<FilesTable>;
export type NewFileRow = Insertable<FilesTable>;
