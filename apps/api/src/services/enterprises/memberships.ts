import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';

export async function listMemberships(db: Kysely<Database>, userId: string) {
  const rows = await db
    .selectFrom('enterprise_members as m')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select(['e.id', 'e.name', 'm.member_role'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at')
    .execute();
  return rows.map((r) => ({ enterpriseId: r.id, name: r.name, memberRole: r.member_role }));
}

export async function listMembers(db: Kysely<Database>, enterpriseId: string) {
  const rows = await db
    .selectFrom('enterprise_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name', 'm.member_role', 'm.created_at'])
    .where('m.enterprise_id', '=', enterpriseId)
    .orderBy('m.created_at')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    displayName: r.display_name,
    memberRole: r.member_role,
    since: r.created_at.toISOString(),
  }));
}
