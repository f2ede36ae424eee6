import type { Database, FileRow } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';
import { notFound } from '../../errors';
import { expertMayReadMaterial } from '../reviews/file-access';

/**
 * Who may read a file. Add a rule here when a new reader appears (e.g. an expert for the applications assigned to
 * them): each rule answers for one case and the first `true` wins.
 */
export type FileReadRule = (db: Kysely<Database>, actor: Actor, file: FileRow) => Promise<boolean> | boolean;

export const fileReadRules: FileReadRule[] = [
  // The uploader.
  (_db, actor, file) => file.uploaded_by === actor.userId,
  // Members of the owning enterprise.
  async (db, actor, file) => {
    if (actor.role !== 'enterprise_staff' || !file.owner_enterprise_id) return false;
    const member = await db
      .selectFrom('enterprise_members')
      .select('user_id')
      .where('enterprise_id', '=', file.owner_enterprise_id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    return Boolean(member);
  },
  // City-level government roles.
  (_db, actor) => ['city_reviewer', 'approver', 'finance', 'admin'].includes(actor.role),
  // A town reviewer: files of enterprises in their town.
  async (db, actor, file) => {
    if (actor.role !== 'town_reviewer' || !file.owner_enterprise_id || !actor.townCode) return false;
    const enterprise = await db
      .selectFrom('enterprises')
      .select('town_code')
      .where('id', '=', file.owner_enterprise_id)
      .executeTakeFirst();
    return enterprise?.town_code === actor.townCode;
  },
  // An expert: materials of applications they may review (never of an enterprise they declared a tie to).
  expertMayReadMaterial,
];

/** Loads a file the actor may read; NOT_FOUND otherwise (same as a wrong id). */
export async function loadReadableFile(db: Kysely<Database>, actor: Actor, fileId: string): Promise<FileRow> {
  const file = await db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (file) {
    for (const rule of fileReadRules) {
      if (await rule(db, actor, file)) return file;
    }
  }
  throw notFound('文件不存在或无权查看');
}
