import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import { unauthorized } from '../../errors';
import { hitRateLimit } from '../rate-limit';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { appendAudit, recordAudit } from '../audit/append';
import { createSession, type NewSessionInput } from './sessions';
import type { WechatSessionAdapter } from './wechat';

// Failed-and-successful attempts both count: the limit bounds guessing per login and per client address.
const LOGIN_LIMIT_PER_ACCOUNT = { limit: 10, windowSeconds: 15 * 60 };
const LOGIN_LIMIT_PER_ADDRESS = { limit: 50, windowSeconds: 15 * 60 };

export interface StaffLoginInput {
  login: string;
  password: string;
  ip: string;
  ttlMs: number;
  requestId: string;
}

/** Web login for every role but enterprise staff: login + scrypt password → a web (cookie) session. */
export async function staffLogin(db: Kysely<Database>, input: StaffLoginInput) {
  await hitRateLimit(db, { key: `login:account:${input.login.toLowerCase()}`, ...LOGIN_LIMIT_PER_ACCOUNT });
  await hitRateLimit(db, { key: `login:ip:${input.ip}`, ...LOGIN_LIMIT_PER_ADDRESS });
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'role', 'display_name', 'disabled_at'])
    .where('login', '=', input.login.toLowerCase())
    .executeTakeFirst();
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user?.password_hash || !valid || user.disabled_at) {
    await recordAudit(
      db,
      { actor: null, requestId: input.requestId },
      {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        data: { login: input.login.toLowerCase(), ip: input.ip },
      },
    );
    throw unauthorized('账号或密码不正确');
  }
  return openAuditedSession(db, { userId: user.id, role: user.role }, input.requestId, {
    userId: user.id,
    kind: 'web',
    ttlMs: input.ttlMs,
  });
}

/** A new session and its audit row, in one transaction. */
async function openAuditedSession(
  db: Kysely<Database>,
  actor: { userId: string; role: string },
  requestId: string,
  session: NewSessionInput,
) {
  const opened = await db.transaction().execute(async (trx) => {
    const created = await createSession(trx, session);
    await appendAudit(
      trx,
      { actor, requestId },
      {
        action: 'auth.login',
        entityType: 'session',
        entityId: created.sessionId,
        data: { kind: session.kind },
      },
    );
    return created;
  });
  return { ...opened, userId: actor.userId };
}

export interface WechatLoginInput {
  code: string;
  ip: string;
  ttlMs: number;
  requestId: string;
}

/**
 * Mini-program login: exchanges the wx.login code for an openid, finds or creates the enterprise-staff user, and
 * opens a bearer session acting for the user's first enterprise (if any).
 */
export async function wechatLogin(
  db: Kysely<Database>,
  wechat: WechatSessionAdapter,
  input: WechatLoginInput,
) {
  await hitRateLimit(db, { key: `login:ip:${input.ip}`, ...LOGIN_LIMIT_PER_ADDRESS });
  const { openid } = await wechat.code2Session(input.code);
  const user = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select(['id', 'role', 'disabled_at'])
      .where('wechat_openid', '=', openid)
      .executeTakeFirst();
    if (existing) return existing;
    return trx
      .insertInto('users')
      .values({ display_name: '微信用户', wechat_openid: openid, role: 'enterprise_staff' })
      .onConflict((oc) => oc.column('wechat_openid').doUpdateSet({ updated_at: new Date() }))
      .returning(['id', 'role', 'disabled_at'])
      .executeTakeFirstOrThrow();
  });
  if (user.disabled_at || user.role !== 'enterprise_staff') throw unauthorized('该微信账号不能登录小程序');
  const firstMembership = await db
    .selectFrom('enterprise_members')
    .select('enterprise_id')
    .where('user_id', '=', user.id)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return openAuditedSession(db, { userId: user.id, role: user.role }, input.requestId, {
    userId: user.id,
    kind: 'bearer',
    ttlMs: input.ttlMs,
    activeEnterpriseId: firstMembership?.enterprise_id ?? null,
  });
}
