import type { Database, Enterprise } from '@dg/db';
import { maskBankAccount } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../authz/actor';
import { notFound, staleVersion } from '../../errors';
import type {
  listEnterprisesInput,
  updateCreditInput,
  updateEnterpriseInput,
} from '../../schemas/enterprises';
import { type AuditOrigin, appendAudit } from '../audit/append';

/** Owner edits of the enterprise's contact and bank details, with optimistic locking. */
export async function updateEnterprise(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: z.infer<typeof updateEnterpriseInput>,
): Promise<Enterprise> {
  const changes = {
    ...(input.address !== undefined && { address: input.address }),
    ...(input.bankAccountName !== undefined && { bank_account_name: input.bankAccountName }),
    ...(input.bankName !== undefined && { bank_name: input.bankName }),
    ...(input.bankAccountNumber !== undefined && { bank_account_number: input.bankAccountNumber }),
  };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('enterprises')
      .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw await missingOrStale(trx, input.id);
    await appendAudit(trx, origin, {
      action: 'enterprise.update',
      entityType: 'enterprise',
      entityId: input.id,
      data: {
        ...changes,
        ...(changes.bank_account_number && {
          bank_account_number: maskBankAccount(changes.bank_account_number),
        }),
      },
    });
    return row;
  });
}

/** Records the GEN-2 credit-list check (经营异常名录, 严重违法失信名单) with when and where it was made. */
export async function updateCredit(
  db: Kysely<Database>,
  origin: AuditOrigin,
  input: z.infer<typeof updateCreditInput>,
): Promise<Enterprise> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const row = await trx
      .updateTable('enterprises')
      .set((eb) => ({
        abnormal_operation_listed: input.abnormalOperationListed,
        serious_dishonesty_listed: input.seriousDishonestyListed,
        credit_checked_at: now,
        credit_source: input.source,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw await missingOrStale(trx, input.id);
    await appendAudit(trx, origin, {
      action: 'enterprise.credit',
      entityType: 'enterprise',
      entityId: input.id,
      data: {
        abnormalOperationListed: input.abnormalOperationListed,
        seriousDishonestyListed: input.seriousDishonestyListed,
        source: input.source,
      },
    });
    return row;
  });
}

async function missingOrStale(db: Kysely<Database>, id: string) {
  const exists = await db.selectFrom('enterprises').select('id').where('id', '=', id).executeTakeFirst();
  return exists ? staleVersion() : notFound('企业不存在');
}

/** Government readers' list; a town reviewer sees only their own town whatever filter they send. */
export async function listEnterprises(
  db: Kysely<Database>,
  actor: Actor,
  input: z.infer<typeof listEnterprisesInput>,
) {
  const townCode = actor.role === 'town_reviewer' ? (actor.townCode ?? '') : input.townCode;
  let query = db
    .selectFrom('enterprises')
    .select(['id', 'uscc', 'name', 'category', 'town_code', 'industrial'])
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit);
  if (townCode !== undefined) query = query.where('town_code', '=', townCode);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'like', like), eb('uscc', 'like', like)]));
  }
  if (input.after) {
    const { name, id } = input.after;
    query = query.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  return query.execute();
}
