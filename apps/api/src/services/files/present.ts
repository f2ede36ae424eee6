import type { FileRow } from '@dg/db';
import type { AcceptedMime } from './sniff';

export function presentFile(row: FileRow) {
  return {
    id: row.id,
    sha256: row.sha256,
    mime: row.mime as AcceptedMime,
    sizeBytes: row.size_bytes,
    originalName: row.original_name,
    ownerEnterpriseId: row.owner_enterprise_id,
    sensitive: row.sensitive,
    createdAt: row.created_at.toISOString(),
  };
}
