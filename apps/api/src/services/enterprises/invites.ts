import { randomBytes } from 'node:crypto';
import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';
import { badRequest } from '../../errors';
import { type AuditOrigin, appendAudit } from '../audit/append';
import { sha256Hex } from '../auth/tokens';

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
// No 0/O/1/I: the code is read aloud and typed on a phone.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newInviteCode(): string {
  return Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** The owner creates a one-time invite code (valid 7 days) to give a colleague. */
export async function createInvite(
  db: Kysely<Database>,
  actor: Actor,
  origin: AuditOrigin,
  enterpriseId: string,
) {
  const code = newInviteCode();
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await db.transaction().execute(async (trx) => {
    const invite = await trx
      .insertInto('enterprise_invites')
      .values({
        enterprise_id: enterpriseId,
        code_hash: sha256Hex(code),
        created_by: actor.userId,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, origin, {
      action: 'enterprise.invite',
      entityType: 'enterprise',
      entityId: enterpriseId,
      data: { inviteId: invite.id },
    });
  });
  return { code, expiresAt };
}

/** A colleague (enterprise staff) redeems the code, becomes a member, and the session switches to that enterprise. */
export async function acceptInvite(db: Kysely<Database>, actor: Actor, origin: AuditOrigin, code: string) {
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    const invite = await trx
      .updateTable('enterprise_invites')
      .set((eb) => ({
        accepted_by: actor.userId,
        accepted_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('code_hash', '=', sha256Hex(code.toUpperCase()))
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('enterprise_id')
      .executeTakeFirst();
    if (!invite) throw badRequest('邀请码无效或已过期');
    await trx
      .insertInto('enterprise_members')
      .values({ enterprise_id: invite.enterprise_id, user_id: actor.userId, member_role: 'member' })
      .onConflict((oc) => oc.columns(['enterprise_id', 'user_id']).doNothing())
      .execute();
    await trx
      .updateTable('sessions')
      .set({ active_enterprise_id: invite.enterprise_id, updated_at: now })
      .where('id', '=', actor.sessionId)
      .execute();
    await appendAudit(trx, origin, {
      action: 'enterprise.join',
      entityType: 'enterprise',
      entityId: invite.enterprise_id,
      data: { userId: actor.userId },
    });
    return invite.enterprise_id;
  });
}
