import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';
import { unauthorized } from '../../errors';

/** Re-reads the actor after a change to its own session (bound, joined or switched enterprise). */
export async function authenticateSession(db: Kysely<Database>, actor: Actor): Promise<Actor> {
  const row = await db
    .selectFrom('sessions as s')
    .leftJoin('enterprise_members as m', (join) =>
      join.onRef('m.enterprise_id', '=', 's.active_enterprise_id').onRef('m.user_id', '=', 's.user_id'),
    )
    .select(['m.enterprise_id', 'm.member_role'])
    .where('s.id', '=', actor.sessionId)
    .executeTakeFirst();
  if (!row) throw unauthorized();
  return {
    ...actor,
    activeEnterprise:
      row.enterprise_id && row.member_role ? { id: row.enterprise_id, memberRole: row.member_role } : null,
  };
}
