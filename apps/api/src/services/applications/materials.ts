import type { Database } from '@dg/db';
import { materialChecklists, type ProgramId } from '@dg/policy';
import type { Kysely } from 'kysely';
import { badRequest, notFound, staleVersion } from '../../errors';
import { assertEditable } from './editing';
import { type LoadedApplication, loadOwnApplication } from './load';
import { inTransaction } from './transaction';

export interface MaterialChange {
  id: string;
  version: number;
  itemKey: string;
  fileId: string;
}

/** Links (or unlinks) an uploaded file of the enterprise to a checklist item; bumps the application's version. */
export async function changeMaterial(
  db: Kysely<Database>,
  userId: string,
  enterpriseId: string,
  change: MaterialChange,
  action: 'attach' | 'detach',
  now: Date,
): Promise<LoadedApplication> {
  const loaded = await loadOwnApplication(db, enterpriseId, change.id);
  assertEditable(loaded.application);
  const checklist = materialChecklists[loaded.application.program_id as ProgramId];
  if (!checklist.some((item) => item.key === change.itemKey)) throw badRequest('该项目没有这一项申报材料');
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('applications')
      .set({ updated_at: now, version: change.version + 1 })
      .where('id', '=', change.id)
      .where('version', '=', change.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw staleVersion();
    if (action === 'attach') {
      const file = await trx
        .selectFrom('files')
        .select('id')
        .where('id', '=', change.fileId)
        .where('owner_enterprise_id', '=', enterpriseId)
        .executeTakeFirst();
      if (!file) throw notFound('文件不存在或无权使用');
      await trx
        .insertInto('application_materials')
        .values({
          application_id: change.id,
          item_key: change.itemKey,
          file_id: change.fileId,
          added_by: userId,
        })
        .onConflict((oc) => oc.columns(['application_id', 'item_key', 'file_id']).doNothing())
        .execute();
    } else {
      await trx
        .deleteFrom('application_materials')
        .where('application_id', '=', change.id)
        .where('item_key', '=', change.itemKey)
        .where('file_id', '=', change.fileId)
        .execute();
    }
    return { ...loaded, application: updated };
  });
}

/** The checklist in its order (CV-14 for the compute voucher), each item with the files linked to it. */
export async function checklistOf(db: Kysely<Database>, application: { id: string; program_id: string }) {
  const files = await db
    .selectFrom('application_materials as m')
    .innerJoin('files as f', 'f.id', 'm.file_id')
    .select(['m.item_key', 'f.id', 'f.original_name', 'f.mime', 'f.size_bytes', 'f.sha256'])
    .where('m.application_id', '=', application.id)
    .orderBy('m.created_at')
    .execute();
  return materialChecklists[application.program_id as ProgramId].map((item) => ({
    key: item.key,
    order: item.order,
    title: item.title,
    parts: [...item.parts],
    required: item.required,
    rule: item.rule,
    files: files
      .filter((f) => f.item_key === item.key)
      .map((f) => ({
        id: f.id,
        originalName: f.original_name,
        mime: f.mime,
        sizeBytes: Number(f.size_bytes),
        sha256: f.sha256,
      })),
  }));
}
