import type { Database, Enterprise } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';
import { ENTERPRISE_READERS } from '../../authz/roles';
import { notFound } from '../../errors';

export type EnterpriseAccess = { enterprise: Enterprise; member: boolean };

/**
 * Loads an enterprise the actor may see: its own members; government readers (a town reviewer only in their town).
 * Anyone else gets NOT_FOUND — the same answer as a wrong id, so guessing ids reveals nothing.
 */
export async function loadVisibleEnterprise(
  db: Kysely<Database>,
  actor: Actor,
  enterpriseId: string,
): Promise<EnterpriseAccess> {
  const enterprise = await db
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!enterprise) throw notFound('企业不存在或无权查看');
  if (actor.role === 'enterprise_staff') {
    const member = await db
      .selectFrom('enterprise_members')
      .select('member_role')
      .where('enterprise_id', '=', enterpriseId)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!member) throw notFound('企业不存在或无权查看');
    return { enterprise, member: true };
  }
  if (!ENTERPRISE_READERS.includes(actor.role)) throw notFound('企业不存在或无权查看');
  if (actor.role === 'town_reviewer' && enterprise.town_code !== actor.townCode)
    throw notFound('企业不存在或无权查看');
  return { enterprise, member: false };
}
