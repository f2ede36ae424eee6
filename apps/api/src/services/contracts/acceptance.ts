import type { Database } from '@dg/db';
import { settlePhase2 } from '@dg/policy';
import type { Transaction } from 'kysely';
import { badRequest } from '../../errors';
import type { Outbox } from '../notifications/state-change';
import type { Act } from '../progress/act';
import { advance, fireActorOf } from '../progress/advance';
import { netReceivedFen } from '../payments/workflow';
import { contractOf } from './sign';

/** The unit applies for acceptance with the project's actual investment (RD-4 recomputes the grant on it). */
export async function applyForAcceptance(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string; actualInvestmentFen: number },
  outbox: Outbox,
) {
  const contract = await contractOf(trx, input.applicationId);
  await advance(
    trx,
    input.applicationId,
    {
      event: 'apply_acceptance',
      actor: fireActorOf(act.actor),
      reason: '申请验收',
      data: { actualInvestmentFen: input.actualInvestmentFen },
      requestId: act.requestId,
      now: act.now,
    },
    outbox,
  );
  await trx
    .updateTable('rd_contracts')
    .set({
      actual_investment_fen: input.actualInvestmentFen,
      updated_at: act.now,
      version: contract.version + 1,
    })
    .where('id', '=', contract.id)
    .execute();
}

export interface IndicatorScore {
  key: string;
  achieved: boolean;
  note: string;
}

/**
 * RD-7: every indicator of the 任务书 scored met or not; all met passes. A pass settles phase 2 (RD-4): the grant
 * recomputed on the actual investment, the rest to pay or the excess to reclaim.
 */
export async function decideAcceptance(
  trx: Transaction<Database>,
  act: Act,
  input: { applicationId: string; scores: IndicatorScore[] },
  outbox: Outbox,
) {
  const contract = await contractOf(trx, input.applicationId);
  const indicators = contract.indicators;
  const missing = indicators.filter((i) => !input.scores.some((s) => s.key === i.key));
  const unknown = input.scores.filter((s) => !indicators.some((i) => i.key === s.key));
  if (missing.length || unknown.length)
    throw badRequest(
      `须对任务书的每项考核指标逐项评价${missing.length ? `（缺少：${missing.map((i) => i.name).join('、')}）` : ''}${unknown.length ? `（任务书中没有：${unknown.map((s) => s.key).join('、')}）` : ''}`,
    );
  if (contract.actual_investment_fen === null) throw badRequest('缺少项目实际投入');
  const passed = input.scores.every((s) => s.achieved);
  const settlement = passed
    ? settlePhase2({
        edition: contract.edition_code,
        approvedOn: contract.approved_on,
        ipRetainedInDongguan: contract.ip_retained_in_dongguan,
        approvedGrantFen: contract.approved_grant_fen,
        phase1PaidFen: await netReceivedFen(trx, input.applicationId),
        actualInvestmentFen: contract.actual_investment_fen,
      })
    : null;
  await advance(
    trx,
    input.applicationId,
    {
      event: passed ? 'pass_acceptance' : 'fail_acceptance',
      actor: fireActorOf(act.actor),
      reason: settlement?.message ?? '考核指标未全部完成，验收不通过（RD-7）',
      data: { scores: input.scores },
      requestId: act.requestId,
      now: act.now,
    },
    outbox,
  );
  const summary = settlement && {
    finalGrantFen: settlement.finalGrantFen,
    phase2Fen: settlement.phase2Fen,
    reclaimFen: settlement.reclaimFen,
    message: settlement.message,
    amounts: settlement.amounts,
  };
  await trx
    .updateTable('rd_contracts')
    .set({
      acceptance: JSON.stringify({ passed, scores: input.scores, decidedAt: act.now.toISOString() }),
      settlement: summary ? JSON.stringify(summary) : null,
      updated_at: act.now,
      version: contract.version + 1,
    })
    .where('id', '=', contract.id)
    .execute();
  return { passed, settlement: summary };
}
