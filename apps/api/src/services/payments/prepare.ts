import type { Database } from '@dg/db';
import { type ProgramId, programLabels } from '@dg/policy';
import type { Transaction } from 'kysely';
import { badRequest, conflict } from '../../errors';
import type { Act } from '../progress/act';
import { createPayment, type Payee } from './workflow';

async function payeeOf(trx: Transaction<Database>, enterpriseId: string): Promise<Payee> {
  const e = await trx
    .selectFrom('enterprises')
    .select(['bank_account_name', 'bank_name', 'bank_account_number'])
    .where('id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  if (!e.bank_account_name || !e.bank_name || !e.bank_account_number)
    throw badRequest('申报单位未登记收款银行账户，请企业先完善开户信息');
  return { accountName: e.bank_account_name, bank: e.bank_name, accountNumber: e.bank_account_number };
}

async function notAlreadyPaying(trx: Transaction<Database>, applicationIds: string[], kinds: string[]) {
  const open = await trx
    .selectFrom('payment_lines as l')
    .innerJoin('payments as p', 'p.id', 'l.payment_id')
    .select('l.application_id')
    .where('l.application_id', 'in', applicationIds)
    .where('p.kind', 'in', kinds as never)
    .where('p.state', '!=', 'cancelled')
    .execute();
  if (open.length) throw conflict(`以下申报已有支付记录：${open.map((o) => o.application_id).join('、')}`);
}

/**
 * One disbursement for one enterprise: its compute-voucher and edge subsidies awaiting payment (资金拨付), each for
 * what the budget granted it, to the enterprise's registered account.
 */
export async function prepareDisbursement(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationIds: string[] },
) {
  const rows = await trx
    .selectFrom('applications as a')
    .leftJoin('budget_allocations as b', 'b.application_id', 'a.id')
    .select(['a.id', 'a.program_id', 'a.state', 'a.enterprise_id', 'a.tracking_number', 'b.granted_fen'])
    .where('a.id', 'in', input.applicationIds)
    .execute();
  if (rows.length !== input.applicationIds.length) throw badRequest('有申报不存在');
  const enterprises = new Set(rows.map((r) => r.enterprise_id));
  if (enterprises.size !== 1) throw badRequest('一笔支付只能付给一个申报单位');
  const notReady = rows.filter(
    (r) => r.state !== 'disbursement' || r.program_id === 'vertical-model-rd' || !r.granted_fen,
  );
  if (notReady.length)
    throw badRequest(`以下申报不在“资金拨付”阶段或无批准金额：${notReady.map((r) => r.id).join('、')}`);
  await notAlreadyPaying(trx, input.applicationIds, ['disbursement']);
  const enterpriseId = rows[0]!.enterprise_id;
  return createPayment(trx, act, {
    enterpriseId,
    kind: 'disbursement',
    payee: await payeeOf(trx, enterpriseId),
    lines: rows.map((r) => ({
      applicationId: r.id,
      programId: r.program_id,
      amountFen: r.granted_fen!,
      description: `${programLabels[r.program_id as ProgramId]}资助 ${r.tracking_number ?? ''}`.trim(),
    })),
  });
}

/** R&D: phase 1 once the contract is signed, phase 2 or the reclaim once acceptance settled (RD-4). */
export async function prepareRdPayment(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string },
) {
  const row = await trx
    .selectFrom('applications as a')
    .innerJoin('rd_contracts as c', 'c.application_id', 'a.id')
    .select(['a.id', 'a.state', 'a.enterprise_id', 'c.phase1_fen', 'c.settlement', 'c.contract_number'])
    .where('a.id', '=', input.applicationId)
    .executeTakeFirst();
  if (!row) throw badRequest('该申报没有已签订的任务书');
  const settlement = row.settlement as { phase2Fen: number; reclaimFen: number } | null;
  const plan =
    row.state === 'phase1_payment'
      ? {
          kind: 'rd_phase1' as const,
          amountFen: row.phase1_fen,
          description: `任务书 ${row.contract_number} 第一期资助`,
        }
      : row.state === 'phase2_settlement' && settlement
        ? settlement.reclaimFen > 0
          ? {
              kind: 'reclaim' as const,
              amountFen: settlement.reclaimFen,
              description: `任务书 ${row.contract_number} 按实际投入核定后应退回`,
            }
          : {
              kind: 'rd_phase2' as const,
              amountFen: settlement.phase2Fen,
              description: `任务书 ${row.contract_number} 第二期资助`,
            }
        : undefined;
  if (!plan) throw badRequest('该项目当前不在第一期拨付或第二期拨付/追回阶段');
  if (plan.amountFen <= 0) throw badRequest('本期应付金额为零，无需支付');
  await notAlreadyPaying(trx, [row.id], [plan.kind]);
  return createPayment(trx, act, {
    enterpriseId: row.enterprise_id,
    kind: plan.kind,
    payee: await payeeOf(trx, row.enterprise_id),
    lines: [
      {
        applicationId: row.id,
        programId: 'vertical-model-rd',
        amountFen: plan.amountFen,
        description: plan.description,
      },
    ],
  });
}
