import { randomInt } from 'node:crypto';
import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import { badRequest } from '../../errors';
import { hitRateLimit } from '../rate-limit';
import type { SmsSender } from './sms';
import { sha256Hex } from './tokens';

export type SmsPurpose = 'bind_enterprise' | 'register_enterprise';

const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;

function codeHash(mobile: string, purpose: SmsPurpose, code: string): string {
  return sha256Hex(`${purpose}:${mobile}:${code}`);
}

/** Issues a 6-digit code to `mobile` (one per minute, ten per day per number), returns it for dev adapters only. */
export async function issueSmsCode(
  db: Kysely<Database>,
  sms: SmsSender,
  mobile: string,
  purpose: SmsPurpose,
  now = new Date(),
): Promise<{ expiresAt: Date; devCode: string | null }> {
  await hitRateLimit(db, { key: `sms:minute:${mobile}`, limit: 1, windowSeconds: 60 }, now);
  await hitRateLimit(db, { key: `sms:day:${mobile}`, limit: 10, windowSeconds: 86_400 }, now);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await db
    .insertInto('sms_codes')
    .values({ mobile, purpose, code_hash: codeHash(mobile, purpose, code), expires_at: expiresAt })
    .execute();
  await sms.sendCode(mobile, code);
  return { expiresAt, devCode: sms.revealsCodes ? code : null };
}

/**
 * Consumes the newest live code for (mobile, purpose) if `code` matches; each wrong try counts, and after five the
 * code is dead. Throws BAD_REQUEST with the reason.
 */
export async function consumeSmsCode(
  db: Kysely<Database>,
  mobile: string,
  purpose: SmsPurpose,
  code: string,
  now = new Date(),
): Promise<void> {
  const row = await db
    .selectFrom('sms_codes')
    .select(['id', 'code_hash', 'attempts'])
    .where('mobile', '=', mobile)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.attempts >= MAX_ATTEMPTS) throw badRequest('验证码已失效，请重新获取');
  if (row.code_hash !== codeHash(mobile, purpose, code)) {
    await db
      .updateTable('sms_codes')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('id', '=', row.id)
      .execute();
    throw badRequest('验证码不正确');
  }
  const consumed = await db
    .updateTable('sms_codes')
    .set({ consumed_at: now, updated_at: now })
    .where('id', '=', row.id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  if (consumed.numUpdatedRows === 0n) throw badRequest('验证码已使用，请重新获取');
}
