import type { Database } from '@dg/db';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../authz/actor';
import { badRequest, conflict } from '../../errors';
import type { bindEnterpriseInput, registerEnterpriseInput } from '../../schemas/enterprises';
import { type AuditOrigin, appendAudit } from '../audit/append';
import { consumeSmsCode } from '../auth/sms-codes';

// A WeChat user becomes an enterprise's owner by proving control of the legal representative's mobile (SMS code):
// either binding an enterprise already on the platform, or registering a new one.

async function makeOwner(trx: Transaction<Database>, actor: Actor, enterpriseId: string) {
  const now = new Date();
  await trx
    .insertInto('enterprise_members')
    .values({ enterprise_id: enterpriseId, user_id: actor.userId, member_role: 'owner' })
    .onConflict((oc) =>
      oc.columns(['enterprise_id', 'user_id']).doUpdateSet((eb) => ({
        member_role: 'owner',
        updated_at: now,
        version: eb('enterprise_members.version', '+', 1),
      })),
    )
    .execute();
  await trx
    .updateTable('sessions')
    .set({ active_enterprise_id: enterpriseId, updated_at: now })
    .where('id', '=', actor.sessionId)
    .execute();
}

export async function bindEnterprise(
  db: Kysely<Database>,
  actor: Actor,
  origin: AuditOrigin,
  input: z.infer<typeof bindEnterpriseInput>,
) {
  await consumeSmsCode(db, input.legalRepMobile, 'bind_enterprise', input.smsCode);
  return db.transaction().execute(async (trx) => {
    const enterprise = await trx
      .selectFrom('enterprises')
      .select(['id', 'legal_rep_mobile'])
      .where('uscc', '=', input.uscc)
      .executeTakeFirst();
    if (!enterprise || enterprise.legal_rep_mobile !== input.legalRepMobile) {
      throw badRequest('统一社会信用代码与法定代表人手机号不匹配');
    }
    await makeOwner(trx, actor, enterprise.id);
    await appendAudit(trx, origin, {
      action: 'enterprise.bind',
      entityType: 'enterprise',
      entityId: enterprise.id,
      data: { userId: actor.userId },
    });
    return enterprise.id;
  });
}

export async function registerEnterprise(
  db: Kysely<Database>,
  actor: Actor,
  origin: AuditOrigin,
  input: z.infer<typeof registerEnterpriseInput>,
) {
  await consumeSmsCode(db, input.legalRepMobile, 'register_enterprise', input.smsCode);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('uscc', '=', input.uscc)
      .executeTakeFirst();
    if (taken) throw conflict('该统一社会信用代码已注册，请通过法定代表人手机号绑定');
    const enterprise = await trx
      .insertInto('enterprises')
      .values({
        uscc: input.uscc,
        name: input.name,
        category: input.category,
        town_code: input.townCode,
        industrial: input.industrial,
        legal_rep_name: input.legalRepName,
        legal_rep_mobile: input.legalRepMobile,
        address: input.address ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await makeOwner(trx, actor, enterprise.id);
    await appendAudit(trx, origin, {
      action: 'enterprise.register',
      entityType: 'enterprise',
      entityId: enterprise.id,
      data: { uscc: input.uscc, name: input.name, townCode: input.townCode },
    });
    return enterprise.id;
  });
}
