import type { ComputeAccount, Database } from '@dg/db';
import { maskResidentId } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import type {
  applyComputeAccountInput,
  computeAccountSchema,
  reviewComputeAccountInput,
  submitComputeIdentityInput,
} from '../../schemas/compute';
import { appendAudit } from '../audit/append';
import type { ComputeContext } from './context';
import { inTransaction } from '../applications/transaction';

// Ordering rights on the compute service platform: registration → platform review → identity verification (ID
// number and photos, manual review). The ID number is sealed at rest; only its mask is ever shown.

type AccountRow = ComputeAccount & { enterprise_name: string };

export function hasOrderingRights(
  a: Pick<ComputeAccount, 'registration_status' | 'identity_status'>,
): boolean {
  return a.registration_status === 'approved' && a.identity_status === 'verified';
}

export function presentAccount(a: AccountRow): z.infer<typeof computeAccountSchema> {
  return {
    enterpriseId: a.enterprise_id,
    enterpriseName: a.enterprise_name,
    username: a.username,
    contactName: a.contact_name,
    contactMobile: a.contact_mobile,
    companyEmail: a.company_email,
    address: a.address,
    scenario: a.scenario,
    staffSize: a.staff_size,
    industry: a.industry,
    registrationStatus: a.registration_status,
    identityStatus: a.identity_status,
    idHolderName: a.id_holder_name,
    idNumberMasked: a.id_number_masked,
    reviewNote: a.review_note,
    orderingRights: hasOrderingRights(a),
  };
}

function accountsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('compute_accounts as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .selectAll('a')
    .select('e.name as enterprise_name');
}

export async function findAccount(
  db: Kysely<Database>,
  enterpriseId: string,
): Promise<AccountRow | undefined> {
  return accountsQuery(db).where('a.enterprise_id', '=', enterpriseId).executeTakeFirst();
}

export async function listAccounts(db: Kysely<Database>, status?: ComputeAccount['registration_status']) {
  let query = accountsQuery(db);
  if (status) query = query.where('a.registration_status', '=', status);
  return (await query.orderBy('a.created_at', 'desc').limit(500).execute()).map(presentAccount);
}

/** Registration (or re-registration after a rejection) for the enterprise: pending platform review. */
export async function applyForAccount(
  ctx: ComputeContext,
  enterpriseId: string,
  input: z.infer<typeof applyComputeAccountInput>,
): Promise<AccountRow> {
  return inTransaction(ctx.db, async (trx) => {
    const existing = await trx
      .selectFrom('compute_accounts')
      .select('registration_status')
      .where('enterprise_id', '=', enterpriseId)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.registration_status !== 'rejected') throw conflict('本企业已提交注册申请');
    const values = {
      username: input.username,
      contact_name: input.contactName,
      contact_mobile: input.contactMobile,
      company_email: input.companyEmail,
      address: input.address,
      scenario: input.scenario,
      staff_size: input.staffSize,
      industry: input.industry,
      registration_status: 'pending' as const,
    };
    if (existing)
      await trx
        .updateTable('compute_accounts')
        .set((eb) => ({
          ...values,
          review_note: null,
          updated_at: ctx.now(),
          version: eb('version', '+', 1),
        }))
        .where('enterprise_id', '=', enterpriseId)
        .execute();
    else
      await trx
        .insertInto('compute_accounts')
        .values({ enterprise_id: enterpriseId, ...values, identity_status: 'none' })
        .execute();
    await appendAudit(trx, ctx.origin, {
      action: 'compute.account.apply',
      entityType: 'compute_account',
      entityId: enterpriseId,
      data: { username: input.username },
    });
    return (await findAccount(trx, enterpriseId)) as AccountRow;
  });
}

export async function submitIdentity(
  ctx: ComputeContext,
  enterpriseId: string,
  input: z.infer<typeof submitComputeIdentityInput>,
): Promise<AccountRow> {
  return inTransaction(ctx.db, async (trx) => {
    const account = await trx
      .selectFrom('compute_accounts')
      .select(['registration_status', 'identity_status'])
      .where('enterprise_id', '=', enterpriseId)
      .forUpdate()
      .executeTakeFirst();
    if (!account) throw badRequest('请先提交平台注册申请');
    if (account.identity_status === 'verified') throw conflict('实名认证已通过');
    const files = await trx
      .selectFrom('files')
      .select('id')
      .where('id', 'in', [input.frontFileId, input.backFileId])
      .where('owner_enterprise_id', '=', enterpriseId)
      .execute();
    if (files.length !== new Set([input.frontFileId, input.backFileId]).size)
      throw badRequest('身份证照片须为本企业上传的文件');
    await trx
      .updateTable('compute_accounts')
      .set((eb) => ({
        identity_status: 'pending',
        id_holder_name: input.holderName,
        id_number_ciphertext: ctx.box().seal(input.idNumber),
        id_number_masked: maskResidentId(input.idNumber),
        id_front_file_id: input.frontFileId,
        id_back_file_id: input.backFileId,
        updated_at: ctx.now(),
        version: eb('version', '+', 1),
      }))
      .where('enterprise_id', '=', enterpriseId)
      .execute();
    await appendAudit(trx, ctx.origin, {
      action: 'compute.account.identity_submit',
      entityType: 'compute_account',
      entityId: enterpriseId,
      data: { idNumber: maskResidentId(input.idNumber) },
    });
    return (await findAccount(trx, enterpriseId)) as AccountRow;
  });
}

/** The platform's review of the registration (`registration`) or of the identity documents (`identity`). */
export async function reviewAccount(
  ctx: ComputeContext,
  step: 'registration' | 'identity',
  input: z.infer<typeof reviewComputeAccountInput>,
): Promise<AccountRow> {
  return inTransaction(ctx.db, async (trx) => {
    const account = await trx
      .selectFrom('compute_accounts')
      .select(['registration_status', 'identity_status'])
      .where('enterprise_id', '=', input.enterpriseId)
      .forUpdate()
      .executeTakeFirst();
    if (!account) throw notFound('该企业未提交注册申请');
    const approve = input.decision === 'approve';
    if (step === 'registration') {
      if (account.registration_status !== 'pending') throw conflict('注册申请不在待审核状态');
    } else {
      if (account.identity_status !== 'pending') throw conflict('实名认证不在待审核状态');
      if (account.registration_status !== 'approved') throw forbidden('请先通过注册审核');
    }
    await trx
      .updateTable('compute_accounts')
      .set((eb) => ({
        ...(step === 'registration'
          ? { registration_status: approve ? 'approved' : 'rejected' }
          : { identity_status: approve ? 'verified' : 'rejected' }),
        review_note: input.note ?? null,
        reviewed_by: ctx.userId,
        reviewed_at: ctx.now(),
        updated_at: ctx.now(),
        version: eb('version', '+', 1),
      }))
      .where('enterprise_id', '=', input.enterpriseId)
      .execute();
    await appendAudit(trx, ctx.origin, {
      action: `compute.account.${step}_${input.decision}`,
      entityType: 'compute_account',
      entityId: input.enterpriseId,
      data: { ...(input.note && { note: input.note }) },
    });
    return (await findAccount(trx, input.enterpriseId)) as AccountRow;
  });
}
