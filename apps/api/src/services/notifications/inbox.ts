import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';

const LIMIT = 50;

/** The caller's own inbox and, for staff roles, their role's queue; newest first. */
export async function listNotifications(db: Kysely<Database>, actor: Actor, unreadOnly: boolean) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'application_id', 'kind', 'title', 'body', 'read_at', 'created_at', 'role'])
    .where((eb) =>
      actor.role === 'enterprise_staff'
        ? eb('user_id', '=', actor.userId)
        : eb.or([eb('user_id', '=', actor.userId), eb('role', '=', actor.role)]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(LIMIT);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    queue: r.role !== null,
    readAt: r.read_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Marks the caller's own messages read (a role queue's items are done by acting on them, not by reading). */
export async function markRead(
  db: Kysely<Database>,
  actor: Actor,
  ids: string[],
  now: Date,
): Promise<number> {
  if (!ids.length) return 0;
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('id', 'in', ids)
    .where('user_id', '=', actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
