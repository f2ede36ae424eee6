import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';
import { badRequest } from '../../errors';
import { type AuditOrigin, appendAudit } from '../audit/append';
import { hitRateLimit } from '../rate-limit';
import { hashPassword, verifyPassword } from './passwords';

/** A staff user changes their own password; their other sessions end, this one stays. */
export async function changePassword(
  db: Kysely<Database>,
  actor: Actor,
  origin: AuditOrigin,
  current: string,
  next: string,
) {
  await hitRateLimit(db, { key: `password:${actor.userId}`, limit: 10, windowSeconds: 15 * 60 });
  const user = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  if (!user?.password_hash || !(await verifyPassword(current, user.password_hash))) {
    throw badRequest('当前密码不正确');
  }
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', actor.userId)
      .execute();
    await trx
      .updateTable('sessions')
      .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('user_id', '=', actor.userId)
      .where('id', '!=', actor.sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(trx, origin, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}
