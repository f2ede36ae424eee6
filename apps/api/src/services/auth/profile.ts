import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import { type AuditOrigin, appendAudit } from '../audit/append';

export async function updateDisplayName(
  db: Kysely<Database>,
  origin: AuditOrigin,
  userId: string,
  displayName: string,
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({ display_name: displayName, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', userId)
      .execute();
    await appendAudit(trx, origin, {
      action: 'user.update_profile',
      entityType: 'user',
      entityId: userId,
      data: { displayName },
    });
  });
}
