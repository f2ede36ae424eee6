import type { Database, FileRow } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';

/**
 * An expert reads the material files of applications they may review: files attached to an application, of an
 * enterprise the expert declared no tie to (the same rule that keeps those applications out of their queues).
 */
export async function expertMayReadMaterial(
  db: Kysely<Database>,
  actor: Actor,
  file: FileRow,
): Promise<boolean> {
  if (actor.role !== 'expert' || !file.owner_enterprise_id) return false;
  const attached = await db
    .selectFrom('application_materials as m')
    .innerJoin('applications as a', 'a.id', 'm.application_id')
    .select('m.id')
    .where('m.file_id', '=', file.id)
    .where('a.state', '!=', 'draft')
    .executeTakeFirst();
  if (!attached) return false;
  const tie = await db
    .selectFrom('expert_conflicts')
    .select('id')
    .where('expert_user_id', '=', actor.userId)
    .where('enterprise_id', '=', file.owner_enterprise_id)
    .executeTakeFirst();
  return !tie;
}
