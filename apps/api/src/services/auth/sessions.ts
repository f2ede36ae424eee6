import { type Database, prepare, type SessionKind } from '@dg/db';
import type { Kysely } from 'kysely';
import type { Actor } from '../../authz/actor';
import type { Role } from '../../authz/roles';
import { forbidden, notFound } from '../../errors';
import { type AuditOrigin, appendAudit } from '../audit/append';
import { newToken, sha256Hex } from './tokens';

export interface NewSessionInput {
  userId: string;
  kind: SessionKind;
  ttlMs: number;
  activeEnterpriseId?: string | null;
}

export async function createSession(db: Kysely<Database>, input: NewSessionInput, now = new Date()) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + input.ttlMs);
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: sha256Hex(token),
      user_id: input.userId,
      kind: input.kind,
      active_enterprise_id: input.activeEnterpriseId ?? null,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, sessionId: row.id, expiresAt };
}

// last_seen_at is written at most this often per session, so an authenticated read stays a read.
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

/** The session, its user and the active enterprise membership behind a token hash (every request runs it). */
const sessionByTokenHash = prepare((db: Kysely<Database>, args: { tokenHash: string; now: Date }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('enterprise_members as m', (join) =>
      join.onRef('m.enterprise_id', '=', 's.active_enterprise_id').onRef('m.user_id', '=', 's.user_id'),
    )
    .select([
      's.id as session_id',
      's.kind',
      's.last_seen_at',
      'u.id as user_id',
      'u.role',
      'u.display_name',
      'u.town_code',
      'm.enterprise_id',
      'm.member_role',
    ])
    .where('s.token_hash', '=', args.tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', args.now)
    .where('u.disabled_at', 'is', null),
);

/** Resolves a token to its actor: a live session (not expired, not revoked) of an enabled user. */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<Actor | null> {
  const [row] = await sessionByTokenHash(db, { tokenHash: sha256Hex(token), now });
  if (!row) return null;
  if (!row.last_seen_at || now.getTime() - row.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.session_id).execute();
  }
  return {
    userId: row.user_id,
    role: row.role as Role,
    displayName: row.display_name,
    townCode: row.town_code,
    sessionId: row.session_id,
    sessionKind: row.kind,
    activeEnterprise:
      row.enterprise_id && row.member_role ? { id: row.enterprise_id, memberRole: row.member_role } : null,
  };
}

export async function listSessions(db: Kysely<Database>, userId: string, now = new Date()) {
  return db
    .selectFrom('sessions')
    .select(['id', 'kind', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes one of the user's own sessions (admins pass `userId: null` to revoke anyone's), audited. */
export async function revokeSession(
  db: Kysely<Database>,
  origin: AuditOrigin,
  sessionId: string,
  userId: string | null,
  now = new Date(),
) {
  await db.transaction().execute(async (trx) => {
    let query = trx
      .updateTable('sessions')
      .set((eb) => ({ revoked_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null);
    if (userId) query = query.where('user_id', '=', userId);
    const result = await query.executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('会话不存在或已失效');
    await appendAudit(trx, origin, {
      action: 'auth.revoke_session',
      entityType: 'session',
      entityId: sessionId,
    });
  });
}

export async function revokeAllSessions(db: Kysely<Database>, userId: string, now = new Date()) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Points the session at another enterprise the user is a member of. */
export async function switchEnterprise(db: Kysely<Database>, actor: Actor, enterpriseId: string) {
  const member = await db
    .selectFrom('enterprise_members')
    .select('member_role')
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!member) throw forbidden('您不是该企业的成员');
  await db
    .updateTable('sessions')
    .set({ active_enterprise_id: enterpriseId, updated_at: new Date() })
    .where('id', '=', actor.sessionId)
    .execute();
  return { id: enterpriseId, memberRole: member.member_role };
}
