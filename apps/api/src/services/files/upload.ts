import type { Database, FileRow } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';
import { badRequest, forbidden } from '../../errors';
import { type AuditOrigin, appendAudit } from '../audit/append';
import { sha256Hex } from '../auth/tokens';
import { sniffMime } from './sniff';
import type { FileStore } from './store';

export interface UploadInput {
  bytes: Uint8Array;
  originalName: string;
  sensitive: boolean;
}

/**
 * Stores an upload: type by content, SHA-256 as the storage key (identical content is stored once), then the row.
 * Enterprise staff upload for their active enterprise; government roles upload without an owner (e.g. inspection
 * photos), to be attached by the service that uses them.
 */
export async function uploadFile(
  db: Kysely<Database>,
  store: FileStore,
  actor: Actor,
  origin: AuditOrigin,
  input: UploadInput,
): Promise<FileRow> {
  const mime = sniffMime(input.bytes);
  if (!mime) throw badRequest('仅支持 PDF、JPEG、PNG 文件');
  if (actor.role === 'enterprise_staff' && !actor.activeEnterprise) throw forbidden('请先绑定或选择企业');
  const sha256 = sha256Hex(Buffer.from(input.bytes));
  await store.put(sha256, input.bytes);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('files')
      .values({
        sha256,
        mime,
        size_bytes: input.bytes.byteLength,
        storage_key: sha256,
        original_name: input.originalName.slice(0, 200) || 'file',
        owner_enterprise_id: actor.activeEnterprise?.id ?? null,
        uploaded_by: actor.userId,
        sensitive: input.sensitive,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, origin, {
      action: 'file.upload',
      entityType: 'file',
      entityId: row.id,
      data: { sha256, mime, sizeBytes: row.size_bytes, sensitive: row.sensitive },
    });
    return row;
  });
}
